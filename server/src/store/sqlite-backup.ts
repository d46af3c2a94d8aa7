import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { ConfigError } from '../config.js';
import { isPostgresUrl, sqlitePath } from './open-store.js';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
}

/** Pages per backup step large enough to copy any Dayline database in one step. */
const allPages = 0x7fffffff;

/**
 * Copies the SQLite database of `databaseUrl` to `out` with SQLite's online backup, while the server
 * may be writing to it. In WAL mode readers never block the writer, so the copy is taken in one step
 * from one consistent snapshot (a copy in small steps would restart after every write from another
 * process). The copy is checked and left as one self-contained file (rollback journal, no -wal).
 */
export async function backupSqlite(
  databaseUrl: string,
  out: string,
  cwd = process.cwd(),
): Promise<BackupResult> {
  if (isPostgresUrl(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump (see docs/operations.md), not npm run backup',
    );
  }
  if (!databaseUrl.startsWith('sqlite:')) throw new ConfigError('DATABASE_URL: use sqlite:PATH');
  const source = sqlitePath(databaseUrl, cwd);
  if (source === ':memory:') throw new ConfigError('An in-memory database has nothing to back up');
  if (!existsSync(source)) throw new ConfigError(`No database at ${source}`);
  const file = path.resolve(cwd, out);
  if (existsSync(file)) throw new ConfigError(`${file} exists; give a new file name`);
  if (!existsSync(path.dirname(file))) throw new ConfigError(`No folder ${path.dirname(file)}`);

  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(file, { progress: () => allPages });
    const copy = new SqliteDatabase(file);
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`The copy failed its check: ${String(check)}`);
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return { file, pages: progress.totalPages, bytes: statSync(file).size };
  } catch (error) {
    // Never leave a half-written copy that could be mistaken for a backup.
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
