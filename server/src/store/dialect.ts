import { PostgresAdapter, type Kysely } from 'kysely';

/** The one place migrations ask which database they run on. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
