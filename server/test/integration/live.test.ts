import type { SubscribeAck, SubscribeRequest, Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, nextEvent, startServer, type TestServer, type TestSocket } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function subscribe(socket: TestSocket, request: SubscribeRequest): Promise<SubscribeAck> {
  return socket.emitWithAck('subscribe', request);
}

async function subscribed(request: SubscribeRequest = { event: 'test-war' }): Promise<TestSocket> {
  const socket = await server.socket();
  const ack = await subscribe(socket, request);
  expect(ack.ok).toBe(true);
  return socket;
}

/** Collects every update:new a socket gets. */
function collect(socket: TestSocket): Update[] {
  const seen: Update[] = [];
  socket.on('update:new', (u) => seen.push(u));
  return seen;
}

describe('live hub', () => {
  it('pushes a POSTed update to every subscribed client within a second', async () => {
    const sockets = await Promise.all([
      subscribed(),
      subscribed(),
      subscribed({ event: 'test-war', topics: ['military'] }),
    ]);
    const arrivals = sockets.map((s) => nextEvent(s, 'update:new', 1000));
    const started = performance.now();
    const posted = (await (
      await server.post(anUpdate({ title: 'Missile strike on depot' }))
    ).json()) as Update;
    const received = await Promise.all(arrivals);
    expect(performance.now() - started).toBeLessThan(1000);
    for (const update of received) expect(update).toEqual(posted);
  });

  it('does not send an update to a client filtered to other topics, and sends it once to one on several', async () => {
    const diplomacyOnly = await subscribed({ event: 'test-war', topics: ['diplomacy'] });
    const both = await subscribed({ event: 'test-war', topics: ['military', 'energy'] });
    const everything = await subscribed();
    const [gotDiplomacy, gotBoth, gotAll] = [collect(diplomacyOnly), collect(both), collect(everything)];

    await server.post(anUpdate({ title: 'Missile hits gas plant' })); // military + energy
    await server.post(anUpdate({ title: 'Ceasefire talks' })); // diplomacy
    // A final marker every client follows tells us all earlier emits have been delivered.
    const marker = anUpdate({ title: 'Talks, shelling and gas', externalId: 'marker' });
    await server.post(marker);
    for (const seen of [gotDiplomacy, gotBoth, gotAll]) await waitFor(() => lastTitle(seen) === marker.title);

    expect(gotDiplomacy.map((u) => u.title)).toEqual(['Ceasefire talks', marker.title]);
    expect(gotBoth.map((u) => u.title)).toEqual(['Missile hits gas plant', marker.title]);
    expect(gotAll.map((u) => u.title)).toEqual(['Missile hits gas plant', 'Ceasefire talks', marker.title]);
  });

  it('sends a duplicate POST to nobody', async () => {
    const socket = await subscribed();
    const seen = collect(socket);
    const item = anUpdate({ externalId: 'once' });
    await server.post(item);
    await server.post(item);
    const marker = anUpdate({ externalId: 'marker' });
    await server.post(marker);
    await waitFor(() => lastTitle(seen) === marker.title);
    expect(seen.map((u) => u.title)).toEqual([item.title, marker.title]);
  });

  it('returns exactly the missed updates for `since`, in cursor order, filtered by topic', async () => {
    const socket = await server.socket();
    const first = await subscribe(socket, { event: 'test-war' });
    if (!first.ok) throw new Error('subscribe failed');
    expect(first.missed).toEqual([]);
    socket.disconnect();

    const posted: Update[] = [];
    for (const title of ['Shelling in the east', 'Ceasefire talks', 'Power grid hit by missile']) {
      posted.push((await (await server.post(anUpdate({ title }))).json()) as Update);
    }
    const again = await server.socket();
    const ack = await subscribe(again, { event: 'test-war', since: first.cursor });
    if (!ack.ok) throw new Error('subscribe failed');
    expect(ack.missed.map((c) => c.kind)).toEqual(['new', 'new', 'new']);
    expect(ack.missed.map((c) => c.update)).toEqual(posted);
    expect(ack.missed.map((c) => c.cursor)).toEqual(posted.map((u) => u.cursor));
    expect(ack.cursor).toBe(posted.at(-1)?.cursor);

    const military = await subscribe(again, { event: 'test-war', since: first.cursor, topics: ['military'] });
    if (!military.ok) throw new Error('subscribe failed');
    expect(military.missed.map((c) => c.update.title)).toEqual([
      'Shelling in the east',
      'Power grid hit by missile',
    ]);

    const upToDate = await subscribe(again, { event: 'test-war', since: ack.cursor });
    expect(upToDate).toMatchObject({ ok: true, missed: [] });
  });

  it('replaces the subscription when subscribe is sent again', async () => {
    const socket = await subscribed({ event: 'test-war', topics: ['diplomacy'] });
    expect((await subscribe(socket, { event: 'test-war', topics: ['military'] })).ok).toBe(true);
    const seen = collect(socket);
    await server.post(anUpdate({ title: 'Ceasefire talks' }));
    await server.post(anUpdate({ title: 'Missile launched' }));
    await waitFor(() => seen.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((u) => u.title)).toEqual(['Missile launched']);
  });

  it('answers a bad subscribe with a coded error, never a crash', async () => {
    const socket = await server.socket();
    expect(await subscribe(socket, { event: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await subscribe(socket, { event: 'test-war', topics: ['weather'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const garbage = await socket.emitWithAck('subscribe', { event: 42, extra: true } as never);
    expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Still connected and usable.
    expect((await subscribe(socket, { event: 'test-war' })).ok).toBe(true);
  });
});

function lastTitle(updates: Update[]): string | undefined {
  return updates.at(-1)?.title;
}

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
