import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRetraction } from '../src/updates/corrections.js';
import { KyselyStore } from '../src/store/kysely-store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import * as searchPlans from '../src/store/migrations/008-search-plans.js';
import { chooseSearchPlan, defaultSearchTuning, type SearchTuning } from '../src/store/search-plan.js';
import type { ListFilter, NewUpdate } from '../src/store/store.js';
import type { Database } from '../src/store/tables.js';

// SQLite only: PostgreSQL has one plan (its GIN index), run by the integration suites.
const event = 'test-war';
const at = '2022-03-20T12:00:00Z';

/** mulberry32, so every run stores the same updates. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 600 updates of the event and 60 of another, stored in an order unrelated to their times (so
 * created cursors and the timeline disagree), many sharing a time. Words by share: "alpha" 90 %,
 * "alphabet" 10 %, "alpine" 5 %, "beta" 30 %, "gamma" 2 %, "delta" 3 updates, "Élan" 5 %.
 */
function updates(): NewUpdate[] {
  const rnd = random(42);
  const some = (share: number, word: string) => (rnd() < share ? [word] : []);
  const topics = ['military', 'diplomacy', 'energy'];
  return Array.from({ length: 660 }, (_, i) => {
    const words = [
      ...some(0.9, 'alpha'),
      ...some(0.1, 'alphabet'),
      ...some(0.05, 'alpine'),
      ...some(0.3, 'beta'),
      ...some(0.02, 'gamma'),
      ...(i % 200 === 7 ? ['delta'] : []),
      ...some(0.05, 'Élan'),
    ];
    const id = `u${String(i).padStart(4, '0')}`;
    const day = 1 + Math.floor(rnd() * 10);
    return {
      id,
      event: i < 600 ? event : 'other-war',
      title: `Update ${words.slice(0, 3).join(' ')} ${i}`,
      summary: `${words.slice(3).join(' ')} filler words`,
      source: { name: `Wire ${i % 3}` },
      // Hours on the hour: many updates share a publishedAt, which the id then orders.
      publishedAt: new Date(Date.UTC(2022, 1, 24 + day, Math.floor(rnd() * 6))).toISOString(),
      day,
      topics: [topics[i % 3] as string],
      contentKey: id,
      pinned: i % 17 === 0,
      topicReasons: {},
      storyId: i % 11 === 0 && i > 0 ? `u${String(i - 1).padStart(4, '0')}` : id,
      at,
    };
  }).sort(() => rnd() - 0.5);
}

let dir: string;
let db: Kysely<Database>;
/**
 * The query as it was before the plans, whenever anything matches: FTS5's own prefix query, every
 * match listed, then the timeline (no word is spelled out into terms, and nothing drives).
 */
let reference: KyselyStore;
const big = Number.MAX_SAFE_INTEGER;
// One match is estimate enough to pick the other plans.
const forced: Record<string, Partial<SearchTuning>> = {
  drive: { driveBelow: big },
  window: { driveBelow: 1, candidateCost: 0 },
  // Too few candidates for most pages: the window gives way to materialising.
  'window, then materialise': { driveBelow: 1, candidateCost: 0, windowMargin: 0.05 },
  materialise: { driveBelow: 1, candidateCost: big },
};
const stores = (tunings: Record<string, Partial<SearchTuning>>) =>
  Object.entries(tunings).map(
    ([name, tuning]) =>
      [name, new KyselyStore(db, { searchTuning: { ...defaultSearchTuning, ...tuning } })] as const,
  );

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-search-'));
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SqliteDatabase(path.join(dir, 'test.db')) }),
  });
  await migrateToLatest(db as Kysely<unknown>);
  reference = new KyselyStore(db, {
    searchTuning: { driveBelow: 1, windowMargin: 4, candidateCost: big, maxPrefixTerms: -1 },
  });
  const store = new KyselyStore(db);
  // Every writer tells the store the event's clock first; the store counts the event's cursors.
  await store.syncEvents(
    [event, 'other-war'].map((slug) => ({ slug, startDate: '2022-02-24', timeZone: 'Europe/Kyiv' })),
    () => 1,
  );
  await store.insertUpdates(updates());
  // Corrections and retractions go through the index's triggers too.
  await store.mutateUpdate('u0003', () => ({
    kind: 'corrected',
    fields: { title: 'Corrected delta alpha' },
    at,
  }));
  for (const id of ['u0010', 'u0020', 'u0030']) {
    await store.mutateUpdate(id, (current) => decideRetraction(current, 'Wrong', at));
  }
});

afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page of a listing, by following `next`: the ids of each. */
async function allPages(store: KyselyStore, filter: Omit<ListFilter, 'limit' | 'before'>, limit: number) {
  const pages: string[][] = [];
  let before: string | null = null;
  do {
    const page: Awaited<ReturnType<KyselyStore['listUpdates']>> = await store.listUpdates(event, {
      ...filter,
      limit,
      ...(before ? { before } : {}),
    });
    pages.push(page.items.map((u) => u.id));
    before = page.next;
  } while (before);
  return pages;
}

