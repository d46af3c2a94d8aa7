import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SubscribeAck, Update, UpdatePage } from '@dayline/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node } from '../support/nodes.js';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes.js';
import { ukraineWarFile } from '../support/ukraine-war.js';

// Two real server processes sharing one PostgreSQL database and one Redis, as docs/scaling.md runs them.
const token = 'scale-out-token-0123456789';
let nodes: TwoNodes;
let nodeA: Node;
let nodeB: Node;
const sockets: Socket[] = [];

beforeAll(async () => {
  nodes = await startTwoNodes({ token });
  ({ nodeA, nodeB } = nodes);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodes?.stop();
});

async function subscribed(url: string, since?: number): Promise<{ socket: Socket; ack: SubscribeAck }> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ack = (await socket.emitWithAck('subscribe', {
    event: 'ukraine-war',
    ...(since === undefined ? {} : { since }),
  })) as SubscribeAck;
  return { socket, ack };
}

async function post(url: string, title: string): Promise<Update> {
  const response = await fetch(`${url}/api/events/ukraine-war/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, publishedAt: new Date().toISOString(), source: { name: 'Scale Wire' } }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Update;
}

describe('two nodes on PostgreSQL and Redis', () => {
  it("delivers each change once on both nodes: a node's own, the other's through Redis, a tool's from the change log", async () => {
    const readers = [await subscribed(nodeA.url), await subscribed(nodeB.url)];
    const got = readers.map(({ socket }) => {
      const ids: string[] = [];
      for (const kind of ['update:new', 'update:changed', 'update:retracted']) {
        socket.on(kind, (u: Update) => ids.push(u.id));
      }
      return ids;
    });
    const onA = await post(nodeA.url, 'Grain ship leaves the southern port');
    const onB = await post(nodeB.url, 'Parliament debates the winter budget');
    const file = path.join(tmpdir(), `dayline-two-nodes-${process.pid}-${Date.now()}.ndjson`);
    writeFileSync(
      file,
      JSON.stringify({ title: 'Volunteers repair a village school', publishedAt: new Date().toISOString() }),
    );
    const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/import.ts', '--event', 'ukraine-war', file],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: {
          ...env,
          DATABASE_URL: nodes.database.url,
          DAYLINE_CONFIG: ukraineWarFile,
          DAYLINE_DEMO: 'off',
        },
      },
    );
    rmSync(file, { force: true });
    expect(stdout).toContain('1 created');
    for (const ids of got) await expect.poll(() => ids.length, { timeout: 3000 }).toBe(3);
    // Longer than a few looks at the log: nothing comes twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const ids of got) {
      expect(ids).toHaveLength(3);
      expect(ids).toEqual(expect.arrayContaining([onA.id, onB.id]));
    }
    for (const { socket } of readers) socket.disconnect();
  }, 60_000);

  it('counts failed sign-ins across both nodes: more nodes give no more tries', async () => {
    const signIn = (url: string) =>
      fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'night-editor', password: 'not the password' }),
      });
    // Ten tries per name in 15 minutes: six on A and four on B use them all.
    for (let i = 0; i < 6; i++) expect((await signIn(nodeA.url)).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await signIn(nodeB.url)).status).toBe(401);
    // A has seen only six of them itself; the count it shares with B says no.
    const refused = await signIn(nodeA.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 60_000);

  it('an event created on node A is served by node B within seconds, and its updates reach readers on B live', async () => {
    const created = await fetch(`${nodeA.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        slug: 'harbour-fire',
        title: 'Harbour fire',
        startDate: '2026-12-01',
        timeZone: 'Europe/Lisbon',
        topics: [{ id: 'crews', label: 'Crews', color: '#b45309', keywords: ['firefighters'] }],
      }),
    });
    expect(created.status).toBe(201);
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${nodeB.url}/api/events`)).json()) as { slug: string }[]).map((e) => e.slug),
        { timeout: 5000 },
      )
      .toContain('harbour-fire');

    const reader = connect(nodeB.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(reader);
    const ack = (await reader.emitWithAck('subscribe', { event: 'harbour-fire' })) as SubscribeAck;
    expect(ack.ok).toBe(true);
    const arrived = new Promise<Update>((resolve) => reader.once('update:new', resolve));
    const posted = await fetch(`${nodeA.url}/api/events/harbour-fire/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Firefighters hold the line at pier 3',
        publishedAt: new Date().toISOString(),
      }),
    });
    expect(posted.status).toBe(201);
    expect(await arrived).toMatchObject({ event: 'harbour-fire', topics: ['crews'] });
    reader.disconnect();
  }, 60_000);

  it('an update POSTed to node A reaches a client on node B; after A is killed its clients catch up on B', async () => {
    const onB = await subscribed(nodeB.url);
    const arrived = new Promise<Update>((resolve) => onB.socket.once('update:new', resolve));
    const posted = await post(nodeA.url, 'Posted to node A');
    expect(await arrived).toEqual(posted);
    // Node B measured the delivery of what it relayed from node A.
    const metrics = await (await fetch(`${nodeB.url}/metrics`)).text();
    expect(
      Number(/^dayline_delivery_latency_seconds_count (\S+)$/m.exec(metrics)?.[1]),
    ).toBeGreaterThanOrEqual(1);

    // A reader on node A keeps what it received and its cursor.
    const onA = await subscribed(nodeA.url);
    if (!onA.ack.ok) throw new Error('subscribe failed');
    const seen = new Map<string, Update>();
    let cursor = onA.ack.cursor;
    onA.socket.on('update:new', (u: Update) => {
      seen.set(u.id, u);
      cursor = Math.max(cursor, u.cursor);
    });
    const before = await post(nodeB.url, 'Seen live on node A');
    await expect.poll(() => seen.has(before.id)).toBe(true);

    await nodeA.kill('SIGKILL');
    const missed = [await post(nodeB.url, 'While A was down 1'), await post(nodeB.url, 'While A was down 2')];

    // The reader reconnects to node B and asks for what it missed.
    const back = await subscribed(nodeB.url, cursor);
    if (!back.ack.ok) throw new Error(`catch-up failed: ${back.ack.error.message}`);
    for (const change of back.ack.missed) seen.set(change.update.id, change.update);
    expect(back.ack.missed.map((c) => c.update.id)).toEqual(expect.arrayContaining(missed.map((u) => u.id)));

    const fresh = (await (
      await fetch(`${nodeB.url}/api/events/ukraine-war/updates?limit=200`)
    ).json()) as UpdatePage;
    const readerIds = new Set([...seen.keys(), posted.id]);
    expect([...readerIds].sort()).toEqual(fresh.items.map((u) => u.id).sort());
  }, 60_000);
});
