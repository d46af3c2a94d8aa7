import type { TopicReasons, Update, UpdateStatus } from '@dayline/shared';
import type { NewUpdate } from './store.js';
import type { UpdateRow } from './tables.js';

/** Row ↔ `Update` conversions shared by the store's reads and writes. */
export function rowToUpdate(row: UpdateRow): Update {
  return {
    id: row.id,
    event: row.event,
    title: row.title,
    summary: row.summary,
    ...(row.url ? { url: row.url } : {}),
    ...(row.source_name
      ? { source: { name: row.source_name, ...(row.source_url ? { url: row.source_url } : {}) } }
      : {}),
    ...(row.author ? { author: row.author } : {}),
    publishedAt: row.published_at,
    topics: JSON.parse(row.topics) as string[],
    ...(row.external_id ? { externalId: row.external_id } : {}),
    pinned: Boolean(row.pinned),
    sticky: Boolean(row.sticky),
    day: Number(row.day),
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    status: row.status as UpdateStatus,
    // PostgreSQL returns bigint as a string; cursors stay far below 2^53.
    cursor: Number(row.cursor),
    ...(row.corrected_at ? { correctedAt: row.corrected_at } : {}),
    ...(row.correction_note ? { correctionNote: row.correction_note } : {}),
    ...(row.retracted_at ? { retractedAt: row.retracted_at } : {}),
    ...(row.retraction_reason ? { retractionReason: row.retraction_reason } : {}),
    ...(row.date_estimated ? { dateEstimated: true } : {}),
    ...(row.topic_reasons && row.topic_reasons !== '{}'
      ? { topicReasons: JSON.parse(row.topic_reasons) as TopicReasons }
      : {}),
  };
}

/** An update's story: its stored head id, or itself for rows from before clustering. */
export const storyOf = (row: Pick<UpdateRow, 'id' | 'story_id'>) => row.story_id ?? row.id;

/** What a version keeps: the reader-visible content at that point. */
export function snapshot(update: Update) {
  const { title, summary, url, source, author, publishedAt, topics, pinned, status } = update;
  return { title, summary, url, source, author, publishedAt, topics, pinned, status };
}

/** The row a new update is stored as, with its place in the change log. */
export function newUpdateRow(update: NewUpdate, { cursor, seq }: { cursor: number; seq: number }): UpdateRow {
  return {
    id: update.id,
    event: update.event,
    title: update.title,
    summary: update.summary,
    url: update.url ?? null,
    canonical_url: update.canonicalUrl ?? null,
    source_name: update.source?.name ?? null,
    source_url: update.source?.url ?? null,
    author: update.author ?? null,
    published_at: update.publishedAt,
    day: update.day,
    topics: JSON.stringify(update.topics),
    external_id: update.externalId ?? null,
    url_key: update.urlKey ?? null,
    content_key: update.contentKey,
    pinned: update.pinned ? 1 : 0,
    sticky: 0,
    status: 'published',
    version: 1,
    ingested_at: update.at,
    updated_at: update.at,
    cursor,
    created_cursor: seq,
    first_cursor: cursor,
    corrected_at: null,
    correction_note: null,
    retracted_at: null,
    retraction_reason: null,
    date_estimated: update.dateEstimated ? 1 : 0,
    story_id: update.storyId,
    topic_reasons: JSON.stringify(update.topicReasons),
    topics_model: update.topicsModel ?? null,
  };
}
