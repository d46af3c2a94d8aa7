import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../config.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { ReadWriteSqliteDialect, WriteTurns } from './read-write-sqlite.js';
import { connectSqlite } from './sqlite-connection.js';
import type { SharedSqliteFile, Store } from './store.js';
import type { Database } from './tables.js';

/** `sqlite:./data/dayline.db` → its file path (relative to `cwd`), or `:memory:`. */
export function sqlitePath(databaseUrl: string, cwd = process.cwd()): string {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (!file) throw new ConfigError('DATABASE_URL: give a file, e.g. sqlite:./data/dayline.db');
  return file === ':memory:' ? file : path.resolve(cwd, file);
}

export interface StoreOptions {
  /** Where a relative SQLite path starts (default: the working directory). */
  cwd?: string;
  /**
   * Reaches the SQLite connection that writes, which then also takes the server's batches: no batch
   * thread opens the file (the disk-full test lowers this connection's `max_page_count`).
   */
  onSqliteOpen?: (sqlite: SqliteDatabase.Database) => void;
}

/**
 * A SQLite file on a writing and a reading connection (read-write-sqlite.ts), for the server and for
 * commands alike: its transactions take the write lock as they begin, so `npm run import` never
 * fails on a snapshot the server's live writes moved meanwhile. An in-memory database exists only
 * on its one connection.
 */
export function openSqlite(
  file: string,
  { onSqliteOpen: onOpen }: Pick<StoreOptions, 'onSqliteOpen'>,
): { db: Kysely<Database>; sharedFile?: SharedSqliteFile } {
  if (file === ':memory:') {
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: connectSqlite(file, onOpen) }) }),
    };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const turns = new WriteTurns();
  const write = connectSqlite(file, onOpen);
  const read = connectSqlite(file);
  const db = new Kysely<Database>({ dialect: new ReadWriteSqliteDialect({ read, write, turns }) });
  // A test that reaches the connection (to fill the disk) has every write made on that connection.
  return onOpen ? { db } : { db, sharedFile: { path: file, turns } };
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle connection closed by the server (restart, failover) is replaced on the next query;
  // without a listener its error would crash the process.
  pool.on('error', () => undefined);
  // A connection lost in the middle of a query (the network to the database cut) fails that query,
  // and pg also emits the error on the client, which the pool listens to only while it is idle: a
  // listener for the client's whole life keeps that from crashing the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the store named by DATABASE_URL (SQLite or PostgreSQL) and migrates it to the latest schema. */
export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  let opened: { db: Kysely<Database>; sharedFile?: SharedSqliteFile };
  if (isPostgresUrl(databaseUrl)) opened = { db: openPostgres(databaseUrl) };
  else if (databaseUrl.startsWith('sqlite:'))
    opened = openSqlite(sqlitePath(databaseUrl, options.cwd), options);
  else throw new ConfigError('DATABASE_URL: use sqlite:PATH or postgres://USER@HOST:PORT/DATABASE');
  const { db, sharedFile } = opened;
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, sharedFile ? { sharedFile } : {});
}
