import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed, USER_AGENT, type FetchOptions } from '../../src/feeds/fetch-feed.js';
import type { Resolve } from '../../src/feeds/ssrf.js';
import { startFixtureServer, type FixtureServer, type Handler } from './fixture-server.js';

const NOW = new Date('2022-03-16T21:30:00Z');
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title></channel></rss>';

/** The fixture server is on loopback, so ordinary tests allow private networks. */
const local: FetchOptions = { now: () => NOW, allowPrivateNetworks: true };

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<FixtureServer> {
  server = await startFixtureServer(handler);
  return server;
}

/** A resolver that never touches real DNS. */
function fakeDns(table: Record<string, string[]>): Resolve {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('fetchFeed: conditional GET and headers', () => {
  it('returns the body and validators, then echoes the ETag exactly and gets not-modified', async () => {
    const etag = 'W/"wire-1001-\u0061b"';
    const fixture = await serve((request, response) => {
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(FEED);
    });

    const first = await fetchFeed(fixture.url('/feed.xml'), {}, local);
    expect(first).toMatchObject({
      kind: 'ok',
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      finalUrl: fixture.url('/feed.xml'),
      etag,
    });
    expect(first.kind === 'ok' && first.body.toString()).toBe(FEED);
    expect(first.kind === 'ok' && first.lastModified).toBeUndefined();

    const second = await fetchFeed(fixture.url('/feed.xml'), { etag }, local);
    expect(second).toEqual({ kind: 'not-modified' });

    const [plain, conditional] = fixture.requests;
    expect(plain?.headers['if-none-match']).toBeUndefined();
    expect(plain?.headers['if-modified-since']).toBeUndefined();
    expect(conditional?.headers['if-none-match']).toBe(etag);
    expect(conditional?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Dayline\/[\d.]+ \(.*feed reader\)$/);
    expect(conditional?.headers.accept).toContain('application/rss+xml');
    expect(conditional?.headers.accept).toContain('application/atom+xml');
    expect(conditional?.headers.accept).toContain('application/feed+json');
    expect(conditional?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('echoes Last-Modified exactly as the server wrote it', async () => {
    const lastModified = 'Wed, 16 Mar 2022 21:30:00 GMT';
    const fixture = await serve((request, response) => {
      if (request.headers['if-modified-since'] === lastModified) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'last-modified': lastModified }).end(FEED);
    });
    const first = await fetchFeed(fixture.url('/'), {}, local);
    expect(first).toMatchObject({ kind: 'ok', lastModified });
    expect(first.kind === 'ok' && first.etag).toBeUndefined();

    const etag = '"v2"';
    expect(await fetchFeed(fixture.url('/'), { lastModified, etag }, local)).toEqual({
      kind: 'not-modified',
    });
    expect(fixture.requests[1]?.headers).toMatchObject({
      'if-modified-since': lastModified,
      'if-none-match': etag,
    });
  });
});

describe('fetchFeed: compression', () => {
  const encoders: Record<string, (body: Buffer) => Buffer> = {
    gzip: (body) => zlib.gzipSync(body),
    deflate: (body) => zlib.deflateSync(body),
    br: (body) => zlib.brotliCompressSync(body),
  };

  for (const [encoding, encode] of Object.entries(encoders)) {
    it(`decompresses a ${encoding} body`, async () => {
      const fixture = await serve((_request, response) => {
        response.writeHead(200, { 'content-encoding': encoding }).end(encode(Buffer.from(FEED)));
      });
      const outcome = await fetchFeed(fixture.url('/'), {}, local);
      expect(outcome.kind === 'ok' && outcome.body.toString()).toBe(FEED);
    });
  }

  it('decompresses raw deflate, which some servers send under "deflate"', async () => {
    const fixture = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(Buffer.from(FEED)));
    });
    const outcome = await fetchFeed(fixture.url('/'), {}, local);
    expect(outcome.kind === 'ok' && outcome.body.toString()).toBe(FEED);
  });

  it('reports a corrupt compressed body and an unknown encoding', async () => {
    const fixture = await serve((request, response) => {
      const encoding = request.url === '/corrupt' ? 'gzip' : 'compress';
      response.writeHead(200, { 'content-encoding': encoding }).end('definitely not gzip');
    });
    expect(await fetchFeed(fixture.url('/corrupt'), {}, local)).toMatchObject({
      kind: 'error',
      reason: 'not_a_feed',
      message: 'Could not decompress the response body',
    });
    expect(await fetchFeed(fixture.url('/unknown'), {}, local)).toEqual({
      kind: 'error',
      reason: 'not_a_feed',
      message: 'Unsupported Content-Encoding: compress',
    });
  });
});

