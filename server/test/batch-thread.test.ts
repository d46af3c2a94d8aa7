import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BatchResult, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { WriteTurns } from '../src/store/read-write-sqlite.js';
import { BatchWriter, batchThreadFrom } from '../src/updates/batch-writer.js';
import { anUpdate, startServer, testEvent, token, type TestServer } from './integration/helpers.js';

// The server's batch thread exists on SQLite files only (updates/batch-writer.ts): these run there.
let dir: string;
let server: TestServer;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-batch-thread-'));
  server = await startServer({}, { databaseUrl: `sqlite:${path.join(dir, 'dayline.db')}` });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function postBatch(items: unknown[]): Promise<BatchResult[]> {
  const response = await server.post({ items });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: BatchResult[] }).results;
}

async function freshTimeline(): Promise<Update[]> {
  const items: Update[] = [];
  let before: string | null = null;
  do {
    const page = (await (
      await fetch(`${server.url}/api/events/test-war/updates?limit=200${before ? `&before=${before}` : ''}`)
    ).json()) as UpdatePage;
    items.push(...page.items);
    before = page.next;
  } while (before);
  return items;
}

const published = (i: number) => new Date(Date.UTC(2022, 2, 1 + (i % 20), i % 24)).toISOString();

describe('big batches, written on the batch thread', () => {
  it("go live with the newsroom's posts in commit order, each update once, as a fresh load shows them", async () => {
    const socket = await server.socket();
    const received: { kind: string; update: Update }[] = [];
    for (const kind of ['new', 'changed', 'retracted'] as const) {
      socket.on(`update:${kind}`, (update: Update) => received.push({ kind, update }));
    }
    expect(await socket.emitWithAck('subscribe', { event: 'test-war' })).toMatchObject({ ok: true });

    // Three batches and twelve single posts at once: the thread's commits and the server's take turns.
    const batches = [0, 1, 2].map((b) =>
      Array.from({ length: 150 }, (_, i) =>
        anUpdate({ title: `Batch ${b} item ${i}`, publishedAt: published(i) }),
      ),
    );
    const singles = Array.from({ length: 12 }, (_, i) =>
      anUpdate({ title: `Newsroom post ${i}`, publishedAt: published(i + 3) }),
    );
    const [results] = await Promise.all([
      Promise.all(batches.map(postBatch)),
      Promise.all(singles.map((u) => server.post(u).then((r) => expect(r.status).toBe(201)))),
    ]);
    expect(results.flat().every((r) => r.status === 'created')).toBe(true);

    const total = 3 * 150 + 12;
    const deadline = Date.now() + 10_000;
    while (received.filter((r) => r.kind === 'new').length < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Past the change follower's next looks: nothing the thread committed comes a second time.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const news = received.filter((r) => r.kind === 'new').map((r) => r.update.id);
    expect(news).toHaveLength(total);
    expect(new Set(news).size).toBe(total);
    // In commit order: each change's cursor is above the one before, whichever thread committed it.
    const cursors = received.map((r) => r.update.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);

    // What the reader holds is what a fresh load shows: each update's latest version, and each
    // story as the latest change on any of its reports told it (as the client keeps them).
    const held = new Map<string, Update>();
    const stories = new Map<string, Update['story']>();
    for (const { update } of received) {
      held.set(update.id, update);
      if (update.story) stories.set(update.story.id, update.story);
    }
    const fresh = await freshTimeline();
    expect(fresh).toHaveLength(total);
    for (const { story, ...update } of fresh) {
      const { story: _, ...seen } = held.get(update.id) as Update;
      expect(seen).toEqual(update);
      if (story) expect(stories.get(story.id)).toEqual(story);
    }
  });

  it('answers per item as the server does: created, duplicate, rejected; committed at the server’s time', async () => {
    server.clock.set('2022-03-20T15:30:00Z');
    const stored = anUpdate({ title: 'Stored earlier', publishedAt: published(1) });
    const first = (await (await server.post(stored)).json()) as Update;
    const items: unknown[] = Array.from({ length: batchThreadFrom }, (_, i) =>
      anUpdate({ title: `Item ${i}`, publishedAt: published(i) }),
    );
    items[3] = { title: '', publishedAt: 'yesterday' };
    items[7] = stored;
    items[9] = items[8];
    const results = await postBatch(items);
    expect(results.map((r) => r.status)).toEqual(
      items.map((_, i) => (i === 3 ? 'rejected' : i === 7 || i === 9 ? 'duplicate' : 'created')),
    );
    expect(results[3]).toMatchObject({ error: { code: 'invalid_input' } });
    expect(results[7]).toEqual({ id: first.id, status: 'duplicate' });
    expect(results[9]).toEqual({ id: results[8]?.id, status: 'duplicate' });
    const created = (await (await fetch(`${server.url}/api/updates/${results[0]?.id}`)).json()) as Update;
    expect(created.ingestedAt).toBe('2022-03-20T15:30:00.000Z');
  });

  it('answers an unknown event with 404 and bad items as invalid, storing nothing', async () => {
    const items = Array.from({ length: batchThreadFrom }, () => anUpdate());
    const unknown = await server.post({ items }, { event: 'no-such-war' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const rejected = await postBatch(items.map(() => ({ title: 42 })));
    expect(rejected.every((r) => r.status === 'rejected')).toBe(true);
    expect(await freshTimeline()).toEqual([]);
  });

  it('waits while another process holds the write lock (npm run import), then commits', async () => {
    // The thread is running (a first batch) before the other process takes the lock.
    await postBatch(Array.from({ length: batchThreadFrom }, () => anUpdate()));
    const importer = new SqliteDatabase(path.join(dir, 'dayline.db'));
    importer.exec('begin immediate');
    const answered = postBatch(Array.from({ length: batchThreadFrom }, () => anUpdate()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    importer.exec('commit');
    importer.close();
    expect((await answered).every((r) => r.status === 'created')).toBe(true);
    expect(await freshTimeline()).toHaveLength(2 * batchThreadFrom);
  });

  it("matches new reports against the stories as the editors left them on the server's thread", async () => {
    const report = (source: string, title: string, summary: string, minutes: number) =>
      anUpdate({
        title,
        summary,
        source: { name: source },
        publishedAt: new Date(Date.UTC(2022, 2, 26, 8, minutes)).toISOString(),
      });
    const fillers = () => Array.from({ length: batchThreadFrom }, () => anUpdate());
    const results = await postBatch([
      report(
        'Northern Wire',
        'Missile strike hits fuel depot near Lviv',
        'A fuel depot near Lviv burned after a missile strike.',
        0,
      ),
      report(
        'Baltic Dispatch',
        'Fuel depot near Lviv hit by missile strike, officials say',
        'Officials said missiles hit the depot.',
        10,
      ),
      report(
        'Danube Post',
        'Lviv fuel depot struck by missiles overnight',
        'The depot near Lviv was struck overnight.',
        20,
      ),
      ...fillers(),
    ]);
    const [first, , third] = results.map((r) => r.id as string);
    const storyOf = async (id: string) =>
      ((await (await fetch(`${server.url}/api/updates/${id}`)).json()) as Update).story?.id;
    expect(await storyOf(third as string)).toBe(first);
    // An editor takes the third report out into a story of its own, on the server's thread.
    const split = await fetch(`${server.url}/api/stories/${first}/split`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ members: [third] }),
    });
    expect(split.status).toBe(200);
    // The thread's index heard of it: a report closest to the third joins the third's new story.
    const [later] = await postBatch([
      report(
        'Atlas Radio',
        'Lviv fuel depot struck by missiles overnight, firefighters say',
        'The depot near Lviv was struck overnight.',
        30,
      ),
      ...fillers(),
    ]);
    expect(await storyOf(later?.id as string)).toBe(third);
  });
});

describe("the batch thread's write turn", () => {
  it("publishes what the thread committed before the server's next write begins", async () => {
    const file = path.join(dir, 'turns.db');
    const store = await openStore(`sqlite:${file}`);
    const turns = new WriteTurns();
    let asked = 0;
    const order: string[] = [];
    const writer = new BatchWriter(
      { file, origin: 'node:test', events: [testEvent], configPath: undefined, logLevel: 'silent' },
      {
        turns: { take: () => (asked++, turns.take()) },
        publish: (changes) => order.push(...changes.map((c) => `${c.kind} ${c.update.title}`)),
      },
    );
    try {
      // The server is writing: the thread's insert waits for its turn.
      const busy = await turns.take();
      const items = Array.from({ length: batchThreadFrom }, (_, i) =>
        anUpdate({ title: `Thread item ${i}` }),
      );
      const answered = writer.ingestBatch('test-war', items, undefined, new Date('2022-03-20T12:00:00Z'));
      await expect.poll(() => asked, { timeout: 10_000 }).toBe(1);
      expect(order).toEqual([]);
      // The thread asked first, so the turn is its own next; the server's next write queues behind.
      busy();
      const next = turns.run(async () => void order.push('next write'));
      const results = await answered;
      await next;
      expect(results.every((r) => r.status === 'created')).toBe(true);
      expect(order).toEqual([...items.map((u) => `new ${u.title}`), 'next write']);
      expect(await store.countUpdates('test-war')).toBe(batchThreadFrom);
    } finally {
      await writer.close();
      await store.close();
    }
  });

  it('fails the batches in hand when the thread dies, and starts a new thread for the next', async () => {
    // A file whose folder is a file: the thread dies opening it, before it reads a batch.
    const notAFolder = path.join(dir, 'plain-file');
    writeFileSync(notAFolder, '');
    const writer = new BatchWriter(
      {
        file: path.join(notAFolder, 'dayline.db'),
        origin: 'node:test',
        events: [testEvent],
        configPath: undefined,
        logLevel: 'silent',
      },
      { turns: new WriteTurns(), publish: () => undefined },
    );
    const items = Array.from({ length: batchThreadFrom }, () => anUpdate());
    await expect(writer.ingestBatch('test-war', items, undefined, new Date())).rejects.toThrow(/mkdir/);
    await expect(writer.ingestBatch('test-war', items, undefined, new Date())).rejects.toThrow(/mkdir/);
    await writer.close();
  });
});
