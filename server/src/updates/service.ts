import { patchAction } from '../accounts/audit.js';
import {
  retractSchema,
  updatePatchSchema,
  type BatchResult,
  type Update,
  type UpdateVersion,
} from '@dayline/shared';
import type { Clock } from '../clock.js';
import type { AddResult, CommitStep } from '../commit/commit.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { StoryAssigner } from '../stories/story-assigner.js';
import { TimeSlices } from '../time-slices.js';
import { parseInput } from '../validate.js';
import { decideCorrection, decideRetraction } from './corrections.js';
import { cleanParagraphs, cleanText } from './normalize.js';
import { prepareUpdate, type IngestFlags } from './prepare.js';
import { batchThreadFrom, type BatchWriter } from './batch-writer.js';

export type IngestResult = AddResult;

/** One item of a feed, already parsed and sanitised, with the feed it came from. */
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

/** A feed item as an update's input: the same for items published at once and items queued. */
export function feedItemInput({ source, siteUrl, item }: FeedItemInput) {
  return {
    title: item.title.slice(0, 300),
    ...(item.summaryText ? { summary: item.summaryText.slice(0, 5000) } : {}),
    ...(item.url ? { url: item.url } : {}),
    source: { name: source.name, ...(siteUrl ? { url: siteUrl } : {}) },
    ...(item.author ? { author: item.author.slice(0, 200) } : {}),
    publishedAt: item.publishedAt,
    // (source, guid) is the item's identity: re-polling the same feed adds nothing.
    externalId: `feed:${source.id}:${item.guid}`.slice(0, 500),
  };
}

/** What a feed item carries besides its fields, for tagging. */
export const feedItemFlags = ({ source, item }: Pick<FeedItemInput, 'source' | 'item'>) => ({
  dateEstimated: item.dateFallback,
  sourceTopics: [...source.topics],
  categories: [...item.categories],
});

/**
 * Writes and reads of updates for every writer (API, feeds, import, demo): each write validates
 * once, then goes through the commit step, which decides, commits and publishes.
 */
export class UpdateService {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      stories: StoryAssigner;
      commit: CommitStep;
      clock: Clock;
      logger: Logger;
      /** The server's batch thread (SQLite): big batches are written there, readers answered here. */
      batchWriter?: BatchWriter | undefined;
    },
  ) {}

  /**
   * Ingests one item; throws AppError (400/404) for what it cannot accept. `by`: who published it,
   * for the audit log (feeds and tools are not logged).
   */
  async ingest(eventSlug: string, raw: unknown, flags: IngestFlags = {}, by?: string): Promise<IngestResult> {
    const { events, commit } = this.deps;
    const event = events.get(eventSlug);
    const audit = by === undefined ? undefined : { actor: by, action: 'publish' };
    const { value } = await commit.add(event, [prepareUpdate(events, event, raw, flags)], audit);
    return value[0] as IngestResult;
  }

  /**
   * Ingests many items in one store transaction; an item that cannot be accepted is reported as
   * rejected and does not stop the others.
   */
  async ingestBatch(eventSlug: string, items: readonly unknown[], by?: string): Promise<BatchResult[]> {
    const { events, commit, logger, batchWriter, clock } = this.deps;
    const event = events.get(eventSlug);
    if (batchWriter && items.length >= batchThreadFrom) {
      events.requireOpen(eventSlug);
      return batchWriter.ingestBatch(eventSlug, items, by, clock.now());
    }
    const results: (BatchResult | undefined)[] = [];
    const accepted: { index: number; prepared: ReturnType<typeof prepareUpdate> }[] = [];
    // Validating and tagging 500 items takes ~50 ms: readers are answered in between.
    const slices = new TimeSlices();
    for (const [index, item] of items.entries()) {
      await slices.pause();
      try {
        accepted.push({ index, prepared: prepareUpdate(events, event, item, {}) });
        results.push(undefined);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        logger.debug({ index, code: error.code }, 'batch item rejected');
        results.push({ status: 'rejected', error: error.toJSON() });
      }
    }
    const rejected = items.length - accepted.length;
    const audit =
      by === undefined ? undefined : { actor: by, action: 'publish', batch: true, details: { rejected } };
    const { value: stored } = await commit.add(
      event,
      accepted.map((a) => a.prepared),
      audit,
    );
    for (const [i, { update, created }] of stored.entries()) {
      results[(accepted[i] as { index: number }).index] = {
        id: update.id,
        status: created ? 'created' : 'duplicate',
      };
    }
    return results as BatchResult[];
  }

  /**
   * One feed item: new → created; seen before with a changed title or summary → corrected
   * (`update:changed`); unchanged → duplicate. Feeds re-send every item on every poll.
   */
  async ingestFeedItem(eventSlug: string, { source, siteUrl, item }: FeedItemInput): Promise<BatchResult> {
    const { events, commit, clock } = this.deps;
    const event = events.get(eventSlug);
    const input = feedItemInput({ source, ...(siteUrl ? { siteUrl } : {}), item });
    try {
      const { update, created } = await this.ingest(eventSlug, input, feedItemFlags({ source, item }));
      if (created) return { id: update.id, status: 'created' };
      const title = cleanText(input.title);
      const summary = cleanParagraphs(input.summary ?? '');
      if (update.status === 'retracted' || (update.title === title && update.summary === summary)) {
        return { id: update.id, status: 'duplicate' };
      }
      const at = clock.now().toISOString();
      const { value: corrected } = await commit.change(update.id, 'changed', (current) =>
        decideCorrection(current, { title, summary }, event.config, at),
      );
      return { id: corrected.id, status: 'updated' };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'rejected', error: error.toJSON() };
    }
  }

  /** PATCH: a correction, a pin, the sticky post, new topics. Clients get `update:changed`. */
  async correct(id: string, raw: unknown, by?: string): Promise<Update> {
    const { events, commit, clock } = this.deps;
    const patch = parseInput(updatePatchSchema, raw);
    const event = events.get((await this.require(id)).event);
    events.checkTopics(event, patch.topics);
    const at = clock.now().toISOString();
    const audit = by === undefined ? undefined : { actor: by, action: patchAction(patch) };
    const { value } = await commit.change(
      id,
      'changed',
      (current) => decideCorrection(current, patch, event.config, at, by),
      audit,
    );
    return value;
  }

  /**
   * DELETE: the update becomes a tombstone (clients get `update:retracted`). If it was part of a
   * story, the story's first report among those left gets a change in the same commit, so every
   * card of the story shows it one report smaller.
   */
  async retract(id: string, raw: unknown, by?: string): Promise<Update> {
    const { store, stories, commit, clock } = this.deps;
    const { reason } = parseInput(retractSchema, raw ?? {});
    const at = clock.now().toISOString();
    const before = await this.require(id);
    const story = before.status === 'retracted' ? undefined : before.story;
    const left = story ? (await store.storyMembers(story.id)).filter((m) => m.id !== id) : [];
    // Members come earliest published first; a pinned one heads the story whatever its time.
    const head = left.find((m) => m.pinned) ?? left[0];
    const audit = by === undefined ? undefined : { actor: by, action: 'retract' };
    const { value: tombstone } = await commit.change(
      id,
      'retracted',
      (current) => {
        const mutation = decideRetraction(current, reason, at);
        return mutation && head ? { ...mutation, touch: [head.id] } : mutation;
      },
      audit,
    );
    if (story) stories.forget(before.event, id);
    return tombstone;
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
}
