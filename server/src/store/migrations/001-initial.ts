import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .execute();

  const changes = db.schema.createTable('changes');
  await (
    isPostgres(db)
      ? changes.addColumn('seq', 'bigserial', (c) => c.primaryKey())
      : changes.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('update_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('changes_event_seq').on('changes').columns(['event', 'seq']).execute();

  await db.schema
    .createTable('updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('source_name', 'text')
    .addColumn('source_url', 'text')
    .addColumn('author', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('external_id', 'text')
    .addColumn('url_key', 'text')
    .addColumn('content_key', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cursor', 'bigint', (c) => c.notNull())
    .addColumn('created_cursor', 'bigint', (c) => c.notNull())
    .execute();
  // The timeline's order: newest first, ties broken by id, so keyset pages never skip or repeat.
  await db.schema
    .createIndex('updates_event_published')
    .on('updates')
    .columns(['event', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('updates_event_cursor').on('updates').columns(['event', 'cursor']).execute();
  await db.schema.createIndex('updates_event_day').on('updates').columns(['event', 'day']).execute();
  // Dedup keys: the store refuses a second copy even if two writers race.
  await db.schema
    .createIndex('updates_external_id')
    .on('updates')
    .columns(['event', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('updates_url_key')
    .on('updates')
    .columns(['event', 'url_key'])
    .unique()
    .where(sql.ref('url_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('updates_content_key')
    .on('updates')
    .columns(['event', 'content_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('update_topics')
    .addColumn('update_id', 'text', (c) => c.notNull().references('updates.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('update_topics_pk', ['update_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('update_topics_event_topic')
    .on('update_topics')
    .columns(['event', 'topic', 'update_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['update_topics', 'updates', 'changes', 'events']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
