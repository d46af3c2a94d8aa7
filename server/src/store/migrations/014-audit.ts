import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/** Who did what, when, to what: every editorial act, sign-in and account change, for admins to read. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const audit = db.schema.createTable('audit');
  await (
    isPostgres(db)
      ? audit.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : audit.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('event', 'text')
    .addColumn('target', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_event').on('audit').columns(['event', 'id']).execute();
  await db.schema.createIndex('audit_actor').on('audit').columns(['actor', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit').execute();
}
