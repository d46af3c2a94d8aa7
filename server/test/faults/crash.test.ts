import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BatchResult, SourceView } from '@dayline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../integration/databases.js';
import { startNode, type Node } from '../support/nodes.js';
import { openStore } from '../../src/store/open-store.js';

// Real server processes killed with SIGKILL: whatever was acknowledged must be there, exactly once.
const token = 'crash-test-token-0123456789';
let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-crash-'));
});
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many updates the store holds per externalId with the given prefix. */
async function storedIds(prefix: string): Promise<Map<string, number>> {
  const store = await openStore(database.url);
  try {
    const counts = new Map<string, number>();
    let before: string | null = null;
    do {
      const page = await store.listUpdates('ukraine-war', { limit: 200, ...(before ? { before } : {}) });
      for (const u of page.items) {
        if (u.externalId?.startsWith(prefix)) counts.set(u.externalId, (counts.get(u.externalId) ?? 0) + 1);
      }
      before = page.next;
    } while (before);
    return counts;
  } finally {
    await store.close();
  }
}

describe('a crash under load', () => {
  it('keeps every acknowledged update exactly once across a SIGTERM and a SIGKILL mid-ingest', async () => {
    const env = { DATABASE_URL: database.url, DAYLINE_INGEST_TOKEN: token, DAYLINE_WRITE_RATE: '1000000' };
    let node: Node | undefined = await startNode(env);
    const total = 10_000;
    const batches = Array.from({ length: total / 100 }, (_, b) =>
      Array.from({ length: 100 }, (_, i) => ({
        title: `Crash test update ${b * 100 + i}`,
        publishedAt: new Date(Date.UTC(2022, 2, 1, 0, 0, b * 100 + i)).toISOString(),
        externalId: `crash-${b * 100 + i}`,
      })),
    );
    const queue = batches.map((_, i) => i);
    const acknowledged = new Set<string>();
    const ackedAtStop: number[] = [];

    const worker = async () => {
      for (let b = queue.shift(); b !== undefined; b = queue.shift()) {
        const batch = batches[b] ?? [];
        for (;;) {
          const url = node?.url;
          try {
            if (!url) throw new Error('down');
            const response = await fetch(`${url}/api/events/ukraine-war/updates`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ items: batch }),
            });
            if (response.status !== 200) throw new Error(`status ${response.status}`);
            const { results } = (await response.json()) as { results: BatchResult[] };
            results.forEach((r, i) => {
              if (r.status === 'created' || r.status === 'duplicate')
                acknowledged.add(batch[i]?.externalId ?? '');
            });
            break;
          } catch {
            // No answer: the batch was not acknowledged; send it again once the server is back.
            await sleep(100);
          }
        }
      }
    };

    // Stop the server at points of progress, not after fixed times, so both stops land mid-ingest
    // however fast the store is: first gracefully (SIGTERM: in-flight writes finish), then a crash.
    const stops = [
      { signal: 'SIGTERM', after: total * 0.25 },
      { signal: 'SIGKILL', after: total * 0.6 },
    ] as const;
    const killer = async () => {
      for (const { signal, after } of stops) {
        while (acknowledged.size < after) await sleep(2);
        const dying = node;
        node = undefined;
        ackedAtStop.push(acknowledged.size);
        await dying?.kill(signal);
        node = await startNode(env);
      }
    };

    await Promise.all([worker(), worker(), worker(), worker(), killer()]);
    await node?.kill();

    // Both stops came while updates were still unacknowledged.
    expect(ackedAtStop).toHaveLength(2);
    expect(ackedAtStop.every((n) => n < total)).toBe(true);
    expect(acknowledged.size).toBe(total);
    const stored = await storedIds('crash-');
    expect(stored.size).toBe(total);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});

describe('a crash while polling a feed', () => {
  let publisher: Server;
  let feedUrl = '';
  beforeAll(async () => {
    const items = Array.from(
      { length: 400 },
      (_, i) =>
        `<item><guid>feed-crash-${i}</guid><title>Feed crash item ${i}</title><pubDate>Wed, 16 Mar 2022 10:00:00 GMT</pubDate></item>`,
    ).join('');
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Crash Wire</title><link>https://crash.example.org/</link>${items}</channel></rss>`;
    publisher = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
    );
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}/feed.xml`;
  });
  afterAll(() => new Promise<void>((resolve) => publisher.close(() => resolve())));

  it('loses and doubles no item: the next node finishes the feed once the lease runs out', async () => {
    const config = path.join(dir, 'dayline.yaml');
    writeFileSync(
      config,
      `allowPrivateNetworks: true
events:
  - slug: ukraine-war
    title: Crash war
    startDate: '2022-02-24'
    timeZone: Europe/Kyiv
    sources:
      - { name: Crash Wire, url: '${feedUrl}', pollSeconds: 30 }
`,
    );
    const env = {
      DATABASE_URL: database.url,
      DAYLINE_INGEST_TOKEN: token,
      DAYLINE_CONFIG: config,
      DAYLINE_FEED_LEASE_SECONDS: '5',
    };
    const first = await startNode(env);
    // Kill it as soon as some, not all, of the feed is in.
    for (let stored = 0; stored === 0 || stored >= 400;) {
      await sleep(20);
      stored = (await storedIds('feed:')).size;
      if (stored >= 400) break;
    }
    await first.kill('SIGKILL');
    const partial = (await storedIds('feed:')).size;

    const second = await startNode(env);
    try {
      await expect
        .poll(
          async () => {
            const [source] = (await (
              await fetch(`${second.url}/api/events/ukraine-war/sources`)
            ).json()) as SourceView[];
            return source?.status === 'ok' && source.lastSuccessAt !== null;
          },
          // Generous: under a full test run on two cores, starting the next node alone took 10–20 s.
          { timeout: 60_000, interval: 250 },
        )
        .toBe(true);
    } finally {
      await second.kill();
    }
    const stored = await storedIds('feed:');
    // The node died mid-feed (2–5 of 400 items were in, in runs here), so the next one had work left.
    expect(partial).toBeLessThan(400);
    expect(stored.size).toBe(400);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
  }, 150_000);
});
