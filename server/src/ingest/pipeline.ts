import { randomUUID } from 'node:crypto';
import {
  dayOfConflict,
  retractSchema,
  updateInputSchema,
  updatePatchSchema,
  type BatchResult,
  type ChangeKind,
  type Update,
  type UpdateVersion,
} from '@dayline/shared';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events.js';
import type { Logger } from '../logger.js';
import { DuplicateKeyError, type Mutation, type Store } from '../store/store.js';
import { decideCorrection, decideRetraction, urlKey } from './corrections.js';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from './normalize.js';

/** Where accepted changes go after the store has them: the live hub. */
export interface ChangePublisher {
  publish(kind: ChangeKind, update: Update): void;
}

export interface IngestResult {
  update: Update;
  created: boolean;
}

/** One item of a feed, already parsed and sanitised, with the source it came from. */
export interface FeedItemInput {
  source: { id: string; name: string; topics: readonly string[] };
  /** The outlet's site, shown as the update's source link. */
  siteUrl?: string;
  item: {
    guid: string;
    title: string;
    summaryText: string;
    url?: string;
    author?: string;
    publishedAt: string;
    dateFallback: boolean;
    categories: readonly string[];
  };
}

/**
 * The one way into the store for every source (API, feeds, import, demo):
 * validate → normalise → tag topics → dedup and store → publish.
 */
export class IngestPipeline {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      publisher: ChangePublisher;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * One feed item: new → created; seen before with a changed title or summary → corrected
   * (`update:changed`); unchanged → duplicate. Feeds re-send every item on every poll.
   */
  async ingestFeedItem(eventSlug: string, { source, siteUrl, item }: FeedItemInput): Promise<BatchResult> {
    const event = this.deps.events.get(eventSlug);
    const input = {
      title: item.title.slice(0, 300),
      ...(item.summaryText ? { summary: item.summaryText.slice(0, 5000) } : {}),
      ...(item.url ? { url: item.url } : {}),
      source: { name: source.name, ...(siteUrl ? { url: siteUrl } : {}) },
      ...(item.author ? { author: item.author.slice(0, 200) } : {}),
      publishedAt: item.publishedAt,
      topics: [...new Set([...source.topics, ...event.topicsForCategories(item.categories)])],
      // (source, guid) is the item's identity: re-polling the same feed adds nothing.
      externalId: `feed:${source.id}:${item.guid}`.slice(0, 500),
    };
    try {
      const { update, created } = await this.ingest(eventSlug, input, { dateEstimated: item.dateFallback });
      if (created) return { id: update.id, status: 'created' };
      const title = cleanText(input.title);
      const summary = cleanParagraphs(input.summary ?? '');
      if (update.status === 'retracted' || (update.title === title && update.summary === summary)) {
        return { id: update.id, status: 'duplicate' };
      }
      const at = this.deps.clock.now().toISOString();
      const corrected = await this.mutate(update.id, 'changed', (current) =>
        decideCorrection(current, { title, summary }, event.config, at),
      );
      return { id: corrected.id, status: 'updated' };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'rejected', error: error.toJSON() };
    }
  }

  /** Ingests one item; throws AppError (400/404) for what it cannot accept. */
  async ingest(
    eventSlug: string,
    raw: unknown,
    flags: { dateEstimated?: boolean } = {},
  ): Promise<IngestResult> {
    const { store, events, publisher, clock } = this.deps;
    const event = events.get(eventSlug);
    const parsed = updateInputSchema.safeParse(raw);
    if (!parsed.success) throw AppError.invalid(parsed.error);
    const input = parsed.data;
    events.checkTopics(event, input.topics);

    const title = cleanText(input.title);
    const summary = cleanParagraphs(input.summary ?? '');
    const source = input.source && {
      name: cleanText(input.source.name),
      ...(input.source.url ? { url: input.source.url } : {}),
    };
    const canonical = input.url ? canonicalUrl(input.url) : undefined;
    const result = await store.insertUpdate({
      id: randomUUID(),
      event: event.config.slug,
      title,
      summary,
      ...(input.url ? { url: input.url, canonicalUrl: canonical } : {}),
      ...(source ? { source } : {}),
      ...(input.author ? { author: cleanText(input.author) } : {}),
      publishedAt: input.publishedAt,
      day: dayOfConflict(input.publishedAt, event.config),
      topics: event.tagger.tag(`${title}\n${summary}`, input.topics),
      ...(input.externalId ? { externalId: input.externalId } : {}),
      ...(canonical ? { urlKey: urlKey(source?.name, canonical) } : {}),
      contentKey: contentKey(source?.name, title, input.publishedAt),
      pinned: input.pinned ?? false,
      ...(flags.dateEstimated ? { dateEstimated: true } : {}),
      at: clock.now().toISOString(),
    });
    if (result.created) publisher.publish('new', result.update);
    return result;
  }

  /** PATCH: a correction, a pin or an unpin. Clients get `update:changed`. */
  async correct(id: string, raw: unknown): Promise<Update> {
    const parsed = updatePatchSchema.safeParse(raw);
    if (!parsed.success) throw AppError.invalid(parsed.error);
    const patch = parsed.data;
    const event = this.deps.events.get((await this.require(id)).event);
    this.deps.events.checkTopics(event, patch.topics);
    const at = this.deps.clock.now().toISOString();
    return this.mutate(id, 'changed', (current) => decideCorrection(current, patch, event.config, at));
  }

  /** DELETE: the update becomes a tombstone. Clients get `update:retracted`. */
  async retract(id: string, raw: unknown): Promise<Update> {
    const parsed = retractSchema.safeParse(raw ?? {});
    if (!parsed.success) throw AppError.invalid(parsed.error);
    const at = this.deps.clock.now().toISOString();
    return this.mutate(id, 'retracted', (current) => decideRetraction(current, parsed.data.reason, at));
  }

  /** Every version of an update; a retracted update's earlier text is not shown again. */
  async versions(id: string): Promise<UpdateVersion[]> {
    const update = await this.require(id);
    const versions = await this.deps.store.listVersions(id);
    if (update.status !== 'retracted') return versions;
    return versions.map(({ url: _url, ...version }) => ({ ...version, title: '', summary: '' }));
  }

  private async require(id: string): Promise<Update> {
    const update = await this.deps.store.getUpdate(id);
    if (!update) throw AppError.notFound(`Update "${id}"`);
    return update;
  }

  private async mutate(
    id: string,
    kind: ChangeKind,
    decide: (current: Update) => Mutation | undefined,
  ): Promise<Update> {
    let result;
    try {
      result = await this.deps.store.mutateUpdate(id, decide);
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new AppError('conflict', 'Another update of this event already has this link or headline');
      }
      throw error;
    }
    if (!result) throw AppError.notFound(`Update "${id}"`);
    if (result.changed) this.deps.publisher.publish(kind, result.update);
    return result.update;
  }

  /** Ingests many items, each on its own: one bad item does not stop the others. */
  async ingestBatch(eventSlug: string, items: readonly unknown[]): Promise<BatchResult[]> {
    this.deps.events.get(eventSlug);
    const results: BatchResult[] = [];
    for (const [index, item] of items.entries()) {
      try {
        const { update, created } = await this.ingest(eventSlug, item);
        results.push({ id: update.id, status: created ? 'created' : 'duplicate' });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.deps.logger.debug({ index, code: error.code }, 'batch item rejected');
        results.push({ status: 'rejected', error: error.toJSON() });
      }
    }
    return results;
  }
}