describe('search plans (SQLite)', () => {
  const queries = [
    'alpha',
    'ALPHA beta',
    'alph',
    'alp',
    'al',
    'a',
    'alphabet',
    'gamma',
    'delta',
    'élan',
    'zzz',
  ];

  it('give the pages the plain prefix query gives, across every page', async () => {
    for (const [name, tuning] of Object.entries(forced)) {
      const plan = await chooseSearchPlan(db, 'alpha', 41, { ...defaultSearchTuning, ...tuning });
      expect(plan?.kind, name).toBe(name.split(',')[0]);
    }
    for (const q of queries) {
      const expected = await allPages(reference, { q }, 40);
      for (const [name, store] of stores(forced)) {
        expect(await allPages(store, { q }, 40), `${name}: ${q}`).toEqual(expected);
      }
    }
    // The searches find what they should: not nothing, and not everything.
    expect((await allPages(reference, { q: 'alpha' }, 600)).flat().length).toBeGreaterThan(400);
    expect((await allPages(reference, { q: 'delta' }, 600)).flat().sort()).toEqual([
      'u0003',
      'u0007',
      'u0207',
      'u0407',
    ]);
  });

  it('combine with every other filter exactly as before', async () => {
    const filters: Omit<ListFilter, 'limit' | 'before'>[] = [
      { topics: ['military'] },
      { topics: ['diplomacy', 'energy'], source: 'Wire 1' },
      { pinned: true },
      { day: 4 },
      { from: '2022-03-01T03:00:00.000Z' },
    ];
    for (const filter of filters) {
      let found = 0;
      for (const q of ['alpha', 'alph', 'be', 'gamma']) {
        const expected = await allPages(reference, { ...filter, q }, 15);
        found += expected.flat().length;
        for (const [name, store] of stores(forced)) {
          expect(
            await allPages(store, { ...filter, q }, 15),
            `${name}: ${JSON.stringify({ filter, q })}`,
          ).toEqual(expected);
        }
      }
      expect(found, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('choose by the estimated matches: few drive, common words take a window, the rest materialise', async () => {
    // Thresholds for 600 updates rather than a million.
    const tuning = { ...defaultSearchTuning, driveBelow: 20, candidateCost: 1 };
    const plan = (q: string) => chooseSearchPlan(db, q, 51, tuning);
    expect(await plan('delta')).toEqual({ kind: 'drive', query: '("delta")' });
    expect(await plan('alpha')).toEqual({
      kind: 'window',
      query: '("alpha" OR "alphabet")',
      candidates: expect.any(Number) as number,
    });
    expect(await plan('Alpha alp')).toMatchObject({ kind: 'window', query: '"Alpha" AND "alp"*' });
    expect(await plan('beta')).toEqual({ kind: 'materialise', query: '("beta")' });
    expect(await plan('gamma alp')).toEqual({ kind: 'drive', query: '"gamma" AND "alp"*' });
    expect(await plan('zzz')).toEqual({ kind: 'drive', query: '"zzz"*' });
    expect(await plan('zzzz')).toEqual({ kind: 'drive', query: '"zzzz"*' });
    // Not ASCII: its term is not guessed, so FTS5 reads it as the prefix it is.
    expect(await plan('élan')).toEqual({ kind: 'materialise', query: '"élan"*' });
    // More terms than spelling out is worth: the same.
    expect(await chooseSearchPlan(db, 'alp', 51, { ...tuning, maxPrefixTerms: 1 })).toMatchObject({
      kind: 'window',
    });
    expect(await chooseSearchPlan(db, 'alph', 51, { ...tuning, maxPrefixTerms: 1 })).toEqual({
      kind: 'materialise',
      query: '"alph"*',
    });
    expect(await plan(' -- ')).toBeUndefined();
  });

  it('migration 008 undoes cleanly, and search works on either side of it', async () => {
    const ids = async () => (await allPages(reference, { q: 'alph' }, 600)).flat();
    const expected = await ids();
    // The plans need the new schema; the table itself answers for the old one.
    const matches = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*) as n from updates_fts where updates_fts match '"alph"*'`.execute(db)
      ).rows[0]?.n;
    const count = await matches();
    const schema = async () =>
      (await sql<{ sql: string }>`select sql from sqlite_master where name = 'updates_fts'`.execute(db))
        .rows[0]?.sql;
    const timelineColumns = async () =>
      (
        await sql<{ name: string }>`select name from pragma_index_info('updates_event_published')`.execute(db)
      ).rows.map((r) => r.name);

    await searchPlans.down(db as Kysely<unknown>);
    expect(await schema()).not.toContain('prefix');
    expect(await timelineColumns()).toEqual(['event', 'published_at', 'id']);
    expect(await matches()).toBe(count);

    await searchPlans.up(db as Kysely<unknown>);
    expect(await schema()).toContain("prefix='1 2 3'");
    expect(await timelineColumns()).toEqual(['event', 'published_at', 'id', 'created_cursor']);
    expect(await ids()).toEqual(expected);
    for (const [name, store] of stores(forced)) {
      expect((await allPages(store, { q: 'alph' }, 600)).flat(), name).toEqual(expected);
    }
  });
});
