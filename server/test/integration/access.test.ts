import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Event, Update } from '@dayline/shared';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../../src/access/access.js';
import type { TokenScope } from '../../src/access/token-store.js';
import { anUpdate, nextEvent, privateEvent, startServer, testEvent, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ events: [testEvent, privateEvent] });
});
afterEach(async () => {
  await server.close();
});

async function tokenWith(...scopes: TokenScope[]): Promise<string> {
  const token = `dl_test_${randomUUID()}`;
  await server.store.tokens.create({
    id: randomUUID(),
    name: token,
    digest: tokenDigest(token),
    scopes,
    at: '2022-03-20T12:00:00.000Z',
  });
  return token;
}

const get = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('named tokens and scopes', () => {
  it('lets each scope do its part: viewer reads, ingest writes updates, admin manages sources', async () => {
    const [viewer, ingest, admin] = [
      await tokenWith('viewer'),
      await tokenWith('ingest'),
      await tokenWith('admin'),
    ];
    expect((await server.post(anUpdate(), { token: viewer })).status).toBe(403);
    expect((await server.post(anUpdate(), { token: ingest })).status).toBe(201);
    const source = { name: 'Wire', url: 'https://wire.example.org/feed.xml' };
    const addSource = (token: string) =>
      fetch(`${server.url}/api/events/test-war/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(source),
      });
    expect((await addSource(ingest)).status).toBe(403);
    expect((await addSource(admin)).status).toBe(201);
  });

  it('a revoked token stops working at once', async () => {
    const token = await tokenWith('ingest');
    expect((await server.post(anUpdate(), { token })).status).toBe(201);
    expect(await server.store.tokens.revoke(token, '2022-03-20T13:00:00.000Z')).toBe(true);
    expect((await server.post(anUpdate(), { token })).status).toBe(401);
  });

  it('npm run token creates, lists and revokes tokens, showing a new token only once', async () => {
    const run = promisify(execFile);
    const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', ...args], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...env, DATABASE_URL: server.databaseUrl },
      });
    const created = await cli('create', '--name', 'newsroom', '--scope', 'ingest');
    const token = /^(dl_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    expect(token).toMatch(/^dl_/);
    expect((await server.post(anUpdate(), { token })).status).toBe(201);
    const listed = await cli('list');
    expect(listed.stdout).toMatch(/newsroom\tingest\tcreated .*\tactive/);
    expect(listed.stdout).not.toContain(token);
    await cli('revoke', 'newsroom');
    expect((await server.post(anUpdate(), { token })).status).toBe(401);
    await expect(cli('create', '--name', 'x', '--scope', 'root')).rejects.toMatchObject({
      stderr: expect.stringContaining('Unknown scope "root"'),
    });
  }, 60_000);
});

describe('private events', () => {
  it('are invisible without a viewer token, through every read path', async () => {
    const posted = (await (
      await server.post(anUpdate({ title: 'Secret shelling' }), { event: 'secret-war' })
    ).json()) as Update;
    const viewer = await tokenWith('viewer');

    const anonymousEvents = (await (await get('/api/events')).json()) as Event[];
    expect(anonymousEvents.map((e) => e.slug)).toEqual(['test-war']);
    const viewerEvents = (await (await get('/api/events', viewer)).json()) as Event[];
    expect(viewerEvents.map((e) => e.slug)).toEqual(['test-war', 'secret-war']);

    for (const path of [
      '/api/events/secret-war/updates',
      '/api/events/secret-war/updates?q=shelling',
      '/api/events/secret-war/days',
      '/api/events/secret-war/sources',
      `/api/updates/${posted.id}`,
      `/api/updates/${posted.id}/versions`,
      '/e/secret-war/feed.atom',
      '/e/secret-war/feed.json',
    ]) {
      expect((await get(path)).status, path).toBe(404);
      expect((await get(path, viewer)).status, path).toBe(200);
    }
    // Feed readers that cannot send headers pass the token in the URL.
    expect((await get(`/e/secret-war/feed.json?token=${viewer}`)).status).toBe(200);
    // The public event's search never shows it.
    expect(JSON.stringify(await (await get('/api/events/test-war/updates?q=secret')).json())).not.toContain(
      'Secret',
    );
  });

  it('live updates and catch-up need a viewer token in the socket handshake', async () => {
    const anonymous = await server.socket();
    expect(await anonymous.emitWithAck('subscribe', { event: 'secret-war', since: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const viewer = connect(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: await tokenWith('viewer') },
    });
    try {
      await new Promise<void>((resolve) => viewer.once('connect', () => resolve()));
      expect(await viewer.emitWithAck('subscribe', { event: 'secret-war' })).toMatchObject({ ok: true });
      const arrived = nextEvent(viewer as never, 'update:new');
      await server.post(anUpdate({ title: 'For viewers only' }), { event: 'secret-war' });
      await expect(arrived).resolves.toMatchObject({ title: 'For viewers only' });
    } finally {
      viewer.disconnect();
    }
  });
});