describe('fetchFeed: limits', () => {
  it('aborts a body as soon as it passes the limit, without waiting for the rest', async () => {
    let written = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const fixture = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.on('close', () => (closed = true));
      // An endless body: only the client giving up ends it.
      const pump = (): void => {
        while (!closed && written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const outcome = await fetchFeed(fixture.url('/'), {}, { ...local, maxBodyBytes: 1024 * 1024 });
    expect(outcome).toEqual({ kind: 'error', reason: 'too_large', message: 'Body larger than 1 MB' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const fixture = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': String(6 * 1024 * 1024) });
      response.write('<rss');
    });
    expect(await fetchFeed(fixture.url('/'), {}, local)).toEqual({
      kind: 'error',
      reason: 'too_large',
      message: 'Body larger than 5 MB',
    });
  });

  it('stops a gzip bomb and a brotli bomb at the limit on decompressed bytes', async () => {
    // 256 concatenated gzip members of 4 MB of zeros: about 1 MB on the wire, 1 GB unpacked, so
    // anything that buffered before checking would take seconds and a gigabyte to fail.
    const gzipBomb = Buffer.concat(
      Array(256).fill(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 })),
    );
    const brotliBomb = zlib.brotliCompressSync(Buffer.alloc(32 * 1024 * 1024));
    expect(gzipBomb.length).toBeLessThan(2 * 1024 * 1024);
    const fixture = await serve((request, response) => {
      const brotli = request.url === '/br';
      response
        .writeHead(200, { 'content-encoding': brotli ? 'br' : 'gzip' })
        .end(brotli ? brotliBomb : gzipBomb);
    });
    for (const path of ['/gzip', '/br']) {
      const started = Date.now();
      const outcome = await fetchFeed(fixture.url(path), {}, { ...local, maxBodyBytes: 1024 * 1024 });
      expect(outcome).toEqual({ kind: 'error', reason: 'too_large', message: 'Body larger than 1 MB' });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('times out a server that sends headers and then stalls', async () => {
    const fixture = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel>');
    });
    const started = Date.now();
    const outcome = await fetchFeed(fixture.url('/'), {}, { ...local, totalTimeoutMs: 300 });
    expect(outcome).toEqual({ kind: 'error', reason: 'timeout', message: 'Timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a server that never answers', async () => {
    const fixture = await serve(() => undefined);
    const outcome = await fetchFeed(fixture.url('/'), {}, { ...local, totalTimeoutMs: 250 });
    expect(outcome).toEqual({ kind: 'error', reason: 'timeout', message: 'Timed out after 0.25 s' });
  });

  it('gives up connecting after the connect timeout', async () => {
    const neverAnswers: Resolve = () => new Promise(() => undefined);
    const outcome = await fetchFeed(
      'http://stuck.example/feed',
      {},
      { ...local, resolve: neverAnswers, connectTimeoutMs: 200 },
    );
    expect(outcome).toEqual({
      kind: 'error',
      reason: 'timeout',
      message: 'Could not connect to stuck.example within 0.2 s',
    });
  });
});

describe('fetchFeed: redirects', () => {
  /** /hop/N redirects N more times, then serves the feed. */
  const chain: Handler = (request, response) => {
    const remaining = Number(/^\/hop\/(\d+)/.exec(request.url ?? '')?.[1] ?? 0);
    if (remaining > 0) {
      const status = [301, 302, 303, 307, 308][remaining % 5] ?? 302;
      // Relative and absolute Locations both occur in the wild.
      const location = remaining % 2 ? `/hop/${remaining - 1}` : `${server?.origin}/hop/${remaining - 1}`;
      response.writeHead(status, { location }).end('moved');
      return;
    }
    response.writeHead(200, { etag: '"final"' }).end(FEED);
  };

  it('follows five redirects and reports the final URL', async () => {
    const fixture = await serve(chain);
    const outcome = await fetchFeed(fixture.url('/hop/5'), { etag: '"old"' }, local);
    expect(outcome).toMatchObject({
      kind: 'ok',
      status: 200,
      finalUrl: fixture.url('/hop/0'),
      etag: '"final"',
    });
    expect(fixture.requests.map((r) => r.path)).toEqual([
      '/hop/5',
      '/hop/4',
      '/hop/3',
      '/hop/2',
      '/hop/1',
      '/hop/0',
    ]);
    expect(fixture.requests.every((r) => r.headers['user-agent'] === USER_AGENT)).toBe(true);
  });

  it('refuses a sixth redirect', async () => {
    const fixture = await serve(chain);
    const outcome = await fetchFeed(fixture.url('/hop/6'), {}, local);
    expect(outcome).toMatchObject({
      kind: 'error',
      reason: 'redirect',
      message: 'Too many redirects (more than 5)',
    });
    expect(fixture.requests).toHaveLength(6);
  });

  it('reports a redirect without a Location', async () => {
    const fixture = await serve((_request, response) => response.writeHead(302).end());
    expect(await fetchFeed(fixture.url('/'), {}, local)).toMatchObject({
      kind: 'error',
      reason: 'redirect',
      status: 302,
      message: 'Redirect (HTTP 302) without a Location',
    });
  });
});

describe('fetchFeed: refusing private networks', () => {
  const strict = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
    now: () => NOW,
    allowPrivateNetworks: false,
    ...extra,
  });

  it('refuses literal private, loopback, link-local and mapped addresses before connecting', async () => {
    const fixture = await serve((_request, response) => response.end(FEED));
    const cases: Array<[string, string]> = [
      [fixture.url('/'), 'Refused: 127.0.0.1 is a loopback address'],
      [`http://[::1]:${fixture.port}/`, 'Refused: ::1 is a loopback address'],
      ['http://169.254.169.254/latest/meta-data/', 'Refused: 169.254.169.254 is a link-local address'],
      ['http://10.1.2.3/feed.xml', 'Refused: 10.1.2.3 is a private address'],
      ['https://192.168.1.20/feed.xml', 'Refused: 192.168.1.20 is a private address'],
      ['http://100.64.0.9/feed', 'Refused: 100.64.0.9 is a carrier-grade NAT address'],
      ['http://0.0.0.0:80/', 'Refused: 0.0.0.0 is an unspecified address'],
      [`http://[::ffff:127.0.0.1]:${fixture.port}/`, 'Refused: ::ffff:7f00:1 is a loopback address'],
      [`http://2130706433:${fixture.port}/`, 'Refused: 127.0.0.1 is a loopback address'],
      ['http://[fd12:3456::1]/', 'Refused: fd12:3456::1 is a private address'],
    ];
    for (const [url, message] of cases) {
      expect(await fetchFeed(url, {}, strict())).toEqual({ kind: 'error', reason: 'refused', message });
    }
    expect(fixture.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback, checked at connect time', async () => {
    const fixture = await serve((_request, response) => response.end(FEED));
    const outcome = await fetchFeed(
      `http://localhost:${fixture.port}/`,
      {},
      strict({ resolve: fakeDns({ localhost: ['127.0.0.1'] }) }),
    );
    expect(outcome).toEqual({
      kind: 'error',
      reason: 'refused',
      message: 'Refused: localhost resolves to a loopback address (127.0.0.1)',
    });
    const withSystemDns = await fetchFeed(`http://localhost:${fixture.port}/`, {}, strict());
    expect(withSystemDns).toMatchObject({
      kind: 'error',
      reason: 'refused',
      message: expect.stringMatching(/^Refused: localhost resolves to a loopback address/),
    });
    expect(fixture.requests).toHaveLength(0);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const outcome = await fetchFeed(
      'http://feed.example/rss',
      {},
      // The documentation range stands in for a public address: allowed here, and unroutable.
      strict({
        allowAddresses: ['203.0.113.0/24'],
        resolve: fakeDns({ 'feed.example': ['203.0.113.9', '10.0.0.3'] }),
      }),
    );
    expect(outcome).toEqual({
      kind: 'error',
      reason: 'refused',
      message: 'Refused: feed.example resolves to a private address (10.0.0.3)',
    });
  });

  it('refuses only-http(s) schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://files.example.org/feed.xml', 'gopher://x.example/']) {
      expect(await fetchFeed(url, {}, strict())).toMatchObject({
        kind: 'error',
        reason: 'refused',
        message: expect.stringMatching(/^Refused: only http and https feed URLs are fetched/),
      });
    }
    expect(await fetchFeed('not a url', {}, strict())).toEqual({
      kind: 'error',
      reason: 'refused',
      message: 'Invalid feed URL: not a url',
    });
  });

  it('refuses redirects into private networks, hop by hop', async () => {
    const targets: Record<string, string> = {
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/',
      '/to-private': 'http://10.1.2.3/admin',
      '/to-ipv6-loopback': `http://[::1]:1/`,
      '/to-ipv4-compatible': `http://[::127.0.0.1]:1/`,
      '/to-internal-name': 'http://internal.example/feed',
      '/to-localhost': 'http://localhost/',
      '/to-file': 'file:///etc/passwd',
    };
    const fixture = await serve((request, response) => {
      response.writeHead(302, { location: targets[request.url ?? ''] ?? '/' }).end();
    });
    // Only the fixture's own address is let through, as an operator would for one intranet host.
    const options = strict({
      allowAddresses: ['127.0.0.1/32'],
      resolve: fakeDns({ 'internal.example': ['10.0.0.3'], localhost: ['::1'] }),
    });
    const expected: Record<string, string> = {
      '/to-metadata': 'Refused: 169.254.169.254 is a link-local address',
      '/to-private': 'Refused: 10.1.2.3 is a private address',
      '/to-ipv6-loopback': 'Refused: ::1 is a loopback address',
      '/to-ipv4-compatible': 'Refused: ::7f00:1 is an IPv4-compatible address',
      '/to-internal-name': 'Refused: internal.example resolves to a private address (10.0.0.3)',
      '/to-localhost': 'Refused: localhost resolves to a loopback address (::1)',
      '/to-file': 'Refused: only http and https feed URLs are fetched, not file',
    };
    for (const [path, message] of Object.entries(expected)) {
      expect(await fetchFeed(fixture.url(path), {}, options)).toEqual({
        kind: 'error',
        reason: 'refused',
        message,
      });
    }
    expect(fixture.requests.map((r) => r.path)).toEqual(Object.keys(expected));
  });

  it('connects to the address the guarded lookup approved', async () => {
    const fixture = await serve((request, response) => response.end(`host=${request.headers.host}`));
    const outcome = await fetchFeed(
      `http://wire.example:${fixture.port}/feed`,
      {},
      strict({ allowAddresses: ['127.0.0.0/8'], resolve: fakeDns({ 'wire.example': ['127.0.0.1'] }) }),
    );
    expect(outcome.kind === 'ok' && outcome.body.toString()).toBe(`host=wire.example:${fixture.port}`);
  });
});

