import SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { cacheStatements } from './statement-cache.js';
import { translateStorageFull } from './storage-full.js';

/** One connection to a SQLite file with the store's settings, as Kysely uses it. */
export function connectSqlite(
  file: string,
  onOpen?: (sqlite: SqliteDatabase.Database) => void,
): KyselySqliteDatabase {
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers go on while a write commits; FULL syncs each commit so an acknowledged
  // update survives a power cut, not only a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  onOpen?.(sqlite);
  return translateStorageFull(cacheStatements(sqlite));
}
