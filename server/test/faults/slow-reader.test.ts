import { randomBytes } from 'node:crypto';
import type { BatchResult, Change, SubscribeAck, Update } from '@dayline/shared';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../integration/databases.js';
import { ManualClock, type TestSocket } from '../integration/helpers.js';
import { ukraineWarFile } from '../support/ukraine-war.js';

// A reader that stops reading (its TCP window is full) must not make the server queue every
// broadcast for it: past DAYLINE_MAX_BUFFERED_KB it is disconnected, and it catches up from its
// cursor when it comes back. Readers that keep up must not notice.
const token = 'slow-reader-token-0123456789';
const event = 'ukraine-war';
const limitKb = 64;

let database: TestDatabase;
let store: Store;
let app: App;
let url = '';
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openStore(database.url);
  const config = loadConfig({
    DATABASE_URL: database.url,
    DAYLINE_INGEST_TOKEN: token,
    DAYLINE_DEMO: 'off',
    DAYLINE_CONFIG: ukraineWarFile,
    DAYLINE_WRITE_RATE: '1000000',
    DAYLINE_MAX_BUFFERED_KB: String(limitKb),
    DAYLINE_CLIENT_DIR: '/nonexistent/dayline-client',
  });
  // The server's warnings, kept to see why it dropped a socket.
  const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });
  app = await createApp(
    { ...config, ingestToken: token },
    { store, clock: new ManualClock(), logger, poller: false },
  );
  const { port } = await app.listen(0);
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app.close();
  await store.close();
  await database.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Near the 5,000-character limit, so that a few hundred updates fill the kernel's buffers. */
const bigUpdate = () => ({
  title: `Slow reader update ${randomBytes(6).toString('hex')}`,
  summary: `${randomBytes(2200).toString('hex')}.`,
  publishedAt: '2022-03-16T10:00:00Z',
});

async function postBatch(count: number): Promise<string[]> {
  const response = await fetch(`${url}/api/events/${event}/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: Array.from({ length: count }, bigUpdate) }),
  });
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as { results: BatchResult[] };
  return results.map((r) => {
    expect(r.status).toBe('created');
    return r.id ?? '';
  });
}

/**
 * A reader speaking the socket.io protocol over a bare WebSocket, so that the test can stop
 * reading its TCP socket the way a stalled phone does.
 */
class RawReader {
  readonly ws: WebSocket;
  readonly updates: Update[] = [];
  closed = false;
  private acks = new Map<number, (payload: unknown) => void>();

  constructor(base: string) {
    this.ws = new WebSocket(`${base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    this.ws.on('close', () => (this.closed = true));
    this.ws.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text === '2') this.ws.send('3'); // engine.io ping → pong
      if (text.startsWith('0')) this.ws.send('40'); // engine.io open → join the main namespace
      const ack = /^43(\d+)(.*)$/.exec(text);
      if (ack) this.acks.get(Number(ack[1]))?.((JSON.parse(ack[2] ?? '[]') as unknown[])[0]);
      if (text.startsWith('42[')) {
        const [name, payload] = JSON.parse(text.slice(2)) as [string, Update];
        if (name === 'update:new') this.updates.push(payload);
      }
    });
  }

  async subscribe(): Promise<SubscribeAck> {
    await new Promise<void>((resolve, reject) => {
      this.ws.on('message', (raw: Buffer) => {
        if (raw.toString().startsWith('40')) resolve();
      });
      this.ws.once('error', reject);
    });
    return new Promise((resolve) => {
      this.acks.set(1, resolve as (payload: unknown) => void);
      this.ws.send(`421${JSON.stringify(['subscribe', { event }])}`);
    });
  }

  /** Stops reading from the TCP socket: what the server sends piles up in its buffers. */
  pause(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  resume(): void {
    (this.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  }
}

describe('a reader that stops reading', () => {
  it('is disconnected past the limit while others get everything, and catches up on reconnect', async () => {
    const fast: TestSocket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const fastSeen: string[] = [];
    fast.on('update:new', (update) => fastSeen.push(update.id));
    const fastAck = await fast.timeout(5000).emitWithAck('subscribe', { event });
    expect(fastAck.ok).toBe(true);

    const slow = new RawReader(url);
    expect(await slow.subscribe()).toMatchObject({ ok: true });
    slow.pause();

    const dropped = () => logLines.some((line) => line.includes('"reason":"slow reader"'));
    // Post until the server gives up on the slow reader (the kernel's socket buffers on loopback
    // take the first few megabytes), then a little more that it can only get by catching up.
    const posted: string[] = [];
    while (!dropped() && posted.length < 3000) {
      posted.push(...(await postBatch(25)));
      await sleep(50);
    }
    await expect.poll(dropped, { timeout: 10_000 }).toBe(true);
    posted.push(...(await postBatch(25)));

    const drop = JSON.parse(logLines.find((line) => line.includes('slow reader')) ?? '{}') as {
      bufferedBytes: number;
      maxBufferedBytes: number;
    };
    expect(drop.maxBufferedBytes).toBe(limitKb * 1024);
    expect(drop.bufferedBytes).toBeGreaterThan(limitKb * 1024);

    // The reader that kept up got every update and is still connected.
    await expect.poll(() => fastSeen.length, { timeout: 15_000 }).toBe(posted.length);
    expect(new Set(fastSeen)).toEqual(new Set(posted));
    expect(fast.connected).toBe(true);

    // The slow reader wakes up: it reads what reached its kernel buffers, then finds the
    // connection closed by the server, having missed the rest.
    slow.resume();
    await expect.poll(() => slow.closed, { timeout: 15_000 }).toBe(true);
    expect(slow.updates.length).toBeLessThan(posted.length);
    const lastCursor = Math.max(0, ...slow.updates.map((u) => u.cursor));

    // It reconnects with its cursor and gets exactly what it missed.
    const back: TestSocket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      const ack = await back.timeout(5000).emitWithAck('subscribe', { event, since: lastCursor });
      if (!ack.ok) throw new Error(ack.error.message);
      const missed = ack.missed.filter((c: Change) => c.kind === 'new').map((c: Change) => c.update.id);
      const seen = new Set([...slow.updates.map((u) => u.id), ...missed]);
      expect(seen).toEqual(new Set(posted));
    } finally {
      back.disconnect();
      fast.disconnect();
    }
  }, 120_000);
});
