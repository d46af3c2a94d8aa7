import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firstViewElementId, firstViewSchema, type Update } from '@dayline/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, privateEvent, startServer, testEvent, token, type TestServer } from './helpers.js';

// The reader's page as the client build makes it: the server fills in its head and its first view.
const template = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="description" content="Live updates, grouped by day." />
    <title>Dayline</title>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

let clientDir: string;
let server: TestServer;
beforeAll(() => {
  clientDir = mkdtempSync(path.join(tmpdir(), 'dayline-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), template);
});
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startServer({ clientDir, events: [testEvent, privateEvent] });
});
afterEach(async () => {
  await server.close();
});

async function page(pathname: string): Promise<{ html: string; response: Response }> {
  const response = await fetch(`${server.url}${pathname}`);
  return { html: await response.text(), response };
}

async function post(fields: Parameters<typeof anUpdate>[0] = {}, event = testEvent.slug): Promise<Update> {
  const response = await server.post(anUpdate(fields), { event });
  expect(response.status).toBe(201);
  return (await response.json()) as Update;
}

async function write(method: 'PATCH' | 'DELETE', id: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}/api/updates/${id}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
const jsonLd = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as {
    '@type': string;
    coverageStartTime: string;
    liveBlogUpdate: { headline: string; url: string; datePublished: string; dateModified?: string }[];
  } | null;
const firstView = (html: string) =>
  firstViewSchema.parse(
    JSON.parse(
      new RegExp(`<script type="application/json" id="${firstViewElementId}">(.*?)</script>`, 's').exec(
        html,
      )?.[1] ?? 'null',
    ),
  );

describe('reader pages carry their own head and first view', () => {
  it("an event's page: title, description, canonical, cards, and a LiveBlogPosting without retracted updates", async () => {
    const kept = await post({
      title: 'Grain ship leaves port under escort',
      publishedAt: '2022-03-16T08:00:00Z',
    });
    const corrected = await post({
      title: 'Talks resume in the capital',
      publishedAt: '2022-03-16T09:00:00Z',
    });
    const retracted = await post({ title: 'Bridge reported destroyed', publishedAt: '2022-03-16T10:00:00Z' });
    await write('PATCH', corrected.id, {
      title: 'Talks resume in the capital on Friday',
      correctionNote: 'Day fixed',
    });
    await write('DELETE', retracted.id, { reason: 'Not confirmed' });

    const { html, response } = await page(`/e/${testEvent.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(html).toContain('<title>Test war · Dayline</title>');
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(meta(html, 'og:title')).toBe('Test war');
    expect(meta(html, 'twitter:card')).toBe('summary');
    expect(html).toContain(`<link rel="canonical" href="${server.url}/e/${testEvent.slug}" />`);

    const ld = jsonLd(html);
    expect(ld?.['@type']).toBe('LiveBlogPosting');
    // Day 1 starts at midnight in the event's zone (Kyiv, UTC+2 in February 2022).
    expect(ld?.coverageStartTime).toBe('2022-02-23T22:00:00.000Z');
    const headlines = ld?.liveBlogUpdate.map((u) => u.headline);
    expect(headlines).toEqual([
      'Talks resume in the capital on Friday',
      'Grain ship leaves port under escort',
    ]);
    const [correctedEntry, keptEntry] = ld?.liveBlogUpdate ?? [];
    expect(correctedEntry?.dateModified).toBeDefined();
    expect(keptEntry?.dateModified).toBeUndefined();
    expect(keptEntry?.url).toBe(`${server.url}/e/${testEvent.slug}/u/${kept.id}`);

    // The first view in the page is what GET /api/first-view answers for the same address; the
    // canonical page is the event's, whatever filters the address had.
    const filtered = await page(`/e/${testEvent.slug}?topics=diplomacy`);
    expect(filtered.html).toContain(`<link rel="canonical" href="${server.url}/e/${testEvent.slug}" />`);
    const inPage = firstView(filtered.html);
    const api = firstViewSchema.parse(
      await (
        await fetch(`${server.url}/api/first-view?event=${testEvent.slug}&topics=diplomacy&limit=50`)
      ).json(),
    );
    expect(inPage).toEqual(api);
  });

  it("an update's permalink shows its headline, outlet, Day N and summary", async () => {
    const update = await post({
      title: 'Power restored to the eastern districts',
      summary: 'Crews worked through the night <script>alert(1)</script> to reconnect the "last" homes.',
      source: { name: 'Harbour Post' },
      publishedAt: '2022-03-16T19:30:00Z',
    });
    const { html } = await page(`/e/${testEvent.slug}/u/${update.id}`);
    expect(html).toContain('<title>Power restored to the eastern districts · Test war</title>');
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe('Power restored to the eastern districts');
    expect(meta(html, 'og:description')).toBe(
      'Harbour Post · Day 21 · Wed 16 Mar 2022 · Crews worked through the night &#60;script&#62;alert(1)&#60;/script&#62; to reconnect the &#34;last&#34; homes.',
    );
    expect(meta(html, 'article:published_time')).toBe('2022-03-16T19:30:00.000Z');
    // Nothing from an update can close the page's data blocks.
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(firstView(html).view?.target?.id).toBe(update.id);
  });

  it('a day page names its day; a private event is not in the page without a viewer', async () => {
    await post({ title: 'Secret briefing held' }, privateEvent.slug);
    const day = await page(`/e/${testEvent.slug}/day/21`);
    expect(day.html).toContain('<title>Day 21 · Wed 16 Mar 2022 · Test war</title>');
    expect(day.html).toContain(`<link rel="canonical" href="${server.url}/e/${testEvent.slug}/day/21" />`);

    const secret = await page(`/e/${privateEvent.slug}`);
    expect(secret.response.status).toBe(200);
    expect(secret.html).not.toContain('Secret briefing held');
    expect(secret.html).not.toContain('Secret war');
    expect(firstView(secret.html).view).toBeNull();
  });
});
