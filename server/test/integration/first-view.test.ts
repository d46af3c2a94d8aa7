import { randomUUID } from 'node:crypto';
import { endOfDay, firstViewSchema, type FirstView, type Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../src/access/access.js';
import { eventConfigSchema } from '../../src/config.js';
import { anUpdate, startServer, testEvent, type TestServer } from './helpers.js';

const secret = eventConfigSchema.parse({
  ...testEvent,
  slug: 'secret-war',
  title: 'Secret war',
  visibility: 'private',
});
const quiet = eventConfigSchema.parse({ ...testEvent, slug: 'quiet-war', title: 'Quiet war' });

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ events: [testEvent, quiet, secret] });
});
afterEach(async () => {
  await server.close();
});

async function get(path: string, token?: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.status, path).toBe(200);
  return response.json();
}

async function firstView(search: string, token?: string): Promise<FirstView> {
  // Parsing with the shared schema checks the documented shape, not just a few fields.
  return firstViewSchema.parse(await get(`/api/first-view${search}`, token));
}

async function post(fields: Parameters<typeof anUpdate>[0], event = testEvent.slug): Promise<Update> {
  const response = await server.post(anUpdate(fields), { event });
  expect(response.status).toBe(201);
  return (await response.json()) as Update;
}

async function viewerToken(): Promise<string> {
  const token = `dl_test_${randomUUID()}`;
  await server.store.tokens.create({
    id: randomUUID(),
    name: token,
    digest: tokenDigest(token),
    scopes: ['viewer'],
    at: '2022-03-20T12:00:00.000Z',
  });
  return token;
}

/** A few days of updates with topics, two outlets, a pinned one and a retracted one. */
async function seed(): Promise<Update[]> {
  const made: Update[] = [];
  for (let i = 0; i < 12; i++) {
    made.push(
      await post({
        title: `${i % 2 ? 'Shelling near the front line' : 'Ceasefire talks'} report ${randomUUID()}`,
        publishedAt: new Date(Date.UTC(2022, 2, 14 + (i % 4), 8 + i)).toISOString(),
        source: { name: i % 3 ? 'Test Wire' : 'Other Desk' },
        pinned: i === 4 || i === 9,
      }),
    );
  }
  const retracted = made[7];
  if (!retracted) throw new Error('seed made too few updates');
  const response = await fetch(`${server.url}/api/updates/${retracted.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${'test-ingest-token-0123456789'}` },
  });
  expect(response.status).toBe(200);
  return made;
}

