import type { SubscribeAck, Update } from '@dayline/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cable } from '../support/cable.js';
import type { Node } from '../support/nodes.js';
import { redisUrl, startTwoNodes, type TwoNodes } from '../support/two-nodes.js';

// Two nodes whose connection to Redis is cut and restored.
const token = 'redis-away-token-0123456789';
let cable: Cable;
let nodes: TwoNodes;
let nodeA: Node;
let nodeB: Node;
const sockets: Socket[] = [];

beforeAll(async () => {
  const redis = new URL(redisUrl);
  cable = new Cable({ host: redis.hostname, port: Number(redis.port || 6379) });
  await cable.connect();
  nodes = await startTwoNodes({ token, nodeRedisUrl: `redis://127.0.0.1:${cable.port}` });
  ({ nodeA, nodeB } = nodes);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodes?.stop();
  await cable?.cut();
});

async function reader(url: string) {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const seen = new Map<string, Update>();
  let cursor = 0;
  const apply = (u: Update) => {
    seen.set(u.id, u);
    cursor = Math.max(cursor, u.cursor);
  };
  const subscribe = async () => {
    const ack = (await socket.emitWithAck('subscribe', {
      event: 'ukraine-war',
      since: cursor,
    })) as SubscribeAck;
    if (!ack.ok) throw new Error(ack.error.message);
    ack.missed.forEach((c) => apply(c.update));
    cursor = Math.max(cursor, ack.cursor);
  };
  socket.on('update:new', apply);
  // What the Dayline client does on `live:resync`: catch up from the store. A catch-up still
  // waiting when the test ends fails with the disconnect; what it brings is checked by the polls.
  socket.on('live:resync', () => {
    subscribe().catch(() => undefined);
  });
  await subscribe();
  return { seen };
}

async function post(url: string, title: string): Promise<Update> {
  const response = await fetch(`${url}/api/events/ukraine-war/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, publishedAt: new Date().toISOString() }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Update;
}

describe('Redis goes away', () => {
  it('each node keeps serving its own readers, and the others catch up when Redis returns', async () => {
    const onA = await reader(nodeA.url);
    const onB = await reader(nodeB.url);
    const before = await post(nodeA.url, 'Before the outage');
    await expect.poll(() => onB.seen.has(before.id)).toBe(true);
    await cable.cut();
    const during = await post(nodeA.url, 'During the outage');
    // Node A's own reader gets it at once, Redis or not.
    await expect.poll(() => onA.seen.has(during.id), { timeout: 3000 }).toBe(true);
    expect(onB.seen.has(during.id)).toBe(false);
    await cable.connect();
    // When node B is connected again it tells its readers to catch up, and the gap heals.
    await expect.poll(() => onB.seen.has(during.id), { timeout: 20_000, interval: 200 }).toBe(true);
    const after = await post(nodeB.url, 'After the outage');
    await expect.poll(() => onA.seen.has(after.id), { timeout: 5000 }).toBe(true);
  }, 60_000);
});
