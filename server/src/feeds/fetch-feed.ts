import { STATUS_CODES } from 'node:http';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Agent, request } from 'undici';
import { retryAfterMs } from './backoff.js';
import type { SourceErrorKind } from '@dayline/shared';
import { checkUrl, guardedLookup, type AddressPolicy, type Resolve } from './ssrf.js';

export const USER_AGENT = 'Dayline/0.1 (+https://github.com/dayline; feed reader)';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  /** Where "now" comes from, for Retry-After dates. */
  now: () => Date;
  allowPrivateNetworks?: boolean;
  /** CIDR ranges allowed even when private networks are refused. */
  allowAddresses?: readonly string[];
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** DNS resolution; defaults to the system resolver. */
  resolve?: Resolve;
  userAgent?: string;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      status: number;
      body: Buffer;
      contentType?: string;
      finalUrl: string;
      etag?: string;
      lastModified?: string;
    }
  | { kind: 'not-modified' }
  | { kind: 'gone'; status: 410; message: string }
  | { kind: 'error'; reason: SourceErrorKind; status?: number; message: string; retryAfterMs?: number };

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

class BodyTooLargeError extends Error {}

/**
 * Fetches one feed politely (conditional GET, clear User-Agent, compression) and safely (timeouts,
 * size limit enforced while streaming, every redirect hop checked against the address policy).
 * Never throws: every failure becomes an outcome with a message fit to show an operator.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  options: FetchOptions,
): Promise<FetchOutcome> {
  const settings = { ...FETCH_DEFAULTS, ...definedOnly(options) };
  const policy: AddressPolicy = {
    allowPrivateNetworks: options.allowPrivateNetworks ?? false,
    ...(options.allowAddresses ? { allowAddresses: options.allowAddresses } : {}),
  };
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { kind: 'error', reason: 'refused', message: `Invalid feed URL: ${url}` };
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.totalTimeoutMs);
  // A fresh agent per fetch keeps the guard and timeouts tied to this call's options; feeds are
  // polled minutes apart, so pooled connections would rarely be reused anyway.
  const agent = new Agent({
    connect: {
      timeout: settings.connectTimeoutMs,
      lookup: guardedLookup(policy, options.resolve),
    },
    headersTimeout: settings.totalTimeoutMs,
    bodyTimeout: settings.totalTimeoutMs,
  });
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? USER_AGENT,
    accept: FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  try {
    for (let redirects = 0; ; redirects++) {
      const refused = checkUrl(current, policy);
      if (refused) return { kind: 'error', reason: 'refused', message: refused };
      const response = await request(current, {
        method: 'GET',
        headers,
        dispatcher: agent,
        signal: controller.signal,
      });
      const status = response.statusCode;
      const header = (name: string): string | undefined => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };

      if (redirectStatuses.has(status)) {
        await response.body.dump();
        const location = header('location');
        if (!location) {
          return {
            kind: 'error',
            reason: 'redirect',
            status,
            message: `Redirect (HTTP ${status}) without a Location`,
          };
        }
        if (redirects >= settings.maxRedirects) {
          return {
            kind: 'error',
            reason: 'redirect',
            status,
            message: `Too many redirects (more than ${settings.maxRedirects})`,
          };
        }
        try {
          current = new URL(location, current);
        } catch {
          return {
            kind: 'error',
            reason: 'redirect',
            status,
            message: `Redirect to an invalid URL: ${location}`,
          };
        }
        continue;
      }
      if (status === 304) {
        await response.body.dump();
        return { kind: 'not-modified' };
      }
      if (status === 410) {
        await response.body.dump();
        return {
          kind: 'gone',
          status: 410,
          message: 'Gone (HTTP 410): the outlet removed this feed for good',
        };
      }
      if (status < 200 || status > 299) {
        await response.body.dump();
        const retryAfter =
          status === 429 || status === 503 ? retryAfterMs(header('retry-after'), options.now()) : undefined;
        return {
          kind: 'error',
          reason: 'http',
          status,
          message: `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(),
          ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
        };
      }

      const declaredLength = Number(header('content-length'));
      if (declaredLength > settings.maxBodyBytes) {
        discard(response.body);
        return {
          kind: 'error',
          reason: 'too_large',
          message: `Body larger than ${formatBytes(settings.maxBodyBytes)}`,
        };
      }
      const decoder = decoderFor(header('content-encoding'));
      if (decoder instanceof Error) {
        discard(response.body);
        return { kind: 'error', reason: 'not_a_feed', message: decoder.message };
      }
      const body = await readLimited(response.body, decoder, settings.maxBodyBytes);
      const contentType = header('content-type');
      const etag = header('etag');
      const lastModified = header('last-modified');
      return {
        kind: 'ok',
        status,
        body,
        finalUrl: current.href,
        ...(contentType ? { contentType } : {}),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    }
  } catch (error) {
    return { kind: 'error', ...describeFailure(error, current, settings, timedOut) };
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => undefined);
  }
}

/** Closes a body we will not read; the abort it causes is expected, not an error to report. */
function discard(body: Readable): void {
  body.on('error', () => undefined).destroy();
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Streams the body through the decompressor, failing the moment the decoded size passes the limit. */
async function readLimited(
  body: Readable,
  decoder: Transform | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });
  // Counting after decompression is what stops a small gzip or brotli bomb from expanding.
  if (decoder) await pipeline(body, decoder, sink);
  else await pipeline(body, sink);
  return Buffer.concat(chunks, size);
}

