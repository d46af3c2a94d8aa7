import { sql, type Kysely } from 'kysely';

/**
 * The sticky post: the one update an event's editors keep at the top of the reader's page ("What
 * we know so far"), distinct from key events. At most one per event, which the index enforces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('updates')
    .addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('updates_one_sticky_per_event')
    .on('updates')
    .column('event')
    .unique()
    .where(sql.ref('sticky'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_one_sticky_per_event').execute();
  await db.schema.alterTable('updates').dropColumn('sticky').execute();
}
