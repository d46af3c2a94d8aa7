import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Editors' decisions on topics and stories, kept as labelled data and as the word that outranks the
 * rules: a topic added, confirmed or removed on an update; two updates the same story or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = db.schema.createTable('editor_decisions');
  await (
    isPostgres(db)
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('update_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('other_id', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('editor_decisions_update')
    .on('editor_decisions')
    .columns(['update_id', 'id'])
    .execute();
  await db.schema
    .createIndex('editor_decisions_event')
    .on('editor_decisions')
    .columns(['event', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('editor_decisions').execute();
}
