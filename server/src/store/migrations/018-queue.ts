import type { Kysely } from 'kysely';

/**
 * The incoming queue. A feed's `mode` says whether its items go straight to readers (`publish`) or
 * wait for an editor (`review`). Waiting items are rows of `drafts` (one concept: waiting for an
 * editor, beside contributors' submitted drafts), never updates: `origin` is `feed` for them, with
 * the feed, what its item carried besides the fields (`flags`), and the dedup keys an update would
 * have, so a re-poll finds an item queued, discarded or published and never queues it again.
 * `reason` and `decided_by` record a discard.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sources')
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('publish'))
    .execute();
  for (const column of ['origin', 'feed_id', 'flags', 'external_id', 'content_key', 'url_key', 'reason']) {
    await db.schema.alterTable('drafts').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('drafts').addColumn('decided_by', 'text').execute();
  await db.schema
    .createIndex('drafts_external_id')
    .on('drafts')
    .columns(['event', 'external_id'])
    .unique()
    .execute();
  await db.schema.createIndex('drafts_content_key').on('drafts').columns(['event', 'content_key']).execute();
  await db.schema.createIndex('drafts_url_key').on('drafts').columns(['event', 'url_key']).execute();
  await db.schema
    .createIndex('drafts_queue')
    .on('drafts')
    .columns(['event', 'state', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['drafts_queue', 'drafts_url_key', 'drafts_content_key', 'drafts_external_id']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of [
    'decided_by',
    'reason',
    'url_key',
    'content_key',
    'external_id',
    'flags',
    'feed_id',
    'origin',
  ]) {
    await db.schema.alterTable('drafts').dropColumn(column).execute();
  }
  await db.schema.alterTable('sources').dropColumn('mode').execute();
}
