import { randomUUID } from 'node:crypto';
import {
  dayOfConflict,
  updateInputSchema,
  type BatchResult,
  type ChangeKind,
  type Update,
} from '@dayline/shared';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from './normalize.js';

/** Where accepted changes go after the store has them: the live hub. */
export interface ChangePublisher {
  publish(kind: ChangeKind, update: Update): void;
}

export interface IngestResult {
  update: Update;
  created: boolean;
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

  /** Ingests one item; throws AppError (400/404) for what it cannot accept. */
  async ingest(eventSlug: string, raw: unknown): Promise<IngestResult> {
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
      ...(canonical ? { urlKey: `${source?.name.toLowerCase() ?? ''}\n${canonical}` } : {}),
      contentKey: contentKey(source?.name, title, input.publishedAt),
      pinned: input.pinned ?? false,
      at: clock.now().toISOString(),
    });
    if (result.created) publisher.publish('new', result.update);
    return result;
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
