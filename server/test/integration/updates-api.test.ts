import type { BatchResult, DayCount, ErrorBody, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, testEvent, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function listAll(query = '', limit = 7): Promise<Update[]> {
  const seen: Update[] = [];
  let before: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', String(limit));
    if (before) params.set('before', before);
    const page = await json<UpdatePage>(
      await fetch(`${server.url}/api/events/${testEvent.slug}/updates?${params}`),
    );
    seen.push(...page.items);
    before = page.next;
  } while (before);
  return seen;
}

describe('POST /api/events/:slug/updates', () => {
  it('stores an update and answers 201 with its day in the event zone', async () => {
    const response = await server.post(
      anUpdate({ title: 'Missile strike reported', publishedAt: '2022-03-16T22:30:00+00:00' }),
    );
    expect(response.status).toBe(201);
    const update = await json<Update>(response);
    expect(update).toMatchObject({
      event: 'test-war',
      title: 'Missile strike reported',
      publishedAt: '2022-03-16T22:30:00.000Z',
      day: 22,
      version: 1,
      status: 'published',
      pinned: false,
      topics: ['military'],
      ingestedAt: '2022-03-20T12:00:00.000Z',
    });
    expect(update.cursor).toBeGreaterThan(0);
    const fetched = await json<Update>(await fetch(`${server.url}/api/updates/${update.id}`));
    expect(fetched).toEqual(update);
  });

  it('tags by whole words, case-insensitively, and keeps explicit topics first', async () => {
    const tagged = await json<Update>(
      await server.post(
        anUpdate({ title: 'CEASEFIRE talks resume', summary: 'Gas flows; Gaston says no shelling.' }),
      ),
    );
    expect(tagged.topics).toEqual(['military', 'diplomacy', 'energy']);
    const notWords = await json<Update>(
      await server.post(anUpdate({ title: 'Gaston talked in a gasworks town' })),
    );
    expect(notWords.topics).toEqual([]);
    const explicit = await json<Update>(
      await server.post(anUpdate({ title: 'Power grid repaired', topics: ['diplomacy'] })),
    );
    expect(explicit.topics).toEqual(['diplomacy', 'energy']);
  });

  it('treats the same item sent twice as one update', async () => {
    const item = anUpdate({ url: 'https://news.example.org/a?id=1&utm_source=x#top', externalId: undefined });
    const first = await server.post(item);
    const again = await server.post(item);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((await json<Update>(again)).id).toBe((await json<Update>(first)).id);

    // Same outlet, same article behind a tracking parameter and http: still one.
    const sameLink = await server.post(
      anUpdate({ title: 'Other headline', url: 'http://www.news.example.org/a?id=1&utm_medium=y' }),
    );
    expect(sameLink.status).toBe(200);
    // Same externalId, different text: one.
    await server.post(anUpdate({ externalId: 'wire-42' }));
    expect((await server.post(anUpdate({ externalId: 'wire-42' }))).status).toBe(200);
    // Same link from another outlet is another report.
    const otherOutlet = await server.post(
      anUpdate({ url: 'https://news.example.org/a?id=1', source: { name: 'Other Wire' } }),
    );
    expect(otherOutlet.status).toBe(201);
    expect(await listAll()).toHaveLength(3);
  });

  it('rejects invalid input with 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...anUpdate(), title: '' }, 'title'],
      [{ ...anUpdate(), title: undefined }, 'title'],
      [{ ...anUpdate(), publishedAt: 'yesterday' }, 'publishedAt'],
      [{ ...anUpdate(), url: 'javascript:alert(1)' }, 'url'],
      [{ ...anUpdate(), topics: ['military', 'Not A Slug'] }, 'topics.1'],
      [{ ...anUpdate(), topics: ['weather'] }, 'topics.0'],
      [{ ...anUpdate(), colour: 'red' }, '(root)'],
      [{ ...anUpdate(), source: { url: 'https://x.example' } }, 'source.name'],
    ];
    for (const [body, field] of cases) {
      const response = await server.post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await json<ErrorBody>(response);
      expect(error.code).toBe('invalid_input');
      const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths, JSON.stringify(error)).toContain(field);
    }
    expect(await listAll()).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await server.post('{"title": ');
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error.code).toBe('invalid_input');
    const huge = await server.post({ items: [anUpdate({ summary: 'x'.repeat(1_100_000) })] });
    expect(huge.status).toBe(413);
    expect((await json<ErrorBody>(huge)).error.code).toBe('payload_too_large');
  });

  it('needs a valid bearer token: 401 without one', async () => {
    const none = await server.post(anUpdate(), { token: null });
    expect(none.status).toBe(401);
    expect((await json<ErrorBody>(none)).error.code).toBe('unauthorized');
    expect((await server.post(anUpdate(), { token: 'wrong-token-wrong-token' })).status).toBe(401);
    expect(await listAll()).toHaveLength(0);
  });

  it('answers 404 for an unknown event or update', async () => {
    const event = await server.post(anUpdate(), { event: 'no-such-event' });
    expect(event.status).toBe(404);
    expect((await json<ErrorBody>(event)).error.code).toBe('not_found');
    expect((await fetch(`${server.url}/api/updates/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/events/nope/updates`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });

  it('takes a batch: created, duplicate and rejected items reported one by one', async () => {
    const existing = anUpdate({ externalId: 'dup-1' });
    await server.post(existing);
    const response = await server.post({ items: [anUpdate(), existing, { title: 'no date' }, anUpdate()] });
    expect(response.status).toBe(200);
    const { results } = await json<{ results: BatchResult[] }>(response);
    expect(results.map((r) => r.status)).toEqual(['created', 'duplicate', 'rejected', 'created']);
    expect(results[2]?.error).toMatchObject({ code: 'invalid_input' });
    expect(await listAll()).toHaveLength(3);

    const tooMany = await server.post({ items: Array.from({ length: 501 }, () => anUpdate()) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('items');
  });
});

describe('GET /api/events/:slug/updates', () => {
  it('pages newest first and returns every item exactly once, ties broken by id', async () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      anUpdate({
        // Many share an instant, so the id tie-break decides their order.
        publishedAt: new Date(Date.UTC(2022, 2, 1 + (i % 10), 12)).toISOString(),
        topics: i % 3 === 0 ? ['diplomacy'] : [],
      }),
    );
    await server.post({ items });
    const all = await listAll();
    expect(all).toHaveLength(60);
    expect(new Set(all.map((u) => u.id)).size).toBe(60);
    const sorted = [...all].sort((a, b) =>
      a.publishedAt === b.publishedAt ? (a.id < b.id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1,
    );
    expect(all.map((u) => u.id)).toEqual(sorted.map((u) => u.id));

    const diplomacy = await listAll('topics=diplomacy', 4);
    expect(diplomacy).toHaveLength(20);
    expect(diplomacy.every((u) => u.topics.includes('diplomacy'))).toBe(true);
  });

  it('validates the query', async () => {
    const base = `${server.url}/api/events/${testEvent.slug}/updates`;
    expect((await fetch(`${base}?limit=201`)).status).toBe(400);
    expect((await fetch(`${base}?topics=weather`)).status).toBe(400);
    const badToken = await fetch(`${base}?before=garbage`);
    expect(badToken.status).toBe(400);
    expect(JSON.stringify(await badToken.json())).toContain('before');
  });
});

describe('GET /api/events and /days', () => {
  it('lists events without their keyword rules', async () => {
    const events = await json<unknown[]>(await fetch(`${server.url}/api/events`));
    expect(events).toEqual([
      {
        slug: 'test-war',
        title: 'Test war',
        standfirst: '',
        startDate: '2022-02-24',
        timeZone: 'Europe/Kyiv',
        closed: false,
        topics: testEvent.topics.map(({ id, label, color }) => ({ id, label, color })),
        retiredTopics: [],
        lastPublishedAt: null,
      },
    ]);
  });

  it('counts updates per day of the event, with per-topic counts and the local date', async () => {
    await server.post({
      items: [
        anUpdate({ title: 'Shelling overnight', publishedAt: '2022-03-16T21:30:00Z' }), // day 21
        anUpdate({ title: 'Talks and shelling', publishedAt: '2022-03-16T22:30:00Z' }), // day 22
        anUpdate({ title: 'Quiet morning', publishedAt: '2022-03-17T06:00:00Z' }), // day 22
      ],
    });
    const days = await json<DayCount[]>(await fetch(`${server.url}/api/events/test-war/days`));
    expect(days).toEqual([
      { day: 22, date: '2022-03-17', count: 2, topics: { military: 1, diplomacy: 1 } },
      { day: 21, date: '2022-03-16', count: 1, topics: { military: 1 } },
    ]);
    const filtered = await json<DayCount[]>(
      await fetch(`${server.url}/api/events/test-war/days?topics=diplomacy`),
    );
    expect(filtered).toEqual([{ day: 22, date: '2022-03-17', count: 1, topics: { diplomacy: 1 } }]);
  });
});
