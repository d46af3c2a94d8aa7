import type { Draft, SubscribeAck, Update, UpdatePage } from '@dayline/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwoNodes, type TwoNodes } from '../support/two-nodes.js';

// Two real server processes on one PostgreSQL database and one Redis, each running its scheduler.
const token = 'scheduled-posts-token-0123456789';
let nodes: TwoNodes;
const sockets: Socket[] = [];

beforeAll(async () => {
  nodes = await startTwoNodes({ token });
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodes?.stop();
});

const write = (url: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function schedule(url: string, title: string, publishAt: Date): Promise<Draft> {
  const response = await write(url, '/api/events/ukraine-war/updates', {
    title,
    source: { name: 'Scheduled Desk' },
    publishAt: publishAt.toISOString(),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Draft;
}

/** Every `update:new` a reader on `url` gets, by id. */
async function reader(url: string): Promise<string[]> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ack = (await socket.emitWithAck('subscribe', { event: 'ukraine-war' })) as SubscribeAck;
  expect(ack.ok).toBe(true);
  const ids: string[] = [];
  socket.on('update:new', (update: Update) => ids.push(update.id));
  return ids;
}

async function timelineIds(url: string): Promise<string[]> {
  const page = (await (await fetch(`${url}/api/events/ukraine-war/updates?limit=200`)).json()) as UpdatePage;
  return page.items.map((u) => u.id);
}

describe('scheduled posts with two nodes', () => {
  it('are published once, by one node, and reach readers on both nodes once', async () => {
    const onA = await reader(nodes.nodeA.url);
    const onB = await reader(nodes.nodeB.url);
    const at = new Date(Date.now() + 2500);
    const posts = [
      await schedule(nodes.nodeA.url, 'Evening briefing from the ministry', at),
      await schedule(nodes.nodeB.url, 'Night trains resume on the northern line', at),
      await schedule(nodes.nodeA.url, 'Harbour cranes back at work', at),
    ];
    const ids = posts.map((p) => p.id).sort();
    expect(await timelineIds(nodes.nodeA.url)).toEqual([]);

    await expect
      .poll(() => timelineIds(nodes.nodeB.url).then((x) => x.sort()), { timeout: 15_000 })
      .toEqual(ids);
    // Both schedulers look several more times after the posts were due: nothing is published twice.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect((await timelineIds(nodes.nodeA.url)).sort()).toEqual(ids);
    expect([...onA].sort()).toEqual(ids);
    expect([...onB].sort()).toEqual(ids);
  }, 60_000);

  it('publishes a draft once when editors on both nodes press Publish at the same moment', async () => {
    const created = await write(nodes.nodeA.url, '/api/events/ukraine-war/updates', {
      title: 'Mayor opens the rebuilt library',
      status: 'draft',
    });
    const draft = (await created.json()) as Draft;
    const before = await timelineIds(nodes.nodeA.url);
    const statuses = await Promise.all(
      [nodes.nodeA.url, nodes.nodeB.url, nodes.nodeA.url, nodes.nodeB.url].map(
        async (url) => (await write(url, `/api/updates/${draft.id}/publish`)).status,
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The others answer with the published update, or `409` while the winner is still committing.
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    const after = await timelineIds(nodes.nodeB.url);
    expect(after.filter((id) => id === draft.id)).toHaveLength(1);
    expect(after).toHaveLength(before.length + 1);
  }, 30_000);
});
