import type { Kysely } from 'kysely';

/**
 * Which process committed each change (`node:<id>` for a server, `tool:<id>` for a command such as
 * `npm run import`), so each server can follow the log and deliver what other processes committed
 * without delivering its own changes, or those Redis already carried, a second time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('changes').addColumn('origin', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('changes').dropColumn('origin').execute();
}
