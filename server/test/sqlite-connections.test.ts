import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite, openStore } from '../src/store/open-store.js';
import { ReadWriteSqliteDialect, WriteTurns } from '../src/store/read-write-sqlite.js';
import { connectSqlite } from '../src/store/sqlite-connection.js';
import type { NewUpdate } from '../src/store/store.js';
import type { Database } from '../src/store/tables.js';
import { threadFrom, ThreadInserter } from '../src/updates/update-inserter.js';

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
    const { db } = openSqlite(file, { servesReaders: false });
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

const newUpdate = (id: string, contentKey: string): NewUpdate => ({
  id,
  event: 'quake',
  title: `Aftershock ${id}`,
  summary: '',
  publishedAt: '2026-01-02T10:00:00.000Z',
  day: 2,
  topics: [],
  topicReasons: {},
  contentKey,
  pinned: false,
  storyId: id,
  at: '2026-01-02T10:00:01.000Z',
});

/** A store of the event `quake`, and a thread inserting into its file, as the server has them. */
async function storeWithThread() {
  const store = await openStore(`sqlite:${file}`, { cwd: dir });
  await store.syncEvents([{ slug: 'quake', startDate: '2026-01-01', timeZone: 'UTC' }], () => 1);
  const turns = new WriteTurns();
  const db = new Kysely<Database>({
    dialect: new ReadWriteSqliteDialect({ read: connectSqlite(file), write: connectSqlite(file), turns }),
  });
  return { store, db, inserter: new ThreadInserter(file, turns, db) };
}

describe('batch inserts on a worker thread', () => {
  it('commits there and reports what it stored; an error keeps its SQLite code', async () => {
    const { store, db, inserter } = await storeWithThread();
    const batch = Array.from({ length: threadFrom }, (_, i) => newUpdate(`u${i}`, `k${i}`));
    const { stored } = await inserter.insert([...batch, newUpdate('copy', 'k0')], 'tool:test');
    // The last is a copy of the first (same content key): stored once.
    expect(stored.map((s) => s.created)).toEqual([...batch.map(() => true), false]);
    expect(stored.at(-1)?.row.id).toBe('u0');
    expect((await store.getUpdate('u1'))?.title).toBe('Aftershock u1');
    // A stored id with other content: the primary key refuses it, and the code crosses the thread.
    const clash = Array.from({ length: threadFrom }, (_, i) => newUpdate(i === 5 ? 'u1' : `v${i}`, `w${i}`));
    await expect(inserter.insert(clash, 'tool:test')).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    await inserter.close();
    await db.destroy();
    // Refused whole: none of the clashing batch was stored.
    expect(await store.countUpdates('quake')).toBe(threadFrom);
    await store.close();
  });

  it('sends back exactly the rows it committed: new ones, copies, and stories moved off a copy', async () => {
    const { store, db, inserter } = await storeWithThread();
    const first = Array.from({ length: threadFrom }, (_, i) => newUpdate(`s${i}`, `ks${i}`));
    await inserter.insert(first, 'tool:test');
    const batch = [
      // A copy of a stored update, which an item below was clustered under.
      { ...newUpdate('copy-of-s0', 'ks0'), storyId: 'copy-of-s0' },
      { ...newUpdate('under-copy', 'ku'), storyId: 'copy-of-s0' },
      ...Array.from({ length: threadFrom }, (_, i) => ({ ...newUpdate(`n${i}`, `kn${i}`), storyId: 'n0' })),
      // A copy of an earlier item of the batch, and an item joining a stored story.
      newUpdate('copy-of-n1', 'kn1'),
      { ...newUpdate('joins-s1', 'kj'), storyId: 's1' },
    ];
    const { stored, grown } = await inserter.insert(batch, 'tool:test');
    expect(stored.map((s) => [s.row.id, s.created])).toEqual([
      ['s0', false],
      ['under-copy', true],
      ...batch.slice(2, -2).map((u) => [u.id, true]),
      ['n1', false],
      ['joins-s1', true],
    ]);
    // The story started by the copy is headed by the first item stored under it.
    expect(stored[1]?.row.story_id).toBe('under-copy');
    expect(grown.map((row) => row.id)).toEqual(['s1']);
    const committed = await db
      .selectFrom('updates')
      .selectAll()
      .where(
        'id',
        'in',
        stored.map((s) => s.row.id),
      )
      .execute();
    const byId = new Map(committed.map((row) => [row.id, row]));
    for (const { row } of stored) expect(row).toEqual(byId.get(row.id));
    expect(grown[0]).toEqual(
      await db.selectFrom('updates').selectAll().where('id', '=', 's1').executeTakeFirst(),
    );
    await inserter.close();
    await db.destroy();
    await store.close();
  });

  it('waits for another process that holds the write lock and commits meanwhile (npm run import), then commits', async () => {
    const { store, db, inserter } = await storeWithThread();
    // The thread is started (a first batch) before the other process takes the lock.
    const first = Array.from({ length: threadFrom }, (_, i) => newUpdate(`a${i}`, `ka${i}`));
    await inserter.insert(first, 'tool:test');
    const importer = new SqliteDatabase(file);
    importer.exec('begin immediate');
    importer
      .prepare("insert into events (slug, start_date, time_zone) values ('flood', '2026-01-01', 'UTC')")
      .run();
    const batch = Array.from({ length: threadFrom }, (_, i) => newUpdate(`b${i}`, `kb${i}`));
    const stored = inserter.insert(batch, 'tool:test');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The other process commits while the batch waits: a transaction that had read before it took
    // the lock would now fail with SQLITE_BUSY_SNAPSHOT.
    importer.exec('commit');
    importer.close();
    const { stored: rows } = await stored;
    expect(rows.every((r) => r.created)).toBe(true);
    expect(await store.countUpdates('quake')).toBe(2 * threadFrom);
    await inserter.close();
    await db.destroy();
    await store.close();
  });
});
