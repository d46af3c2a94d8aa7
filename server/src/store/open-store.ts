import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../config.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { cacheStatements } from './statement-cache.js';
import { translateStorageFull } from './storage-full.js';
import type { Store } from './store.js';
import type { Database } from './tables.js';

/** `sqlite:./data/dayline.db` → its file path (relative to `cwd`), or `:memory:`. */
export function sqlitePath(databaseUrl: string, cwd = process.cwd()): string {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (!file) throw new ConfigError('DATABASE_URL: give a file, e.g. sqlite:./data/dayline.db');
  return file === ':memory:' ? file : path.resolve(cwd, file);
}

function openSqlite(file: string, onOpen?: (sqlite: SqliteDatabase.Database) => void): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers go on while a write commits; FULL syncs each commit so an acknowledged
  // update survives a power cut, not only a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  onOpen?.(sqlite);
  const database = translateStorageFull(cacheStatements(sqlite));
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle connection closed by the server (restart, failover) is replaced on the next query;
  // without a listener its error would crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the store named by DATABASE_URL (SQLite or PostgreSQL) and migrates it to the latest schema.
 * `onSqliteOpen` reaches the SQLite connection (the disk-full test lowers its `max_page_count`).
 */
export async function openStore(
  databaseUrl: string,
  cwd = process.cwd(),
  onSqliteOpen?: (sqlite: SqliteDatabase.Database) => void,
): Promise<Store> {
  let db: Kysely<Database>;
  if (isPostgresUrl(databaseUrl)) db = openPostgres(databaseUrl);
  else if (databaseUrl.startsWith('sqlite:')) db = openSqlite(sqlitePath(databaseUrl, cwd), onSqliteOpen);
  else throw new ConfigError('DATABASE_URL: use sqlite:PATH or postgres://USER@HOST:PORT/DATABASE');
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db);
}
