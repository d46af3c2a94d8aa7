import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../../src/config.js';
import { EventCatalog } from '../../src/events/catalog.js';
import { Metrics } from '../../src/metrics.js';
import { startFixtureServer, type FixtureServer } from '../feeds/fixture-server.js';
import {
  anUpdate,
  nextEvent,
  startServer,
  testEvent,
  token,
  type TestServer,
  type TestSocket,
} from './helpers.js';

const secretEvent = eventConfigSchema.parse({
  slug: 'secret-war',
  title: 'Secret war',
  startDate: '2022-02-24',
  timeZone: 'Europe/Kyiv',
  visibility: 'private',
});
const metricsToken = 'metrics-token-0123456789abcdef';

/** A logger like the server's, writing JSON lines where the test can read them. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = pino({ level: 'info' }, stream);
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Unreadable metrics line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and these labels (undefined when absent). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

async function scrape(server: TestServer, bearer?: string): Promise<{ text: string; samples: Sample[] }> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { text, samples: parseExposition(text) };
}

const servers: TestServer[] = [];
const fixtures: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(fixtures.splice(0).map((f) => f.close()));
});

async function subscribed(server: TestServer, topics?: string[]): Promise<TestSocket> {
  const socket = await server.socket();
  const ack = await socket.emitWithAck('subscribe', { event: testEvent.slug, ...(topics ? { topics } : {}) });
  expect(ack.ok).toBe(true);
  return socket;
}

describe('GET /metrics', () => {
  it('counts readers, subscriptions, accepted and rejected updates, and deliveries', async () => {
    const server = await startServer({ events: [testEvent, secretEvent] });
    servers.push(server);
    const before = await scrape(server);
    expect(valueOf(before.samples, 'dayline_connected_clients')).toBe(0);
    expect(valueOf(before.samples, 'dayline_subscriptions', { event: 'test-war' })).toBe(0);
    // Process metrics come along.
    expect(valueOf(before.samples, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);

    const whole = await subscribed(server);
    const military = await subscribed(server, ['military']);
    await server.socket(); // connected, not subscribed
    // Every distinct live message either reader got: new updates, and story cards gaining members.
    const emits = new Set<string>();
    for (const socket of [whole, military]) {
      socket.onAny((name: string, update: { id: string; version: number }) =>
        emits.add(`${name} ${update.id} ${update.version}`),
      );
    }

    const arrivals = [nextEvent(whole, 'update:new', 5000), nextEvent(military, 'update:new', 5000)];
    expect((await server.post(anUpdate({ title: 'Shelling near the river' }))).status).toBe(201);
    await Promise.all(arrivals);
    // A duplicate is not a new update.
    const again = anUpdate({ externalId: 'wire-1' });
    const firstOfPair = nextEvent(whole, 'update:new', 5000);
    expect((await server.post(again)).status).toBe(201);
    await firstOfPair;
    expect((await server.post(again)).status).toBe(200);

    // Rejections: invalid, unauthenticated, too large, and one bad item in an accepted batch.
    expect((await server.post({ title: '' })).status).toBe(400);
    expect((await server.post(anUpdate(), { token: null })).status).toBe(401);
    expect((await server.post(anUpdate(), { token: 'not-the-token-at-all' })).status).toBe(401);
    expect((await server.post(anUpdate({ summary: 'x'.repeat(1_100_000) }))).status).toBe(413);
    const batchArrival = nextEvent(whole, 'update:new', 5000);
    const batch = await server.post({ items: [anUpdate(), { title: 'no date' }] });
    expect(batch.status).toBe(200);
    await batchArrival;
    // Nobody reads the private event here: accepted, and broadcast to no socket.
    expect((await server.post(anUpdate(), { event: 'secret-war' })).status).toBe(201);

    const { text, samples } = await scrape(server);
    expect(valueOf(samples, 'dayline_connected_clients')).toBe(3);
    expect(valueOf(samples, 'dayline_subscriptions', { event: 'test-war' })).toBe(2);
    expect(valueOf(samples, 'dayline_ingest_total', { event: 'test-war', via: 'api' })).toBe(3);
    expect(valueOf(samples, 'dayline_ingest_rejections_total', { reason: 'invalid_input' })).toBe(2);
    expect(valueOf(samples, 'dayline_ingest_rejections_total', { reason: 'unauthorized' })).toBe(2);
    expect(valueOf(samples, 'dayline_ingest_rejections_total', { reason: 'payload_too_large' })).toBe(1);
    // Each broadcast is observed once, however many readers it reached (the first reached both),
    // the private event's too, which reached none.
    const observed = valueOf(samples, 'dayline_delivery_latency_seconds_count');
    expect(observed).toBeGreaterThanOrEqual(4);
    await expect.poll(() => emits.size).toBe((observed ?? 0) - 1);
    // Without a metrics token anyone may scrape, so private events are not named.
    expect(valueOf(samples, 'dayline_ingest_total', { event: '(private)', via: 'api' })).toBe(1);
    expect(text).not.toContain('secret-war');

    whole.disconnect();
    await expect
      .poll(async () =>
        valueOf((await scrape(server)).samples, 'dayline_subscriptions', { event: 'test-war' }),
      )
      .toBe(1);
  });

  it('needs the metrics token or an admin token when DAYLINE_METRICS_TOKEN is set', async () => {
    const server = await startServer({
      events: [testEvent, secretEvent],
      metricsToken,
      limits: { writesPerMinute: 2, subscribesPerMinute: 100, socketsPerAddress: 0 },
    });
    servers.push(server);
    for (const bearer of [undefined, 'wrong-token-0123456789']) {
      const response = await fetch(`${server.url}/metrics`, {
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    // The environment's ingest token has every scope, admin included.
    await scrape(server, token);

    expect((await server.post(anUpdate(), { event: 'secret-war' })).status).toBe(201);
    expect((await server.post(anUpdate())).status).toBe(201);
    expect((await server.post(anUpdate())).status).toBe(429);
    const { samples } = await scrape(server, metricsToken);
    expect(valueOf(samples, 'dayline_ingest_total', { event: 'secret-war', via: 'api' })).toBe(1);
    expect(valueOf(samples, 'dayline_ingest_rejections_total', { reason: 'rate_limited' })).toBe(1);
  });

  it('counts feed polls by outcome and the updates they bring', async () => {
    const publisher = await startFixtureServer((req, res) => {
      const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>a</guid><title>Shelling overnight</title><pubDate>Wed, 16 Mar 2022 21:30:00 +0200</pubDate></item>
<item><guid>b</guid><title>Talks resume</title><pubDate>Wed, 16 Mar 2022 22:30:00 +0200</pubDate></item>
</channel></rss>`;
      if (req.url === '/feed.xml') {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
        else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed);
      } else if (req.url === '/gone.xml') res.writeHead(410).end();
      else if (req.url === '/broken.xml') res.writeHead(500).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Not a feed</body></html>');
    });
    fixtures.push(publisher);
    const server = await startServer({}, { poller: { tickMs: 3_600_000, random: () => 0.5 } });
    servers.push(server);
    for (const path of ['/feed.xml', '/gone.xml', '/broken.xml', '/page.html']) {
      const response = await fetch(`${server.url}/api/events/test-war/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Wire ${path}`, url: publisher.url(path), pollSeconds: 60 }),
      });
      expect(response.status).toBe(201);
    }

    await server.app.poller?.drain();
    let { samples } = await scrape(server);
    const outcome = (name: string) => valueOf(samples, 'dayline_feed_fetches_total', { outcome: name });
    expect(outcome('ok')).toBe(1);
    expect(outcome('gone')).toBe(1);
    expect(outcome('http_error')).toBe(1);
    expect(outcome('parse_error')).toBe(1);
    expect(outcome('not_modified')).toBe(0);
    expect(valueOf(samples, 'dayline_ingest_total', { event: 'test-war', via: 'feed' })).toBe(2);

    server.clock.set(new Date(server.clock.now().getTime() + 10 * 60_000).toISOString());
    await server.app.poller?.drain();
    ({ samples } = await scrape(server));
    expect(outcome('not_modified')).toBe(1);
    expect(outcome('ok')).toBe(1);
    expect(valueOf(samples, 'dayline_ingest_total', { event: 'test-war', via: 'feed' })).toBe(2);
  });
});

describe('delivery latency', () => {
  it('is the time from the update being accepted to this node emitting it', async () => {
    const now = new Date('2022-03-20T12:00:00.250Z');
    const metrics = new Metrics({
      events: new EventCatalog([testEvent]),
      clock: { now: () => now },
      showPrivateEvents: false,
    });
    metrics.delivered({ updatedAt: '2022-03-20T12:00:00.000Z' });
    // From another node whose clock runs ahead: counted as no delay rather than a negative one.
    metrics.delivered({ updatedAt: '2022-03-20T12:00:01.000Z' });
    const samples = parseExposition((await metrics.render()).body);
    const bucket = (le: string) => valueOf(samples, 'dayline_delivery_latency_seconds_bucket', { le });
    expect(valueOf(samples, 'dayline_delivery_latency_seconds_count')).toBe(2);
    expect(valueOf(samples, 'dayline_delivery_latency_seconds_sum')).toBeCloseTo(0.25);
    expect(bucket('0.001')).toBe(1);
    expect(bucket('0.1')).toBe(1);
    expect(bucket('0.25')).toBe(2);
  });
});

describe('request ids and logs', () => {
  it('gives every request an id, echoes it, and logs it with the request and its errors', async () => {
    const { logger, records } = capturedLogger();
    const server = await startServer({}, { logger });
    servers.push(server);

    const chosen = await fetch(`${server.url}/api/events`, { headers: { 'x-request-id': 'edge-7f3a.42' } });
    expect(chosen.headers.get('x-request-id')).toBe('edge-7f3a.42');
    // An id that is not a short plain token is replaced rather than echoed into headers and logs.
    const odd = await fetch(`${server.url}/api/events`, { headers: { 'x-request-id': 'a b\tc'.repeat(50) } });
    const generated = odd.headers.get('x-request-id') ?? '';
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const fresh = await fetch(`${server.url}/api/events`);
    expect(fresh.headers.get('x-request-id')).not.toBe(generated);

    // A failure inside a handler: the error line carries the same id the client got.
    server.store.getUpdate = () => Promise.reject(new Error('disk on fire'));
    const failed = await fetch(`${server.url}/api/updates/00000000-0000-4000-8000-000000000000`);
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { error: { message: string } }).error.message).toBe('Internal error');
    const failedId = failed.headers.get('x-request-id');

    await expect
      .poll(() => records().some((r) => r.reqId === failedId && r.msg === 'request failed'))
      .toBe(true);
    const lines = records();
    const line = lines.find((r) => r.reqId === 'edge-7f3a.42');
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'GET', url: '/api/events' },
      res: { statusCode: 200 },
    });
    expect(lines.some((r) => r.reqId === generated)).toBe(true);
    const failure = lines.find((r) => r.reqId === failedId && r.msg === 'request failed');
    expect(failure).toMatchObject({ level: 50, err: { message: 'disk on fire' } });
    expect(lines.some((r) => r.reqId === failedId && r.level === 50 && r.res)).toBe(true);
  });

  it('never logs a token: not the bearer header, not a cookie, not ?token=', async () => {
    const { logger, lines, records } = capturedLogger();
    const server = await startServer({ events: [testEvent, secretEvent] }, { logger });
    servers.push(server);
    const viewer = 'viewer-token-in-query-0123456789';
    await server.store.tokens.create({
      id: '00000000-0000-4000-8000-00000000beef',
      name: 'readers',
      digest: (await import('../../src/access/access.js')).tokenDigest(viewer),
      scopes: ['viewer'],
      at: '2022-03-20T12:00:00.000Z',
    });

    expect((await server.post(anUpdate())).status).toBe(201);
    expect((await server.post({ title: '' })).status).toBe(400);
    const feed = await fetch(`${server.url}/e/secret-war/feed.atom?token=${viewer}&x=1`, {
      headers: { cookie: `session=${viewer}` },
    });
    expect(feed.status).toBe(200);
    // The socket handshake's token is not logged either.
    const socket = connect(server.url, { transports: ['websocket'], auth: { token }, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve).once('connect_error', reject);
    });
    socket.disconnect();

    await expect.poll(() => records().filter((r) => r.req).length).toBeGreaterThanOrEqual(3);
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(viewer);
    const posted = records().find((r) => (r.req as { method?: string } | undefined)?.method === 'POST');
    expect(posted).toMatchObject({ req: { headers: { authorization: '[redacted]' } } });
    const fed = records().find((r) => String((r.req as { url?: string } | undefined)?.url).startsWith('/e/'));
    expect(fed).toMatchObject({
      req: { url: '/e/secret-war/feed.atom?token=[redacted]&x=1', headers: { cookie: '[redacted]' } },
    });
  });
});
