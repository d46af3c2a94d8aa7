import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-store.js';
import { ReadWriteSqliteDialect, WriteTurns } from '../src/store/read-write-sqlite.js';
import { connectSqlite } from '../src/store/sqlite-connection.js';
import type { Database } from '../src/store/tables.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-connections-'));
  file = path.join(dir, 'dayline.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const eventRow = { slug: 'quake', start_date: '2026-01-01', time_zone: 'UTC' };

describe('a SQLite file read and written at once', () => {
  it('answers a read while a write transaction is open, with what was committed, and orders writes', async () => {
    const turns = new WriteTurns();
    const db = new Kysely<Database>({
      dialect: new ReadWriteSqliteDialect({ read: connectSqlite(file), write: connectSqlite(file), turns }),
    });
    await migrateToLatest(db as Kysely<unknown>);
    const events = () => db.selectFrom('events').select('slug').orderBy('slug').execute();
    const before = (await events()).length;

    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const order: string[] = [];
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values(eventRow).execute();
      // Inside, the transaction sees its own write.
      expect(
        await trx.selectFrom('events').select('slug').where('slug', '=', 'quake').execute(),
      ).toHaveLength(1);
      await held;
      order.push('transaction');
    });
    // Outside, a read is answered now, without the uncommitted row; a write waits its turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await events()).toHaveLength(before);
    const write = db
      .insertInto('events')
      .values({ ...eventRow, slug: 'flood' })
      .execute()
      .then(() => order.push('write'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    finish();
    await Promise.all([transaction, write]);
    expect(order).toEqual(['transaction', 'write']);
    expect((await events()).map((e) => e.slug)).toEqual(expect.arrayContaining(['flood', 'quake']));
    await db.destroy();
  });

  it('waits for another writer (npm run import) on timers: the event loop goes on, and the write lands', async () => {
    const db = new Kysely<Database>({
      dialect: new ReadWriteSqliteDialect({
        read: connectSqlite(file),
        write: connectSqlite(file),
        turns: new WriteTurns(),
      }),
    });
    await migrateToLatest(db as Kysely<unknown>);
    // Another connection holds the write lock, as the importer does during its transaction. On
    // this thread, a synchronous busy wait could never see it released: only timers can.
    const importer = new SqliteDatabase(file);
    importer.exec('begin immediate');
    const ticks: number[] = [];
    const ticking = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    const transaction = db
      .transaction()
      .execute((trx) => trx.insertInto('events').values(eventRow).execute());
    const single = db
      .insertInto('events')
      .values({ ...eventRow, slug: 'flood' })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The writes are still waiting, and the event loop turned meanwhile.
    const events = () => db.selectFrom('events').select('slug').orderBy('slug').execute();
    expect(await events()).toEqual([]);
    expect(ticks.length).toBeGreaterThan(5);
    importer.exec('commit');
    await Promise.all([transaction, single]);
    clearInterval(ticking);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect((await events()).map((e) => e.slug)).toEqual(['flood', 'quake']);
    importer.close();
    await db.destroy();
  });
});

describe("a command's SQLite store (npm run import)", () => {
  it('takes the write lock as its transaction begins, so a write by the server cannot move its snapshot', async () => {
    const { db } = openSqlite(file, {});
    await migrateToLatest(db as Kysely<unknown>);
    // The server, writing live while the import runs (no busy wait here: it answers at once).
    const server = new SqliteDatabase(file);
    server.pragma('busy_timeout = 0');
    let serverWrite: unknown;
    await db.transaction().execute(async (trx) => {
      // The import reads first (is this a copy?), then writes. With a deferred BEGIN, the
      // server's commit in between would leave it SQLITE_BUSY on its first write.
      await trx.selectFrom('events').select('slug').execute();
      try {
        server
          .prepare("insert into events (slug, start_date, time_zone) values ('flood', '2026-01-01', 'UTC')")
          .run();
      } catch (error) {
        serverWrite = error;
      }
      await trx.insertInto('events').values(eventRow).execute();
    });
    // The server waited its turn (it retries on timers in the real server) and then writes.
    expect(serverWrite).toMatchObject({ code: 'SQLITE_BUSY' });
    server
      .prepare("insert into events (slug, start_date, time_zone) values ('flood', '2026-01-01', 'UTC')")
      .run();
    const slugs = await db.selectFrom('events').select('slug').orderBy('slug').execute();
    expect(slugs.map((e) => e.slug)).toEqual(['flood', 'quake']);
    server.close();
    await db.destroy();
  });
});
