import type { Change, SubscribeAck, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** What a reader's client holds: updates by id, the highest version of each. */
class ClientState {
  readonly byId = new Map<string, Update>();
  apply(update: Update) {
    const known = this.byId.get(update.id);
    if (!known || known.version < update.version) this.byId.set(update.id, update);
  }
  /** What the timeline shows: no tombstones, newest first, ties by id. */
  visible(): Update[] {
    return [...this.byId.values()]
      .filter((u) => u.status !== 'retracted')
      .sort((a, b) =>
        a.publishedAt === b.publishedAt ? cmp(b.id, a.id) : cmp(b.publishedAt, a.publishedAt),
      );
  }
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function freshTimeline(): Promise<Update[]> {
  const items: Update[] = [];
  let before: string | null = null;
  do {
    const query: string = `limit=200${before ? `&before=${before}` : ''}`;
    const page = (await (
      await fetch(`${server.url}/api/events/test-war/updates?${query}`)
    ).json()) as UpdatePage;
    items.push(...page.items);
    before = page.next;
  } while (before);
  return items;
}

const summary = (updates: Update[]) => updates.map((u) => [u.id, u.version, u.status, u.title, u.pinned]);

async function write(method: string, path: string, body: unknown): Promise<Update> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Update;
}

/** 100 new updates, then 10 corrections, 5 retractions and 3 pins, spread over `writers` parallel loops. */
async function busyGap(writers: number, existing: Update[]): Promise<void> {
  const news = Array.from({ length: 100 }, (_, i) =>
    anUpdate({
      title: `Gap update ${i}`,
      publishedAt: new Date(Date.UTC(2022, 2, 1 + (i % 20), i % 24)).toISOString(),
    }),
  );
  const created: Update[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < news.length; i += writers) {
        created.push(await write('POST', '/api/events/test-war/updates', news[i]));
      }
    }),
  );
  const targets = [...existing, ...created];
  const edits: [string, string, unknown][] = [
    ...targets
      .slice(0, 10)
      .map((u, i): [string, string, unknown] => ['PATCH', u.id, { title: `Corrected ${i}` }]),
    ...targets.slice(10, 15).map((u): [string, string, unknown] => ['DELETE', u.id, { reason: 'Wrong' }]),
    ...targets.slice(15, 18).map((u): [string, string, unknown] => ['PATCH', u.id, { pinned: true }]),
  ];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < edits.length; i += writers) {
        const [method, id, body] = edits[i] as [string, string, unknown];
        await write(method, `/api/updates/${id}`, body);
      }
    }),
  );
}

describe('catch-up after a disconnect', () => {
  it.each([1, 4])(
    'leaves the client equal to a fresh load (%i concurrent writers)',
    async (writers) => {
      await server.post({ items: Array.from({ length: 20 }, () => anUpdate()) });
      const state = new ClientState();
      for (const update of await freshTimeline()) state.apply(update);

      const socket = await server.socket();
      const first = await socket.emitWithAck('subscribe', { event: 'test-war' });
      if (!first.ok) throw new Error('subscribe failed');
      socket.disconnect();

      await busyGap(writers, state.visible());

      const again = await server.socket();
      const ack: SubscribeAck = await again.emitWithAck('subscribe', {
        event: 'test-war',
        since: first.cursor,
      });
      if (!ack.ok) throw new Error(`subscribe failed: ${ack.error.message}`);
      expect(ack.missed.map((c: Change) => c.cursor)).toEqual(
        [...ack.missed.map((c) => c.cursor)].sort((a, b) => a - b),
      );
      const kinds = ack.missed.reduce<Record<string, number>>(
        (n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }),
        {},
      );
      // Tombstones of the 5 retracted are sent; new ones changed in the gap still count as new.
      expect(kinds.retracted).toBe(5);
      expect((kinds.new ?? 0) + (kinds.changed ?? 0) + (kinds.retracted ?? 0)).toBe(ack.missed.length);
      for (const change of ack.missed) state.apply(change.update);

      expect(summary(state.visible())).toEqual(summary(await freshTimeline()));
      expect(state.visible()).toHaveLength(20 + 100 - 5);
    },
    60_000,
  );

  it('misses nothing when it catches up again and again while 4 writers commit', async () => {
    const state = new ClientState();
    const socket = await server.socket();
    const first = await socket.emitWithAck('subscribe', { event: 'test-war' });
    if (!first.ok) throw new Error('subscribe failed');
    let cursor = first.cursor;
    let writing = true;
    let rounds = 0;
    // Only acknowledgements feed this client, so every change must come through catch-up.
    const reader = (async () => {
      while (writing || rounds === 0) {
        const ack = await socket.emitWithAck('subscribe', { event: 'test-war', since: cursor });
        if (!ack.ok) throw new Error(ack.error.message);
        for (const change of ack.missed) state.apply(change.update);
        cursor = ack.cursor;
        rounds += 1;
      }
    })();
    await busyGap(4, []);
    writing = false;
    await reader;
    const last = await socket.emitWithAck('subscribe', { event: 'test-war', since: cursor });
    if (!last.ok) throw new Error(last.error.message);
    for (const change of last.missed) state.apply(change.update);
    expect(rounds).toBeGreaterThan(1);
    expect(summary(state.visible())).toEqual(summary(await freshTimeline()));
  }, 60_000);

  it('tells a client whose cursor the change log no longer covers to reload', async () => {
    const socket = await server.socket();
    const first = await socket.emitWithAck('subscribe', { event: 'test-war' });
    if (!first.ok) throw new Error('subscribe failed');
    for (let i = 0; i < 5; i++) await server.post(anUpdate());
    const head = (await server.store.headCursor('test-war')) as number;

    // Retention: everything but the newest change is older than the cut.
    await server.store.pruneChanges('2100-01-01T00:00:00.000Z');
    expect(await server.store.oldestCursor('test-war')).toBe(head);
    const stale = await socket.emitWithAck('subscribe', { event: 'test-war', since: first.cursor });
    expect(stale).toMatchObject({ ok: false, error: { code: 'gap_too_large' } });
    const recent = await socket.emitWithAck('subscribe', { event: 'test-war', since: head - 1 });
    expect(recent.ok).toBe(true);

    // A cursor from a store that was replaced.
    const future = await socket.emitWithAck('subscribe', { event: 'test-war', since: head + 1000 });
    expect(future).toMatchObject({ ok: false, error: { code: 'gap_too_large' } });
  });
});
