import { PostgresAdapter } from 'kysely';

/** The one place that asks which database a Kysely instance (or transaction) talks to. */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
