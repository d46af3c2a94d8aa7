import type { Kysely } from 'kysely';

/**
 * Drafts and scheduled posts, in a table of their own: they are not updates until published, so no
 * read path of readers (lists, search, day counts, feeds out, the change log and catch-up) can meet
 * them. Publishing claims a row (`state`, `claimed_by`, `claimed_at`) before it commits the update,
 * so one node publishes it, once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('update_id', 'text')
    .execute();
  await db.schema.createIndex('drafts_event').on('drafts').columns(['event', 'state']).execute();
  await db.schema.createIndex('drafts_due').on('drafts').columns(['state', 'publish_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('drafts').execute();
}
