import type { Update } from '@dayline/shared';
import { parseFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function seed(): Promise<Update[]> {
  const titles = ['Shelling near the river', 'Ceasefire talks resume', 'Gas pipeline repaired'];
  const created: Update[] = [];
  for (const [i, title] of titles.entries()) {
    const response = await server.post(
      anUpdate({ title, publishedAt: `2022-03-1${i}T10:00:00Z`, url: `https://wire.example.org/${i}` }),
    );
    created.push((await response.json()) as Update);
  }
  return created;
}

describe('feeds out', () => {
  it('serves a valid Atom feed, newest first, that parses back', async () => {
    const [, , newest] = await seed();
    const response = await fetch(`${server.url}/e/test-war/feed.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const parsed = parseFeed(await response.text());
    expect(parsed.format).toBe('atom');
    const feed = parsed.feed as {
      title?: unknown;
      entries?: { id?: string; title?: unknown; links?: { href?: string }[] }[];
    };
    expect(JSON.stringify(feed.title)).toContain('Test war');
    expect(feed.entries?.map((e) => e.id)).toHaveLength(3);
    expect(feed.entries?.[0]?.id).toBe(`urn:uuid:${newest?.id}`);
    expect(feed.entries?.[0]?.links?.[0]?.href).toBe('https://wire.example.org/2');
  });

  it('serves JSON Feed 1.1 with the same topic and search filters as the API', async () => {
    await seed();
    const response = await fetch(`${server.url}/e/test-war/feed.json?topics=diplomacy`);
    expect(response.headers.get('content-type')).toContain('application/feed+json');
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' });
    const parsed = parseFeed(body);
    expect(parsed.format).toBe('json');
    const items = (parsed.feed as { items?: { title?: string; tags?: string[] }[] }).items ?? [];
    expect(items.map((i) => i.title)).toEqual(['Ceasefire talks resume']);
    expect(items[0]?.tags).toEqual(['Diplomacy']);

    const searched = (await (await fetch(`${server.url}/e/test-war/feed.json?q=pipeline`)).json()) as {
      items: { title: string }[];
    };
    expect(searched.items.map((i) => i.title)).toEqual(['Gas pipeline repaired']);
    expect((await fetch(`${server.url}/e/test-war/feed.json?topics=weather`)).status).toBe(400);
    expect((await fetch(`${server.url}/e/nope/feed.atom`)).status).toBe(404);
  });

  it('answers conditional requests with 304 until something changes, and leaves retractions out', async () => {
    const [first] = await seed();
    const url = `${server.url}/e/test-war/feed.atom`;
    const initial = await fetch(url);
    const etag = initial.headers.get('etag');
    const lastModified = initial.headers.get('last-modified');
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    expect((await fetch(url, { headers: { 'if-none-match': etag ?? '' } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified ?? '' } })).status).toBe(304);

    await fetch(`${server.url}/api/updates/${first?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const changed = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).not.toContain('Shelling near the river');
  });
});
