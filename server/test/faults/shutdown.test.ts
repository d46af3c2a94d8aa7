import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { BatchResult } from '@dayline/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../integration/databases.js';
import type { TestSocket } from '../integration/helpers.js';
import { startNode, type Node } from '../support/nodes.js';

// SIGTERM to a real server process (a deploy, a scale-in): it stops taking connections, answers
// the batches it is working on, tells its readers to reconnect (elsewhere, behind a load balancer),
// closes the store and exits 0. Nothing it acknowledged is missing after the restart.
const token = 'shutdown-test-token-0123456789';
const event = 'ukraine-war';
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const batch = (b: number) =>
  Array.from({ length: 250 }, (_, i) => ({
    title: `Shutdown ${b}-${i} ${randomBytes(4).toString('hex')}`,
    summary: randomBytes(200).toString('hex'),
    publishedAt: new Date(Date.UTC(2022, 2, 1, b, 0, i)).toISOString(),
    externalId: `shutdown-${b}-${i}`,
  }));

/**
 * A batch POST in two steps: the headers go first (with `Expect: 100-continue`, so the server says
 * when it has them), the body when `send` is called. In between the request is in the server's
 * hands but not finished: in flight.
 */
async function startBatch(
  url: string,
  items: ReturnType<typeof batch>,
): Promise<{ send(): Promise<{ status: number; body: unknown }> }> {
  const body = JSON.stringify({ items });
  const req = request(`${url}/api/events/${event}/updates`, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      res.on('error', reject);
    });
  });
  req.flushHeaders();
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    answer.catch(reject);
  });
  return {
    send() {
      req.end(body);
      return answer;
    },
  };
}

describe('a graceful shutdown', () => {
  it('finishes in-flight batches, tells readers to reconnect, and exits 0 with everything stored', async () => {
    const env = { DATABASE_URL: database.url, DAYLINE_INGEST_TOKEN: token, DAYLINE_WRITE_RATE: '1000000' };
    const node: Node = await startNode(env);
    const exited = new Promise<number | null>((resolve) => node.process.once('exit', resolve));

    const readers: TestSocket[] = [];
    const reasons: string[] = [];
    const seenBeforeDisconnect: Set<string>[] = [];
    for (let i = 0; i < 3; i++) {
      const socket: TestSocket = connect(node.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      const seen = new Set<string>();
      socket.on('update:new', (update) => seen.add(update.externalId ?? ''));
      socket.on('disconnect', (reason) => {
        reasons.push(reason);
        seenBeforeDisconnect.push(seen);
      });
      const ack = await socket.timeout(5000).emitWithAck('subscribe', { event });
      expect(ack.ok).toBe(true);
      readers.push(socket);
    }

    // Four batches the server has begun to receive when the signal comes; their bodies follow it.
    const batches = [0, 1, 2, 3].map(batch);
    const inFlight = await Promise.all(batches.map((items) => startBatch(node.url, items)));
    let output = '';
    node.process.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    node.process.kill('SIGTERM');
    await expect.poll(() => output.includes('shutting down'), { timeout: 10_000 }).toBe(true);
    const answers = await Promise.all(inFlight.map((b) => b.send()));
    expect(await exited).toBe(0);

    // Every batch was answered 200 in full.
    const acknowledged = new Set<string>();
    for (const [b, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      const { results } = answer.body as { results: BatchResult[] };
      expect(results.map((r) => r.status)).toEqual(results.map(() => 'created'));
      for (const item of batches[b] ?? []) acknowledged.add(item.externalId);
    }

    // What the server finished after the signal still went out live before the readers were let go.
    expect(seenBeforeDisconnect).toHaveLength(3);
    for (const seen of seenBeforeDisconnect) expect(seen).toEqual(acknowledged);

    // Each reader was told by the server to go (not a dropped connection): the client reconnects.
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect', 'io server disconnect']);

    // After a restart everything acknowledged is there, once.
    const next = await startNode(env);
    try {
      const stored = new Map<string, number>();
      let before: string | null = null;
      do {
        const page = (await (
          await fetch(
            `${next.url}/api/events/${event}/updates?limit=200${before ? `&before=${encodeURIComponent(before)}` : ''}`,
          )
        ).json()) as { items: { externalId?: string }[]; next: string | null };
        for (const u of page.items) {
          if (u.externalId) stored.set(u.externalId, (stored.get(u.externalId) ?? 0) + 1);
        }
        before = page.next;
      } while (before);
      expect(new Set(stored.keys())).toEqual(acknowledged);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await next.kill();
      for (const socket of readers) socket.disconnect();
    }
  }, 90_000);
});
