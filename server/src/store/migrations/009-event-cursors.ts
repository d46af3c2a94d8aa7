import { sql, type Kysely } from 'kysely';

/**
 * Cursors per event, so a reader's cursor moves only with the event it reads and tells nothing about
 * writes to events it cannot see (a private one). `events.head_cursor` is each event's newest cursor;
 * `changes.cursor` the cursor of a change within its event; `updates.first_cursor` the one it was
 * created at (null for rows from before: their `created_cursor` was that cursor). The global
 * `changes.seq` and `updates.created_cursor` stay, for ordering inside the server and the full-text
 * index. Values already handed out stay valid: they were global, so they rise within each event too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('head_cursor', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update events set head_cursor = coalesce((select max(cursor) from updates where updates.event = events.slug), 0)`.execute(
    db,
  );
  await db.schema.alterTable('changes').addColumn('cursor', 'bigint').execute();
  await sql`update changes set cursor = seq`.execute(db);
  await db.schema.createIndex('changes_event_cursor').on('changes').columns(['event', 'cursor']).execute();
  // Nullable, so adding it rewrites no row of a large table.
  await db.schema.alterTable('updates').addColumn('first_cursor', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('updates').dropColumn('first_cursor').execute();
  await db.schema.dropIndex('changes_event_cursor').execute();
  await db.schema.alterTable('changes').dropColumn('cursor').execute();
  await db.schema.alterTable('events').dropColumn('head_cursor').execute();
}
