import { eventDay, type DayCount, type Update } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../../src/config.js';
import { anUpdate, startServer, testEvent, token } from './helpers.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

describe('store', () => {
  it('recomputes stored days days when the event clock changes', async () => {
    const server = await startServer();
    const created = (await (await server.post(anUpdate({ publishedAt: '2022-03-16T21:30:00Z' }))).json()) as {
      id: string;
      day: number;
    };
    expect(created.day).toBe(21);
    // Same database file, opened again, the event now counted in UTC from a day later.
    const store = await openStore(server.databaseUrl);
    const moved = eventConfigSchema.parse({ ...testEvent, startDate: '2022-02-25', timeZone: 'UTC' });
    await store.syncEvents(
      [{ slug: moved.slug, startDate: moved.startDate, timeZone: moved.timeZone }],
      (at, e) => eventDay(at, e),
    );
    expect((await store.getUpdate(created.id))?.day).toBe(20);
    await store.close();
    await server.close();
  });
});

type Result = { id?: string; status: string };

/** Day counts computed the slow way, from every live update: what `/days` must answer. */
async function countedByHand(store: Store, topics?: string[]) {
  const days = new Map<number, { day: number; count: number; topics: Record<string, number> }>();
  let before: string | null = null;
  do {
    const page: { items: Update[]; next: string | null } = await store.listUpdates(testEvent.slug, {
      limit: 200,
      ...(before ? { before } : {}),
    });
    for (const update of page.items) {
      const counted = topics ? update.topics.filter((t) => topics.includes(t)) : update.topics;
      if (topics && counted.length === 0) continue;
      const day = days.get(update.day) ?? { day: update.day, count: 0, topics: {} };
      day.count += 1;
      for (const topic of counted) day.topics[topic] = (day.topics[topic] ?? 0) + 1;
      days.set(update.day, day);
    }
    before = page.next;
  } while (before);
  return [...days.values()].sort((a, b) => b.day - a.day);
}

describe('batch ingest', () => {
  it('stores a batch as one-by-one would: copies within it and of stored updates are one update', async () => {
    const server = await startServer();
    const stored = (await (await server.post(anUpdate({ externalId: 'wire-1' }))).json()) as Update;
    const twin = anUpdate();
    const fresh = anUpdate();
    const response = await server.post({
      items: [
        twin,
        anUpdate({ externalId: 'wire-1', title: 'Resent with a new headline' }),
        { ...twin },
        { title: 'no date' },
        fresh,
        anUpdate({ url: 'https://example.org/a?utm_source=x' }),
        anUpdate({ url: 'https://example.org/a' }),
      ],
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: Result[] };
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'duplicate',
      'duplicate',
      'rejected',
      'created',
      'created',
      'duplicate',
    ]);
    expect(results[1]?.id).toBe(stored.id);
    expect(results[2]?.id).toBe(results[0]?.id);
    expect(results[6]?.id).toBe(results[5]?.id);
    expect(await server.store.countUpdates(testEvent.slug)).toBe(4);

    // Cursors follow the batch order, after what was stored before.
    const cursors = await Promise.all(
      [results[0], results[4], results[5]].map(
        async (r) => (await server.store.getUpdate(r?.id ?? ''))?.cursor,
      ),
    );
    expect(cursors[0]).toBeGreaterThan(stored.cursor);
    expect(cursors).toEqual([...(cursors as number[])].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(3);

    // Sending the whole batch again adds nothing.
    const again = (await (await server.post({ items: [twin, fresh] })).json()) as { results: Result[] };
    expect(again.results).toEqual([
      { id: results[0]?.id, status: 'duplicate' },
      { id: results[4]?.id, status: 'duplicate' },
    ]);
    expect(await server.store.countUpdates(testEvent.slug)).toBe(4);
    await server.close();
  });

  it('gives a story of their own to items that joined a copy, which is not stored', async () => {
    const server = await startServer();
    const original = (await (
      await server.post(anUpdate({ externalId: 'wire-7', title: 'Harvest festival opens in the old town' }))
    ).json()) as Update;
    const story = (n: number) =>
      anUpdate({
        title: `Missile strike hits the Vorkhan river bridge overnight ${'!'.repeat(n)}`,
        summary: 'The Vorkhan river bridge was hit by a missile strike overnight, cutting the road.',
        publishedAt: '2022-03-16T10:00:00Z',
        source: { name: `Wire ${n}` },
      });
    const { results } = (await (
      await server.post({ items: [{ ...story(0), externalId: 'wire-7' }, story(1), story(2)] })
    ).json()) as { results: Result[] };
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'created', 'created']);
    expect(results[0]?.id).toBe(original.id);
    const [first, second] = await Promise.all(
      [results[1], results[2]].map(async (r) => server.store.getUpdate(r?.id ?? '')),
    );
    expect(first?.story?.id).toBe(first?.id);
    expect(second?.story?.id).toBe(first?.id);
    expect((await server.store.getUpdate(original.id))?.story).toBeUndefined();
    await server.close();
  });

  it('publishes each created update once, after the batch is stored', async () => {
    const server = await startServer();
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: testEvent.slug });
    const received: Update[] = [];
    socket.on('update:new', (update) => received.push(update));
    const items = [anUpdate(), anUpdate(), anUpdate()];
    const { results } = (await (await server.post({ items: [...items, items[0]] })).json()) as {
      results: Result[];
    };
    await expect.poll(() => received.length).toBe(3);
    expect(received.map((u) => u.id)).toEqual(results.slice(0, 3).map((r) => r.id));
    for (const update of received) expect(await server.store.getUpdate(update.id)).toBeDefined();
    await server.close();
  });
});

