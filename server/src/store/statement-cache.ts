import type SqliteDatabase from 'better-sqlite3';

/** What Kysely and the storage-full translation use of a SQLite connection. */
export interface SqliteConnection {
  close(): void;
  prepare(sql: string): SqliteDatabase.Statement;
  readonly inTransaction: boolean;
}

/**
 * The SQLite connection with its prepared statements kept for reuse. Kysely prepares every query
 * it runs; the timeline's few query shapes repeat thousands of times, and preparing one costs about
 * as much as running it. The least recently used statement is dropped past `size`, so one-off SQL
 * (multi-row inserts of each batch size) cannot grow the cache. A statement still iterating is
 * busy; a second use of its SQL meanwhile gets a fresh one.
 */
export function cacheStatements(db: SqliteDatabase.Database, size = 200): SqliteConnection {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    get inTransaction() {
      return db.inTransaction;
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // A Map keeps insertion order: moved to the end, the first entry is the least recent.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
