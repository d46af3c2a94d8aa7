import { randomUUID } from 'node:crypto';
import { eventDay, updateInputSchema } from '@dayline/shared';
import type { PreparedUpdate } from '../commit/commit.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import { parseInput } from '../validate.js';
import { urlKey } from './corrections.js';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from './normalize.js';

/** What a source knows about an item beyond its fields. */
export interface IngestFlags {
  dateEstimated?: boolean;
  sourceTopics?: readonly string[];
  categories?: readonly string[];
}

/**
 * Validates (once), normalises and tags one item: everything that needs neither the store nor the
 * other items. Throws AppError for what it cannot accept.
 */
export function prepareUpdate(
  events: EventCatalog,
  event: EventRuntime,
  raw: unknown,
  flags: IngestFlags,
): PreparedUpdate {
  const input = parseInput(updateInputSchema, raw);
  events.checkTopics(event, input.topics);

  const title = cleanText(input.title);
  const summary = cleanParagraphs(input.summary ?? '');
  const source = input.source && {
    name: cleanText(input.source.name),
    ...(input.source.url ? { url: input.source.url } : {}),
  };
  const canonical = input.url ? canonicalUrl(input.url) : undefined;
  const explained = event.tagger.explain({
    title,
    summary,
    ...(input.topics ? { explicit: input.topics } : {}),
    ...(flags.sourceTopics ? { sourceTopics: flags.sourceTopics } : {}),
    ...(source ? { source: source.name } : {}),
    categories: [...(flags.categories ?? [])],
  });
  return {
    id: randomUUID(),
    event: event.config.slug,
    title,
    summary,
    ...(input.url ? { url: input.url, canonicalUrl: canonical } : {}),
    ...(source ? { source } : {}),
    ...(input.author ? { author: cleanText(input.author) } : {}),
    publishedAt: input.publishedAt,
    day: eventDay(input.publishedAt, event.config),
    topics: explained.topics,
    topicReasons: explained.reasons,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    ...(canonical ? { urlKey: urlKey(source?.name, canonical) } : {}),
    contentKey: contentKey(source?.name, title, input.publishedAt),
    pinned: input.pinned ?? false,
    ...(flags.dateEstimated ? { dateEstimated: true } : {}),
  };
}