describe('fetchFeed: statuses and failures', () => {
  it('reports 410 as gone', async () => {
    const fixture = await serve((_request, response) => response.writeHead(410).end('removed'));
    expect(await fetchFeed(fixture.url('/'), {}, local)).toEqual({
      kind: 'gone',
      status: 410,
      message: 'Gone (HTTP 410): the outlet removed this feed for good',
    });
  });

  it('turns Retry-After seconds and HTTP-dates on 429 and 503 into a delay', async () => {
    const fixture = await serve((request, response) => {
      const [status, retryAfter] = (
        {
          '/seconds': [429, '120'],
          '/date': [429, 'Wed, 16 Mar 2022 21:31:30 GMT'],
          '/unavailable': [503, '30'],
          '/garbage': [429, 'soon-ish'],
        } as Record<string, [number, string]>
      )[request.url ?? ''] ?? [500, ''];
      response.writeHead(status, retryAfter ? { 'retry-after': retryAfter } : {}).end();
    });
    expect(await fetchFeed(fixture.url('/seconds'), {}, local)).toEqual({
      kind: 'error',
      reason: 'http',
      status: 429,
      message: 'HTTP 429 Too Many Requests',
      retryAfterMs: 120_000,
    });
    expect(await fetchFeed(fixture.url('/date'), {}, local)).toMatchObject({
      status: 429,
      retryAfterMs: 90_000,
    });
    expect(await fetchFeed(fixture.url('/unavailable'), {}, local)).toEqual({
      kind: 'error',
      reason: 'http',
      status: 503,
      message: 'HTTP 503 Service Unavailable',
      retryAfterMs: 30_000,
    });
    expect(await fetchFeed(fixture.url('/garbage'), {}, local)).toEqual({
      kind: 'error',
      reason: 'http',
      status: 429,
      message: 'HTTP 429 Too Many Requests',
    });
    expect(await fetchFeed(fixture.url('/other'), {}, local)).toEqual({
      kind: 'error',
      reason: 'http',
      status: 500,
      message: 'HTTP 500 Internal Server Error',
    });
  });

  it('reports 404 and 403 plainly', async () => {
    const fixture = await serve((request, response) =>
      response.writeHead(request.url === '/forbidden' ? 403 : 404).end(),
    );
    expect(await fetchFeed(fixture.url('/missing'), {}, local)).toEqual({
      kind: 'error',
      reason: 'http',
      status: 404,
      message: 'HTTP 404 Not Found',
    });
    expect(await fetchFeed(fixture.url('/forbidden'), {}, local)).toMatchObject({
      message: 'HTTP 403 Forbidden',
    });
  });

  it('explains DNS failures and refused connections', async () => {
    expect(await fetchFeed('http://nowhere.example/feed', {}, { ...local, resolve: fakeDns({}) })).toEqual({
      kind: 'error',
      reason: 'dns',
      message: 'DNS lookup failed for nowhere.example (ENOTFOUND)',
    });

    const closed = await startFixtureServer(() => undefined);
    await closed.close();
    expect(await fetchFeed(closed.url('/'), {}, local)).toEqual({
      kind: 'error',
      reason: 'connection',
      message: `Connection refused by 127.0.0.1:${closed.port}`,
    });
  });
});
