import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FirstView, SourceView, Update } from '@dayline/shared';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenDigest } from '../../src/access/access.js';
import { eventConfigSchema } from '../../src/config.js';
import { anUpdate, startServer, testEvent, token, type TestServer } from './helpers.js';

// What a hostile client found (issue 13), each tried against the real server.

const secret = eventConfigSchema.parse({
  ...testEvent,
  slug: 'secret-war',
  title: 'Secret war',
  visibility: 'private',
});

/** The server's log lines, as parsed JSON, for asserting what reached error level. */
function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as { level: number; msg: string });
      }
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), errors: () => lines.filter((l) => l.level >= 50) };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof startServer>[1] = {}): Promise<TestServer> {
  server = await startServer({ events: [testEvent, secret] }, options);
  return server;
}

async function viewerToken(on: TestServer): Promise<string> {
  const viewer = `dl_test_${randomUUID()}`;
  await on.store.tokens.create({
    id: randomUUID(),
    name: 'viewer',
    digest: tokenDigest(viewer),
    scopes: ['viewer'],
    at: '2022-03-20T12:00:00.000Z',
  });
  return viewer;
}

describe('a hostile client', () => {
  it("finds a private event's feeds marked for the asking reader only, never for shared caches", async () => {
    const s = await start();
    await s.post(anUpdate({ title: 'Secret shelling' }), { event: 'secret-war' });
    const viewer = await viewerToken(s);
    for (const file of ['feed.atom', 'feed.json']) {
      for (const [how, init, path] of [
        ['header', { headers: { authorization: `Bearer ${viewer}` } }, `/e/secret-war/${file}`],
        ['query', {}, `/e/secret-war/${file}?token=${viewer}`],
      ] as const) {
        const response = await fetch(`${s.url}${path}`, init);
        expect(response.status, `${file} by ${how}`).toBe(200);
        expect(response.headers.get('cache-control'), `${file} by ${how}`).toBe('private, no-cache');
        expect(response.headers.get('vary'), `${file} by ${how}`).toMatch(/Authorization/i);
      }
      // A public event's feed may be cached by anyone, unless the request carried a token.
      const open = await fetch(`${s.url}/e/test-war/${file}`);
      expect(open.headers.get('cache-control')).toBe('public, max-age=60');
      expect(open.headers.get('vary')).toMatch(/Authorization/i);
      const withToken = await fetch(`${s.url}/e/test-war/${file}?token=${viewer}`);
      expect(withToken.headers.get('cache-control')).toBe('private, no-cache');
    }
  });

  it('gets a 4xx JSON error for malformed percent-encoding and a body that is not the gzip it claims, logged below error level', async () => {
    const { logger, errors } = capturedLogger();
    const s = await start({ logger });
    for (const path of [
      '/api/updates/%ff',
      '/api/updates/%',
      '/e/%/feed.atom',
      '/api/events/%E0%A4%A/updates',
      '/%ff',
      '/%c0%ae%c0%ae/etc/passwd',
    ]) {
      const response = await fetch(`${s.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({ error: { code: 'invalid_input' } });
    }
    // A JSON body that claims an encoding it does not have, or one the server does not read.
    const postEncoded = (encoding: string) =>
      fetch(`${s.url}/api/events/test-war/updates`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body: JSON.stringify(anUpdate()),
      });
    const notGzip = await postEncoded('gzip');
    expect(notGzip.status).toBe(400);
    expect(await notGzip.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const unknownEncoding = await postEncoded('compress');
    expect(unknownEncoding.status).toBe(415);
    expect(await unknownEncoding.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(errors()).toEqual([]);
  });

  it("cannot tell from a reader's cursor that a private event was written to, and catch-up stays exact", async () => {
    const s = await start();
    await s.post(anUpdate({ title: 'Grain ship leaves the southern port' }));
    const firstView = async () =>
      ((await (await fetch(`${s.url}/api/first-view?event=test-war`)).json()) as FirstView).view?.cursor;
    const before = (await firstView()) as number;
    const socket = await s.socket();
    const ack = await socket.emitWithAck('subscribe', { event: 'test-war' });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.cursor).toBe(before);

    for (let i = 0; i < 3; i++) await s.post(anUpdate({ title: `Secret ${i}` }), { event: 'secret-war' });
    expect(await firstView()).toBe(before);
    const again = await socket.emitWithAck('subscribe', { event: 'test-war', since: before });
    expect(again).toMatchObject({ ok: true, cursor: before, missed: [] });

    // The next public write is the next cursor: no gap counts the private writes either.
    const next = (await (
      await s.post(anUpdate({ title: 'Parliament debates the winter budget' }))
    ).json()) as Update;
    expect(next.cursor).toBe(before + 1);
    const caughtUp = await socket.emitWithAck('subscribe', { event: 'test-war', since: before });
    if (!caughtUp.ok) throw new Error(caughtUp.error.message);
    expect(caughtUp.cursor).toBe(before + 1);
    expect(caughtUp.missed.map((c) => [c.kind, c.update.title])).toEqual([
      ['new', 'Parliament debates the winter budget'],
    ]);
  });

  it('makes the same token look-up for a private slug as for a missing one', async () => {
    const s = await start();
    const lookups = vi.spyOn(s.store.tokens, 'findActive');
    const madeUp = { authorization: 'Bearer dl_made_up_0123456789abcdef' };
    for (const path of [
      '/api/events/secret-war/updates',
      '/api/events/no-such-war/updates',
      '/api/events/secret-war/days',
      '/api/events/no-such-war/days',
      '/e/secret-war/feed.atom',
      '/e/no-such-war/feed.atom',
      `/api/updates/${randomUUID()}`,
      `/api/stories/${randomUUID()}`,
    ]) {
      lookups.mockClear();
      const response = await fetch(`${s.url}${path}`, { headers: madeUp });
      expect(response.status, path).toBe(404);
      expect(lookups, path).toHaveBeenCalledTimes(1);
    }
    const missing = await (
      await fetch(`${s.url}/api/events/no-such-war/updates`, { headers: madeUp })
    ).json();
    const hidden = await (await fetch(`${s.url}/api/events/secret-war/updates`, { headers: madeUp })).json();
    expect(JSON.stringify(hidden).replace('secret-war', 'no-such-war')).toBe(JSON.stringify(missing));
  });

  it('sees feed sources without credentials or internal addresses; admins see details, never credentials', async () => {
    const s = await startServer(
      { allowPrivateNetworks: false, events: [testEvent] },
      { poller: { tickMs: 3_600_000 } },
    );
    server = s;
    const created = await fetch(`${s.url}/api/events/test-war/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Wire with login', url: 'http://wire-user:hunter2@localhost:1/feed.xml' }),
    });
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(createdText).not.toContain('hunter2');
    expect(JSON.parse(createdText)).toMatchObject({
      url: 'http://localhost:1/feed.xml',
      hasCredentials: true,
    });
    await s.app.poller?.drain();

    const publicText = await (await fetch(`${s.url}/api/events/test-war/sources`)).text();
    for (const leak of ['hunter2', 'wire-user', 'localhost', '127.0.0.1', 'loopback']) {
      expect(publicText, leak).not.toContain(leak);
    }
    const [health] = JSON.parse(publicText) as SourceView[];
    expect(health).toMatchObject({
      name: 'Wire with login',
      status: 'failing',
      errorKind: 'refused',
      error: null,
    });
    expect(health).not.toHaveProperty('url');

    const adminText = await (
      await fetch(`${s.url}/api/events/test-war/sources`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(adminText).not.toContain('hunter2');
    const [detailed] = JSON.parse(adminText) as SourceView[];
    expect(detailed).toMatchObject({ url: 'http://localhost:1/feed.xml', hasCredentials: true });
    expect(detailed?.error).toMatch(/loopback/);
  });

  it('reads back exactly the text it was acknowledged, and cannot post a title with nothing visible', async () => {
    const s = await start();
    // Raw JSON, so the lone surrogate travels as the escape a client would send.
    const posted = await s.post(
      `{"title":"lone \\ud800 surrogate","summary":"Cafe\\u0301 \\u0007bell","publishedAt":"2022-03-16T21:30:00+02:00"}`,
    );
    expect(posted.status).toBe(201);
    const acknowledged = (await posted.json()) as Update;
    expect(acknowledged.title).toBe('lone \uFFFD surrogate');
    expect(acknowledged.summary).toBe('Café bell');
    const stored = (await (await fetch(`${s.url}/api/updates/${acknowledged.id}`)).json()) as Update;
    expect([stored.title, stored.summary]).toEqual([acknowledged.title, acknowledged.summary]);

    for (const title of ['\u200B\u200B\u200B', '   ', '\u200D\uFEFF\u2060', '\u00AD']) {
      const refused = await s.post(anUpdate({ title }));
      expect(refused.status, JSON.stringify(title)).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { code: 'invalid_input', details: { issues: [{ path: 'title' }] } },
      });
    }
  });

  it('cannot point a feed at [::127.0.0.1], the IPv4-compatible form of loopback', async () => {
    let hits = 0;
    const local = createServer((_req, res) => {
      hits += 1;
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<rss version="2.0"><channel/></rss>');
    });
    await new Promise<void>((resolve) => local.listen(0, resolve));
    try {
      const port = (local.address() as AddressInfo).port;
      const s = await startServer(
        { allowPrivateNetworks: false, events: [testEvent] },
        { poller: { tickMs: 3_600_000 } },
      );
      server = s;
      const created = await fetch(`${s.url}/api/events/test-war/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Sneaky', url: `http://[::127.0.0.1]:${port}/feed.xml` }),
      });
      expect(created.status).toBe(201);
      await s.app.poller?.drain();
      const [detailed] = (await (
        await fetch(`${s.url}/api/events/test-war/sources`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as SourceView[];
      expect(detailed).toMatchObject({ status: 'failing', errorKind: 'refused' });
      expect(detailed?.error).toBe('Refused: ::7f00:1 is an IPv4-compatible address');
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => local.close(resolve));
    }
  });
});

// The socket handshake with a made-up token reads the token store once too, like HTTP.
describe('a hostile socket', () => {
  it('gets "not found" for a private event, exactly as for a missing one', async () => {
    const s = await start();
    const socket = connect(s.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: 'dl_made_up_0123456789abcdef' },
    });
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const hidden = await socket.emitWithAck('subscribe', { event: 'secret-war' });
      const missing = await socket.emitWithAck('subscribe', { event: 'no-such-war' });
      expect(JSON.stringify(hidden).replace('secret-war', 'no-such-war')).toBe(JSON.stringify(missing));
    } finally {
      socket.disconnect();
    }
  });
});