function decoderFor(contentEncoding: string | undefined): Transform | undefined | Error {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  if (encoding === 'deflate') return new AnyInflate();
  return new Error(`Unsupported Content-Encoding: ${contentEncoding}`);
}

/**
 * "deflate" should mean zlib-wrapped data, but some servers send raw deflate; the first byte tells
 * them apart (a zlib header starts with compression method 8 in its low nibble).
 */
class AnyInflate extends Transform {
  #inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#inner) {
      const first = chunk[0] ?? 0;
      const second = chunk[1] ?? 0;
      const zlibWrapped = (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
      this.#inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.#inner.on('data', (data: Buffer) => this.push(data));
      this.#inner.on('error', (error) => this.destroy(error));
    }
    this.#inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#inner) return callback();
    this.#inner.once('end', () => callback());
    this.#inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#inner?.destroy();
    callback(error);
  }
}

function describeFailure(
  error: unknown,
  url: URL,
  settings: { connectTimeoutMs: number; totalTimeoutMs: number; maxBodyBytes: number },
  timedOut: boolean,
): { reason: SourceErrorKind; message: string } {
  const timeout = {
    reason: 'timeout',
    message: `Timed out after ${formatSeconds(settings.totalTimeoutMs)}`,
  } as const;
  if (timedOut) return timeout;
  if (error instanceof BodyTooLargeError)
    return { reason: 'too_large', message: `Body larger than ${formatBytes(settings.maxBodyBytes)}` };
  const cause = findCoded(error);
  const code = cause?.code;
  const host = url.hostname;
  switch (code) {
    case 'DAYLINE_REFUSED_ADDRESS':
      return { reason: 'refused', message: cause?.message ?? 'Refused address' };
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        reason: 'timeout',
        message: `Could not connect to ${host} within ${formatSeconds(settings.connectTimeoutMs)}`,
      };
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return timeout;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { reason: 'dns', message: `DNS lookup failed for ${host} (${code})` };
    case 'ECONNREFUSED':
      return { reason: 'connection', message: `Connection refused by ${url.host}` };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return { reason: 'connection', message: `Connection to ${url.host} was dropped` };
  }
  // zlib codes start Z_, brotli decoder codes ERR__ (such as ERR__ERROR_FORMAT_PADDING_1).
  if (code && /^(Z_|ERR__|ERR_BROTLI)/.test(code))
    return { reason: 'not_a_feed', message: 'Could not decompress the response body' };
  if (code && /CERT|TLS|SSL/.test(code))
    return { reason: 'tls', message: `TLS error with ${host}: ${cause?.message ?? code}` };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'connection', message: `Fetch failed: ${message}${code ? ` (${code})` : ''}` };
}

/** undici wraps socket errors; the useful code may sit on a cause. */
function findCoded(error: unknown): (Error & { code?: string }) | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const coded = current as Error & { code?: string };
    if (typeof coded.code === 'string') return coded;
    current = current.cause;
  }
  return undefined;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