describe('GET /api/first-view', () => {
  it('answers exactly what the separate endpoints answer, for each filter combination', async () => {
    await seed();
    const base = `/api/events/${testEvent.slug}`;
    const cases = [
      { search: '', list: '', days: '' },
      { search: '&collapse=true', list: '&collapse=true', days: '' },
      { search: '&topics=military&collapse=true', list: '&topics=military&collapse=true', days: '' },
      {
        search: '&q=ceasefire&source=Test%20Wire',
        list: '&q=ceasefire&source=Test%20Wire',
        days: '&q=ceasefire&source=Test%20Wire',
      },
      { search: '&topics=diplomacy&limit=3', list: '&topics=diplomacy&limit=3', days: '' },
    ];
    for (const { search, list, days } of cases) {
      const view = await firstView(`?event=${testEvent.slug}${search}`);
      expect(view.events).toEqual(await get('/api/events'));
      expect(view.view?.event).toBe(testEvent.slug);
      expect(view.view?.page, search).toEqual(await get(`${base}/updates?${list}`));
      expect(view.view?.days, search).toEqual(await get(`${base}/days?${days}`));
      const topics = new URLSearchParams(search).get('topics');
      if (topics) {
        expect(view.view?.topics).toEqual([topics]);
        expect(view.view?.filteredDays, search).toEqual(await get(`${base}/days?topics=${topics}${days}`));
      } else {
        expect(view.view?.filteredDays).toBeNull();
      }
      expect(view.view?.keyEvents).toEqual(
        ((await get(`${base}/updates?pinned=true&limit=20`)) as { items: Update[] }).items,
      );
    }
    // The page was not trivially empty: the comparison above compared something (lists leave the
    // retracted one out).
    const all = await firstView(`?event=${testEvent.slug}`);
    expect(all.view?.page.items.length).toBe(11);
    expect(all.view?.keyEvents.length).toBe(2);
  });

  it('starts a day permalink at the end of that day, and an update permalink at the update', async () => {
    const made = await seed();
    const base = `/api/events/${testEvent.slug}`;
    const from = endOfDay(20, testEvent);
    const day = await firstView(`?event=${testEvent.slug}&day=20`);
    expect(day.view?.page).toEqual(await get(`${base}/updates?from=${from}`));
    expect(day.view?.page.items.every((u) => u.publishedAt <= from)).toBe(true);
    expect(day.view?.target).toBeNull();

    const aimed = made[5];
    if (!aimed) throw new Error('seed made too few updates');
    const update = await firstView(`?event=${testEvent.slug}&update=${aimed.id}&collapse=true`);
    expect(update.view?.target).toEqual(await get(`/api/updates/${aimed.id}`));
    expect(update.view?.page).toEqual(await get(`${base}/updates?from=${aimed.publishedAt}&collapse=true`));

    // An unknown update, or one of another event, gives the latest page and no target.
    const other = await post({}, quiet.slug);
    for (const id of ['no-such-update', other.id]) {
      const missing = await firstView(`?event=${testEvent.slug}&update=${id}`);
      expect(missing.view?.target).toBeNull();
      expect(missing.view?.page).toEqual(await get(`${base}/updates`));
    }
  });

  it('picks the event with the newest update when none is named', async () => {
    await post({ publishedAt: '2022-03-10T10:00:00Z' });
    expect((await firstView('')).view?.event).toBe(testEvent.slug);
    await post({ publishedAt: '2022-03-18T10:00:00Z' }, quiet.slug);
    const view = await firstView('');
    expect(view.view?.event).toBe(quiet.slug);
    expect(view.view?.page.items).toHaveLength(1);
  });

  it('hides private events without a viewer token, even when they are the liveliest', async () => {
    await post({ publishedAt: '2022-03-10T10:00:00Z' });
    const hidden = await post({ title: 'Secret shelling', publishedAt: '2022-03-19T10:00:00Z' }, secret.slug);

    const anonymous = await firstView('');
    expect(anonymous.events.map((e) => e.slug)).toEqual([testEvent.slug, quiet.slug]);
    expect(anonymous.view?.event).toBe(testEvent.slug);
    expect(JSON.stringify(anonymous)).not.toContain('Secret');
    const named = await firstView(`?event=${secret.slug}&update=${hidden.id}`);
    expect(named.view).toBeNull();
    expect(JSON.stringify(named)).not.toContain('Secret');
    // Nor does naming its update from a public event reveal it.
    expect((await firstView(`?event=${testEvent.slug}&update=${hidden.id}`)).view?.target).toBeNull();

    const viewer = await viewerToken();
    const seen = await firstView('', viewer);
    expect(seen.events.map((e) => e.slug)).toContain(secret.slug);
    expect(seen.view?.event).toBe(secret.slug);
    expect(seen.view?.page.items.map((u) => u.id)).toEqual([hidden.id]);
  });

  it('gives the cursor to subscribe from, so a change made after the view is replayed', async () => {
    await post({});
    const view = await firstView(`?event=${testEvent.slug}`);
    expect(view.view?.cursor).toBe(await server.store.headCursor(testEvent.slug));
    const later = await post({ title: 'Made after the first view' });

    const socket = await server.socket();
    const ack = await socket.emitWithAck('subscribe', {
      event: testEvent.slug,
      since: view.view?.cursor ?? -1,
    });
    expect(ack.ok && ack.missed.map((c) => c.update.id)).toEqual([later.id]);
  });

  it('drops unknown topics and refuses malformed input with a JSON error', async () => {
    const view = await firstView(`?event=${testEvent.slug}&topics=energy,Not_A_Topic,nonsense,military`);
    // Applied in the event's order, whatever order the link had.
    expect(view.view?.topics).toEqual(['military', 'energy']);

    for (const search of ['?day=3&update=abc', '?day=soon', '?limit=1000']) {
      const response = await fetch(`${server.url}/api/first-view${search}`);
      expect(response.status, search).toBe(400);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code, search).toBe('invalid_input');
    }
    for (const event of ['no-such-event', 'Not_A_Slug']) {
      const missing = await firstView(`?event=${event}`);
      expect(missing.view).toBeNull();
      expect(missing.events.map((e) => e.slug)).toEqual([testEvent.slug, quiet.slug]);
    }
  });
});
