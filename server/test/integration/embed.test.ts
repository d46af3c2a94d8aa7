import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateEvent, startServer, testEvent, type TestServer } from './helpers.js';

// The embed for publishers (docs/embed.md): the one page that may be framed, by whom, and the
// 400s a publisher gets for a mistake in its address. The page itself is tested in e2e/embed.spec.ts.
let clientDir: string;
let open: TestServer;
let limited: TestServer;

const embedHtml =
  '<!doctype html><html lang="en"><head><title>Dayline</title></head><body><div id="embed"></div></body></html>';

beforeAll(async () => {
  // A small stand-in for client/dist.
  clientDir = await mkdtemp(path.join(tmpdir(), 'dayline-embed-'));
  await writeFile(path.join(clientDir, 'embed.html'), embedHtml);
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Dayline</title>');
  await writeFile(path.join(clientDir, 'embed.js'), '(function () {})();\n');
  const events = [testEvent, { ...testEvent, slug: 'quote-war', title: 'The "<war>" & co' }, privateEvent];
  open = await startServer({ clientDir, events });
  limited = await startServer({
    clientDir,
    events,
    embedAncestors: ['https://news.example.com', 'https://*.example.org'],
  });
});
afterAll(async () => {
  await Promise.all([open?.close(), limited?.close()]);
  await rm(clientDir, { recursive: true, force: true });
});

function frameAncestors(response: Response): string | undefined {
  const csp = response.headers.get('content-security-policy') ?? '';
  return csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors'));
}

describe('GET /embed/:slug', () => {
  it('may be framed anywhere by default, with the rest of the policy unchanged', async () => {
    const response = await fetch(`${open.url}/embed/test-war`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(frameAncestors(response)).toBe('frame-ancestors *');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const page = await response.text();
    expect(page).toContain('<title>Test war · live updates · Dayline</title>');
    expect(page).toContain('<html lang="en">');
  });

  it('may be framed only by the configured sites when DAYLINE_EMBED_ORIGINS is set', async () => {
    const response = await fetch(`${limited.url}/embed/test-war?topics=military,energy&limit=5&q=gas`);
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe('frame-ancestors https://news.example.com https://*.example.org');
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('sets the theme the publisher chose before the first paint, and escapes the title', async () => {
    const dark = await (await fetch(`${open.url}/embed/quote-war?theme=dark`)).text();
    expect(dark).toContain('<html lang="en" data-theme="dark" data-theme-fixed>');
    expect(dark).toContain('<title>The &#34;&#60;war&#62;&#34; &#38; co · live updates · Dayline</title>');
    const light = await (await fetch(`${open.url}/embed/test-war?theme=light`)).text();
    expect(light).toContain('data-theme="light" data-theme-fixed');
    const auto = await (await fetch(`${open.url}/embed/test-war?theme=auto`)).text();
    expect(auto).not.toContain('data-theme');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=2.5', 'limit'],
    ['theme=blue', 'theme'],
    ['topics=military,weather', 'topics'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('answers %s with a 400 naming the parameter', async (search, field) => {
    const response = await fetch(`${open.url}/embed/test-war?${search}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { issues: { path: string }[] } };
    };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.details.issues.map((i) => i.path)).toContain(field);
    // An error page is not for framing.
    expect(frameAncestors(response)).toBe("frame-ancestors 'none'");
  });

  it('leaves parameters it does not know alone (a publisher’s tracking ones)', async () => {
    expect((await fetch(`${open.url}/embed/test-war?utm_source=paper&limit=50`)).status).toBe(200);
  });

  it('has no embed for a private event, exactly as for an unknown one, even with a viewer token', async () => {
    for (const slug of ['secret-war', 'no-such-war']) {
      for (const server of [open, limited]) {
        const response = await fetch(`${server.url}/embed/${slug}`, {
          headers: { authorization: 'Bearer test-ingest-token-0123456789' },
        });
        expect(response.status, slug).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
        expect(frameAncestors(response), slug).toBe("frame-ancestors 'none'");
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      }
    }
  });
});

describe('every other page', () => {
  it('keeps refusing to be framed', async () => {
    for (const server of [open, limited]) {
      for (const page of ['/', '/e/test-war', '/embed.html', '/api/events', '/embed/test-war/more']) {
        const response = await fetch(`${server.url}${page}`);
        expect(frameAncestors(response), page).toBe("frame-ancestors 'none'");
        expect(response.headers.get('x-frame-options'), page).toBe('SAMEORIGIN');
      }
    }
  });
});

describe('GET /embed.js', () => {
  it('may be loaded by a publisher’s page on another origin', async () => {
    const response = await fetch(`${open.url}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    // Everything else stays same-origin.
    const other = await fetch(`${open.url}/index.html`);
    expect(other.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});
