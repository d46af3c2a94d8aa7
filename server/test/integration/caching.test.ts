import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anUpdate, startServer, testEvent, token, type TestServer } from './helpers.js';

let server: TestServer;
let clientDir: string;
const script = `export const words = ${JSON.stringify('the same words again and again '.repeat(400))};\n`;

beforeAll(async () => {
  // A small stand-in for client/dist: what matters here is which file gets which headers.
  clientDir = await mkdtemp(path.join(tmpdir(), 'dayline-client-'));
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Dayline</title>');
  await writeFile(path.join(clientDir, 'assets', 'index-Ab12Cd34.js'), script);
  await writeFile(path.join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(clientDir, '404.html'), '<!doctype html><title>Page not found · Dayline</title>');
  server = await startServer({ clientDir });
});
afterAll(async () => {
  await server.close();
  await rm(clientDir, { recursive: true, force: true });
});

const gzip = { 'accept-encoding': 'gzip' };

describe('static files', () => {
  it('keeps hashed assets for a year, and has index.html checked every time', async () => {
    const asset = await fetch(`${server.url}/assets/index-Ab12Cd34.js`, { headers: gzip });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toBe(script);

    const index = await fetch(`${server.url}/index.html`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Dayline</title>');
    // A reader's page holds its own first view (a private event's, for a viewer): never shared.
    for (const [page, title] of [
      ['/', 'Test war · Dayline'],
      ['/e/test-war/day/3', 'Day 3 · Sat 26 Feb 2022 · Test war'],
    ]) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('cache-control'), page).toBe('private, no-cache');
      expect(await response.text(), page).toContain(`<title>${title}</title>`);
    }
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('pages', () => {
  it('answer with the app on every page path, and a real 404 page anywhere else', async () => {
    for (const page of [
      '/e/test-war',
      '/e/test-war/u/abc',
      '/console',
      '/console/admin',
      '/e/test-war/?q=x',
    ]) {
      expect((await fetch(`${server.url}${page}`)).status, page).toBe(200);
    }
    for (const page of ['/admin', '/e/test-war/edit', '/e/test-war/u/abc/more', '/wp-login.php']) {
      const response = await fetch(`${server.url}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status, page).toBe(404);
      expect(await response.text(), page).toContain('Page not found');
    }
  });
});

describe('API reads', () => {
  it('are revalidated: a weak ETag, then 304 without a body until the list changes', async () => {
    await server.post(anUpdate());
    const url = `${server.url}/api/events/${testEvent.slug}/updates`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toMatch(/authorization/i);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);

    // Browsers revalidating send `Cache-Control: max-age=0` along with the tag.
    const again = await fetch(url, {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await server.post(anUpdate());
    const changed = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('answered with a token may be kept only by that reader', async () => {
    const withToken = await fetch(`${server.url}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.headers.get('cache-control')).toBe('private, no-cache');
    const first = await fetch(`${server.url}/api/first-view`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    // Writes are not cacheable at all, and are left alone.
    const posted = await server.post(anUpdate());
    expect(posted.headers.get('cache-control')).toBeNull();
  });

  it('are compressed when large enough to gain from it', async () => {
    for (let i = 0; i < 20; i++) await server.post(anUpdate());
    const large = await fetch(`${server.url}/api/events/${testEvent.slug}/updates?limit=50`, {
      headers: gzip,
    });
    expect(large.headers.get('content-encoding')).toBe('gzip');
    expect(((await large.json()) as { items: unknown[] }).items.length).toBeGreaterThan(20);
    // A tiny answer is sent as it is: gzip would make it bigger.
    const tiny = await fetch(`${server.url}/api/health`, { headers: gzip });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.json()).toEqual({ ok: true });
  });
});

describe('alongside compression', () => {
  it('feeds out still answer conditional requests with 304', async () => {
    await server.post(anUpdate());
    const url = `${server.url}/e/${testEvent.slug}/feed.json`;
    const first = await fetch(url, { headers: gzip });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url, {
      headers: { ...gzip, 'if-none-match': etag ?? '', 'cache-control': 'no-cache' },
    });
    expect(again.status).toBe(304);
  });

  it('socket.io still connects over long polling, where its requests are plain HTTP', async () => {
    const socket = connect(server.url, { transports: ['polling'], forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const ack = await socket.emitWithAck('subscribe', { event: testEvent.slug });
      expect(ack.ok).toBe(true);
    } finally {
      socket.disconnect();
    }
  });
});
