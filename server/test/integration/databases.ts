import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Which store the integration suites run against: `DAYLINE_TEST_STORE=postgres` or SQLite. */
export const testStore = process.env.DAYLINE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The PostgreSQL server on this machine and in CI (trust auth). */
const adminUrl = process.env.DAYLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  /** The SQLite file, when the store is SQLite. */
  file?: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of its own, so parallel test files and runs never collide. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testStore === 'postgres') {
    const name = `dayline_test_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.href,
      drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dayline-test-'));
  const file = path.join(dir, 'test.db');
  return {
    url: `sqlite:${file}`,
    file,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs one statement on a test database from outside the server (to break or inspect it). */
export async function runSql(url: string, statement: string): Promise<void> {
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  const { default: SqliteDatabase } = await import('better-sqlite3');
  const db = new SqliteDatabase(url.replace(/^sqlite:/, ''));
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}
