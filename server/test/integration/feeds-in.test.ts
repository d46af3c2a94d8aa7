import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SourceView, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../../src/config.js';
import { nextEvent, startServer, testEvent, token, type TestServer } from './helpers.js';

/** A publisher on loopback: serves whatever the test sets, counts requests, honours ETags. */
class FixturePublisher {
  readonly server: Server;
  feeds = new Map<
    string,
    { status: number; body: string; etag?: string; headers?: Record<string, string> }
  >();
  hits = new Map<string, number>();
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      const feed = this.feeds.get(path);
      if (!feed) {
        res.writeHead(404).end();
        return;
      }
      if (feed.etag && req.headers['if-none-match'] === feed.etag) {
        res.writeHead(304, { etag: feed.etag }).end();
        return;
      }
      res
        .writeHead(feed.status, {
          'content-type': 'application/rss+xml; charset=utf-8',
          ...(feed.etag ? { etag: feed.etag } : {}),
          ...feed.headers,
        })
        .end(feed.body);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function rss(
  items: { guid: string; title: string; description?: string; category?: string; date?: string }[],
) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture Wire</title><link>https://fixture-wire.example.org/</link>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>
<link>https://fixture-wire.example.org/live/${i.guid}</link>
<description>${i.description ?? ''}</description>${i.category ? `<category>${i.category}</category>` : ''}
<pubDate>${i.date ?? 'Wed, 16 Mar 2022 21:30:00 +0200'}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

const event = eventConfigSchema.parse({
  ...testEvent,
  topics: testEvent.topics.map((t) => (t.id === 'energy' ? { ...t, categories: ['Power'] } : t)),
});

let publisher: FixturePublisher;
let server: TestServer;
beforeEach(async () => {
  publisher = new FixturePublisher();
  await publisher.start();
  server = await startServer(
    { allowPrivateNetworks: true, events: [event] },
    { poller: { tickMs: 3_600_000, random: () => 0.5 } },
  );
});
afterEach(async () => {
  await server.close();
  await publisher.close();
});

async function addSource(body: Record<string, unknown>): Promise<SourceView> {
  const response = await fetch(`${server.url}/api/events/test-war/sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as SourceView;
}

/** The sources list as a reader sees it, or as an admin (with the feed URLs and detailed errors). */
async function sources(as: 'reader' | 'admin' = 'reader', on: TestServer = server): Promise<SourceView[]> {
  const headers: Record<string, string> = as === 'admin' ? { authorization: `Bearer ${token}` } : {};
  return (await (await fetch(`${on.url}/api/events/test-war/sources`, { headers })).json()) as SourceView[];
}

async function timeline(): Promise<Update[]> {
  return ((await (await fetch(`${server.url}/api/events/test-war/updates`)).json()) as UpdatePage).items;
}

const poll = () => server.app.poller?.drain();
/** Moves the clock past every source's next poll. */
const later = (minutes: number) =>
  server.clock.set(new Date(server.clock.now().getTime() + minutes * 60_000).toISOString());

describe('feed sources', () => {
  it('polls a feed into the timeline once, live, and conditional GETs after that', async () => {
    publisher.feeds.set('/feed.xml', {
      status: 200,
      etag: '"v1"',
      body: rss([
        { guid: 'a', title: 'Shelling reported overnight', category: 'Power' },
        { guid: 'b', title: 'Talks resume', date: 'not a date' },
      ]),
    });
    await addSource({ name: 'Fixture Wire', url: `${publisher.url}/feed.xml`, topics: ['diplomacy'] });
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const live = nextEvent(socket, 'update:new', 3000);
    await poll();

    expect((await live).source).toEqual({ name: 'Fixture Wire', url: 'https://fixture-wire.example.org/' });
    const updates = await timeline();
    expect(updates.map((u) => u.title).sort()).toEqual(['Shelling reported overnight', 'Talks resume']);
    const shelling = updates.find((u) => u.title.startsWith('Shelling'));
    expect(shelling).toMatchObject({ day: 21, url: 'https://fixture-wire.example.org/live/a' });
    // Source topic, keyword rule and category mapping.
    expect(shelling?.topics.sort()).toEqual(['diplomacy', 'energy', 'military']);
    const undated = updates.find((u) => u.title === 'Talks resume');
    expect(undated).toMatchObject({ dateEstimated: true, publishedAt: server.clock.now().toISOString() });

    let [health] = await sources();
    expect(health).toMatchObject({ status: 'ok', httpStatus: 200, itemsSeen: 2, itemsNew: 2, error: null });
    expect(health?.lastSuccessAt).toBe(server.clock.now().toISOString());

    // Not due yet: nothing is fetched.
    await poll();
    expect(publisher.hits.get('/feed.xml')).toBe(1);
    // Due again: a 304, no parsing, nothing new.
    later(3);
    await poll();
    expect(publisher.hits.get('/feed.xml')).toBe(2);
    [health] = await sources();
    expect(health).toMatchObject({ status: 'ok', httpStatus: 304, itemsNew: 0 });
    expect(await timeline()).toHaveLength(2);
  });

  it('corrects an item whose title changed, with update:changed', async () => {
    publisher.feeds.set('/feed.xml', {
      status: 200,
      body: rss([{ guid: 'a', title: 'Blast heard in the city' }]),
    });
    await addSource({ name: 'Fixture Wire', url: `${publisher.url}/feed.xml` });
    await poll();
    publisher.feeds.set('/feed.xml', {
      status: 200,
      body: rss([{ guid: 'a', title: 'Two blasts heard in the city' }]),
    });
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const changed = nextEvent(socket, 'update:changed', 3000);
    later(3);
    await poll();
    expect(await changed).toMatchObject({
      title: 'Two blasts heard in the city',
      version: 2,
      status: 'corrected',
    });
    expect(await timeline()).toHaveLength(1);
    expect((await sources())[0]).toMatchObject({ itemsSeen: 1, itemsNew: 1 });
  });

  it('a dead, a malformed and a gone source fail on their own; the healthy one still polls', async () => {
    publisher.feeds.set('/ok.xml', { status: 200, body: rss([{ guid: 'x', title: 'Aid convoy arrives' }]) });
    publisher.feeds.set('/broken.xml', { status: 200, body: '<html><body>Not a feed</body></html>' });
    publisher.feeds.set('/down.xml', { status: 503, body: 'busy', headers: { 'retry-after': '600' } });
    publisher.feeds.set('/gone.xml', { status: 410, body: 'gone' });
    for (const name of ['ok', 'broken', 'down', 'gone']) {
      await addSource({ name: `Source ${name}`, url: `${publisher.url}/${name}.xml` });
    }
    await poll();
    const byName = new Map((await sources()).map((s) => [s.name, s]));
    const detailed = new Map((await sources('admin')).map((s) => [s.name, s]));
    expect(byName.get('Source ok')).toMatchObject({ status: 'ok', itemsNew: 1, errorKind: null });
    expect(byName.get('Source broken')).toMatchObject({
      status: 'failing',
      errorKind: 'not_a_feed',
      error: null,
    });
    expect(detailed.get('Source broken')?.error).toBeTruthy();
    const down = byName.get('Source down');
    expect(down).toMatchObject({ status: 'failing', httpStatus: 503 });
    // Retry-After: 600 s is honoured over the 120 s interval.
    expect(Date.parse(down?.nextPollAt ?? '') - server.clock.now().getTime()).toBeGreaterThanOrEqual(600_000);
    expect(byName.get('Source gone')).toMatchObject({
      status: 'disabled',
      enabled: false,
      httpStatus: 410,
      nextPollAt: null,
    });
    expect(byName.get('Source gone')).toMatchObject({ errorKind: 'gone', error: null });
    expect(detailed.get('Source gone')?.error).toMatch(/410|gone/i);
    expect((await timeline()).map((u) => u.title)).toEqual(['Aid convoy arrives']);
  });

  it('refuses private addresses unless the config allows them', async () => {
    const strict = await startServer(
      { allowPrivateNetworks: false, events: [event] },
      { poller: { tickMs: 3_600_000 } },
    );
    try {
      publisher.feeds.set('/feed.xml', {
        status: 200,
        body: rss([{ guid: 'a', title: 'Should not arrive' }]),
      });
      await fetch(`${strict.url}/api/events/test-war/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Local', url: `${publisher.url}/feed.xml` }),
      });
      await strict.app.poller?.drain();
      const [health] = await sources('reader', strict);
      expect(health).toMatchObject({ status: 'failing', errorKind: 'refused', error: null });
      const [detailed] = await sources('admin', strict);
      expect(detailed?.error).toMatch(/private|loopback|refused/i);
      expect(publisher.hits.get('/feed.xml')).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('two nodes on one store never poll the same feed at the same time', async () => {
    publisher.feeds.set('/feed.xml', { status: 200, body: rss([{ guid: 'a', title: 'Only once' }]) });
    await addSource({ name: 'Fixture Wire', url: `${publisher.url}/feed.xml` });
    const second = await startServer(
      { allowPrivateNetworks: true, events: [event] },
      { poller: { tickMs: 3_600_000 }, databaseUrl: server.databaseUrl },
    );
    try {
      second.clock.set(server.clock.now().toISOString());
      await Promise.all([poll(), second.app.poller?.drain()]);
      expect(publisher.hits.get('/feed.xml')).toBe(1);
      expect(await timeline()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('manages sources through the API with the token, and validates them', async () => {
    const created = await addSource({
      name: 'Fixture Wire',
      url: `${publisher.url}/feed.xml`,
      pollSeconds: 300,
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const dup = await fetch(`${server.url}/api/events/test-war/sources`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Again', url: `${publisher.url}/feed.xml` }),
    });
    expect(dup.status).toBe(409);
    for (const body of [
      { name: 'x', url: 'ftp://x.example.org/feed' },
      { name: 'x', url: 'https://x.example.org', pollSeconds: 5 },
      { name: 'x', url: 'https://x.example.org', topics: ['weather'] },
    ]) {
      expect(
        (
          await fetch(`${server.url}/api/events/test-war/sources`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          })
        ).status,
      ).toBe(400);
    }
    const noToken = await fetch(`${server.url}/api/sources/${created.id}`, { method: 'PATCH', body: '{}' });
    expect(noToken.status).toBe(401);
    const patched = await fetch(`${server.url}/api/sources/${created.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ enabled: false }),
    });
    expect(await patched.json()).toMatchObject({ enabled: false, status: 'disabled', nextPollAt: null });
    expect(
      (await fetch(`${server.url}/api/sources/${created.id}`, { method: 'DELETE', headers })).status,
    ).toBe(204);
    expect(await sources()).toEqual([]);
  });

  it('adds the config file sources on start', async () => {
    const configured = eventConfigSchema.parse({
      ...event,
      sources: [{ name: 'Configured Wire', url: `${publisher.url}/configured.xml`, topics: ['energy'] }],
    });
    const withConfig = await startServer({ allowPrivateNetworks: true, events: [configured] });
    try {
      const list = (await (
        await fetch(`${withConfig.url}/api/events/test-war/sources`)
      ).json()) as SourceView[];
      expect(list).toMatchObject([
        { name: 'Configured Wire', topics: ['energy'], status: 'pending', pollSeconds: 120 },
      ]);
    } finally {
      await withConfig.close();
    }
  });
});