describe('day counts', () => {
  it('answer /days exactly as counting every update would, through inserts, corrections and retractions', async () => {
    const server = await startServer();
    const days = (query = '') =>
      fetch(`${server.url}/api/events/${testEvent.slug}/days${query}`).then(async (r) =>
        ((await r.json()) as DayCount[]).map(({ date: _date, ...rest }) => rest),
      );
    const expectSame = async () => {
      expect(await days()).toEqual(await countedByHand(server.store));
      for (const topic of ['military', 'diplomacy', 'energy'])
        expect(await days(`?topics=${topic}`)).toEqual(await countedByHand(server.store, [topic]));
      expect(await days('?topics=military,diplomacy')).toEqual(
        await countedByHand(server.store, ['military', 'diplomacy']),
      );
    };
    const titles = [
      'Shelling near the front line',
      'Talks on a ceasefire',
      'Gas and shelling',
      'Quiet night',
    ];
    const { results } = (await (
      await server.post({
        items: Array.from({ length: 24 }, (_, i) =>
          anUpdate({
            title: `${titles[i % titles.length]} ${i}`,
            publishedAt: new Date(Date.UTC(2022, 2, 10 + (i % 5), 21 + (i % 3))).toISOString(),
            ...(i % 7 === 0 ? { topics: ['energy'] } : {}),
          }),
        ),
      })
    ).json()) as { results: Result[] };
    await expectSame();

    const ids = results.map((r) => r.id as string);
    const send = (method: string, id: string, body: unknown) =>
      fetch(`${server.url}/api/updates/${id}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await send('PATCH', ids[0] as string, { topics: ['diplomacy', 'energy'] })).status).toBe(200);
    expect((await send('PATCH', ids[1] as string, { publishedAt: '2022-04-01T12:00:00Z' })).status).toBe(200);
    expect((await send('PATCH', ids[2] as string, { pinned: true })).status).toBe(200);
    expect((await send('DELETE', ids[3] as string, { reason: 'Wrong' })).status).toBe(200);
    expect((await send('DELETE', ids[3] as string, {})).status).toBe(200);
    await expectSame();

    // A new clock for the event moves stored days; the counts follow.
    const store = await openStore(server.databaseUrl);
    await store.syncEvents([{ slug: testEvent.slug, startDate: '2022-03-01', timeZone: 'UTC' }], (at, e) =>
      eventDay(at, e),
    );
    expect(await store.countDays(testEvent.slug, {})).toEqual(await countedByHand(store));
    await store.close();
    await server.close();
  });
});
