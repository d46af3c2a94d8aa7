import type { ErrorBody, Update, UpdatePage, UpdateVersion } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, nextEvent, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function send(method: 'PATCH' | 'DELETE', id: string, body?: unknown, bearer: string | null = token) {
  return fetch(`${server.url}/api/updates/${id}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function created(fields: Parameters<typeof anUpdate>[0] = {}): Promise<Update> {
  return (await (await server.post(anUpdate(fields))).json()) as Update;
}

describe('corrections', () => {
  it('files an update under new topics without calling it a correction', async () => {
    const original = await created({ title: 'Convoy reaches the city' });
    const answer = await send('PATCH', original.id, { topics: ['military'], version: 1 });
    expect(answer.status).toBe(200);
    const changed = (await answer.json()) as Update;
    expect(changed).toMatchObject({ topics: ['military'], status: 'published', version: 2 });
    expect(changed.correctedAt).toBeUndefined();
    // Text changed as well: that is a correction, with its note.
    const fixed = (await (
      await send('PATCH', original.id, {
        title: 'Convoy of 40 trucks reaches the city',
        correctionNote: 'Size added.',
      })
    ).json()) as Update;
    expect(fixed).toMatchObject({ status: 'corrected', correctionNote: 'Size added.', topics: ['military'] });
  });

  it('refuses a change based on a version that moved on, with 409 and the current update; nothing is overwritten', async () => {
    const original = await created({ title: 'Convoy reaches the city' });
    // Two editors opened version 1; the first to save wins.
    const first = await send('PATCH', original.id, {
      title: 'Convoy of 40 trucks reaches the city',
      version: 1,
    });
    expect(first.status).toBe(200);
    const second = await send('PATCH', original.id, {
      title: 'Convoy reaches the besieged city',
      version: 1,
    });
    expect(second.status).toBe(409);
    const { error } = (await second.json()) as ErrorBody & { error: { details: { current: Update } } };
    expect(error.code).toBe('conflict');
    expect(error.details.current).toMatchObject({
      version: 2,
      title: 'Convoy of 40 trucks reaches the city',
    });

    // The same through If-Match; a fresh version is accepted; no version at all still works.
    const stale = await fetch(`${server.url}/api/updates/${original.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ pinned: true }),
    });
    expect(stale.status).toBe(409);
    expect((await send('PATCH', original.id, { pinned: true, version: 2 })).status).toBe(200);
    expect((await send('PATCH', original.id, { pinned: false })).status).toBe(200);
    expect((await send('PATCH', original.id, { version: 4 })).status).toBe(400);
    const versions = (await (await fetch(`${server.url}/api/updates/${original.id}/versions`)).json()) as {
      items: UpdateVersion[];
    };
    expect(versions.items.map((v) => v.title)).not.toContain('Convoy reaches the besieged city');
  });

  it('bumps the version, marks it corrected with a note, recomputes the day, and goes out live', async () => {
    const original = await created({
      title: 'Strike reported in the north',
      publishedAt: '2022-03-16T10:00:00Z',
    });
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const live = nextEvent(socket, 'update:changed');
    server.clock.set('2022-03-20T14:05:00Z');

    const response = await send('PATCH', original.id, {
      title: 'Strike reported in the east',
      publishedAt: '2022-03-16T22:30:00Z',
      correctionNote: 'The strike was in the east, after midnight.',
    });
    expect(response.status).toBe(200);
    const corrected = (await response.json()) as Update;
    expect(corrected).toMatchObject({
      id: original.id,
      version: 2,
      status: 'corrected',
      title: 'Strike reported in the east',
      day: 22,
      correctedAt: '2022-03-20T14:05:00.000Z',
      correctionNote: 'The strike was in the east, after midnight.',
      updatedAt: '2022-03-20T14:05:00.000Z',
    });
    expect(corrected.cursor).toBeGreaterThan(original.cursor);
    expect(await live).toEqual(corrected);

    const versions = (await (await fetch(`${server.url}/api/updates/${original.id}/versions`)).json()) as {
      items: UpdateVersion[];
    };
    expect(versions.items.map((v) => [v.version, v.kind, v.title])).toEqual([
      [1, 'created', 'Strike reported in the north'],
      [2, 'corrected', 'Strike reported in the east'],
    ]);
    expect(versions.items[1]?.note).toBe('The strike was in the east, after midnight.');
  });

  it('pinning is live and changes the version but not the status; a repeated PATCH adds nothing', async () => {
    const original = await created();
    const pinned = (await (await send('PATCH', original.id, { pinned: true })).json()) as Update;
    expect(pinned).toMatchObject({ pinned: true, version: 2, status: 'published' });
    const again = (await (await send('PATCH', original.id, { pinned: true })).json()) as Update;
    expect(again.version).toBe(2);
    const page = (await (
      await fetch(`${server.url}/api/events/test-war/updates?pinned=true`)
    ).json()) as UpdatePage;
    expect(page.items.map((u) => u.id)).toEqual([original.id]);
    const unpinned = (await (await send('PATCH', original.id, { pinned: false })).json()) as Update;
    expect(unpinned).toMatchObject({ pinned: false, version: 3 });
  });

  it('explicit topics replace the old ones', async () => {
    const original = await created({ title: 'Missile strike', topics: ['energy'] });
    expect(original.topics).toEqual(['energy', 'military']);
    const corrected = (await (await send('PATCH', original.id, { topics: ['diplomacy'] })).json()) as Update;
    expect(corrected.topics).toEqual(['diplomacy']);
    const filtered = (await (
      await fetch(`${server.url}/api/events/test-war/updates?topics=military`)
    ).json()) as UpdatePage;
    expect(filtered.items).toEqual([]);
  });

  it('validates, authenticates and finds', async () => {
    const original = await created();
    expect((await send('PATCH', original.id, { title: 'x' }, null)).status).toBe(401);
    const empty = await send('PATCH', original.id, { correctionNote: 'nothing else' });
    expect(empty.status).toBe(400);
    const unknown = await send('PATCH', original.id, { headline: 'x' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('headline');
    expect((await send('PATCH', original.id, { topics: ['weather'] })).status).toBe(400);
    expect((await send('PATCH', 'missing', { title: 'x' })).status).toBe(404);
    expect((await send('DELETE', 'missing')).status).toBe(404);
  });

  it('refuses a correction that would duplicate another update', async () => {
    const first = await created({ url: 'https://news.example.org/one' });
    const second = await created({ url: 'https://news.example.org/two' });
    const response = await send('PATCH', second.id, { url: 'https://news.example.org/one?utm_source=x' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe('conflict');
    expect(first.id).not.toBe(second.id);
  });
});

describe('retractions', () => {
  it('leave a tombstone that never reappears, and go out live', async () => {
    const original = await created({ title: 'Unverified claim of a breakthrough', externalId: 'claim-1' });
    await send('PATCH', original.id, { pinned: true });
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const live = nextEvent(socket, 'update:retracted');
    server.clock.set('2022-03-20T14:07:00Z');

    const response = await send('DELETE', original.id, { reason: 'The claim could not be verified.' });
    expect(response.status).toBe(200);
    const tombstone = (await response.json()) as Update;
    expect(tombstone).toMatchObject({
      id: original.id,
      status: 'retracted',
      title: '',
      summary: '',
      pinned: false,
      version: 3,
      day: original.day,
      publishedAt: original.publishedAt,
      retractedAt: '2022-03-20T14:07:00.000Z',
      retractionReason: 'The claim could not be verified.',
    });
    expect(await live).toEqual(tombstone);

    // Not in pages, pins, counts, search, or its own history; resending the item brings nothing back.
    for (const query of ['', '?pinned=true', '?q=breakthrough']) {
      const page = (await (
        await fetch(`${server.url}/api/events/test-war/updates${query}`)
      ).json()) as UpdatePage;
      expect(page.items).toEqual([]);
    }
    expect(await (await fetch(`${server.url}/api/events/test-war/days`)).json()).toEqual([]);
    const versions = (await (await fetch(`${server.url}/api/updates/${original.id}/versions`)).json()) as {
      items: UpdateVersion[];
    };
    expect(versions.items.map((v) => v.kind)).toEqual(['created', 'pinned', 'retracted']);
    expect(JSON.stringify(versions)).not.toContain('breakthrough');
    const resent = await server.post(
      anUpdate({ title: 'Unverified claim of a breakthrough', externalId: 'claim-1' }),
    );
    expect(resent.status).toBe(200);
    expect(((await resent.json()) as Update).status).toBe('retracted');

    // Retracting again changes nothing; correcting a tombstone is refused.
    expect(((await (await send('DELETE', original.id)).json()) as Update).version).toBe(3);
    expect((await send('PATCH', original.id, { title: 'Back again' })).status).toBe(409);
  });
});

describe('search', () => {
  it('finds updates by words of the title or summary, as a prefix, in any case', async () => {
    await created({ title: 'Evacuation corridor opens', summary: 'Buses left the city at dawn.' });
    await created({ title: 'Talks resume', summary: 'Delegations met for three hours.' });
    const search = async (q: string) => {
      const page = (await (
        await fetch(`${server.url}/api/events/test-war/updates?q=${encodeURIComponent(q)}`)
      ).json()) as UpdatePage;
      return page.items.map((u) => u.title);
    };
    expect(await search('evacuation')).toEqual(['Evacuation corridor opens']);
    expect(await search('BUSES dawn')).toEqual(['Evacuation corridor opens']);
    expect(await search('delegation')).toEqual(['Talks resume']);
    expect(await search('"quoted" OR (weird*')).toEqual([]);
    expect(await search('nothing-like-this')).toEqual([]);
  });
});
