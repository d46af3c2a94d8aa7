import { sql, type Transaction } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Database } from './tables.js';

/** PostgreSQL advisory lock key that orders appends to the change log (any fixed number). */
const changeLogLock = 72_657_400;

/**
 * On PostgreSQL, writers take turns appending to the change log, so cursors commit in order and a
 * reader that saw cursor N has seen every change below it. SQLite has one writer already.
 */
export async function lockChangeLog(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${changeLogLock})`.execute(trx);
}
