import type { SourceErrorKind } from '@dayline/shared';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { QueueService } from '../queue/service.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { PollRecord, Source, FeedStore } from './feed-store.js';
import { nextPollDelay } from './backoff.js';
import { fetchFeed, type FetchOptions } from './fetch-feed.js';
import { FeedParseError, parseFeed } from './parse-feed.js';

export interface PollerOptions {
  allowPrivateNetworks: boolean;
  /** Feeds fetched at once by this process; a slow one holds one slot, never the others. */
  concurrency: number;
  /** How often the scheduler looks for due sources. */
  tickMs: number;
  /** How long a claimed source stays this node's: longer than the slowest fetch and ingest. */
  leaseMs: number;
  /** The longest a failing source waits between attempts. */
  backoffCapMs: number;
  random: () => number;
  /** Overrides for the fetch (timeouts, size limit); tests shorten them. */
  fetch?: Partial<Omit<FetchOptions, 'now' | 'allowPrivateNetworks'>>;
}

export const defaultPollerOptions: Omit<PollerOptions, 'allowPrivateNetworks'> = {
  concurrency: 4,
  tickMs: 1000,
  leaseMs: 2 * 60_000,
  backoffCapMs: 60 * 60_000,
  random: Math.random,
};

/**
 * The one scheduler of this process: claims due sources (a lease in the store, so one node polls a
 * feed at a time), fetches and parses them, and hands every item on: to the commit step, or to the incoming queue for a feed in review mode.
 */
export class FeedPoller {
  readonly #owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  /** The tick under way, so overlapping ticks (timer, drain) share one claim. */
  #tick: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      sources: FeedStore;
      /** Where each item goes: to readers, or to the incoming queue, as its feed's mode says. */
      queue: Pick<QueueService, 'takeFeedItem'>;
      /** A feed's health changed (polled): consoles at its event's desk read the feeds again. */
      polled?: (event: string) => void;
      clock: Clock;
      logger: Logger;
      metrics: Metrics;
      options: PollerOptions;
    },
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.deps.options.tickMs);
    this.#timer.unref();
    void this.tick();
  }

  /** Stops claiming and waits for the polls under way. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([...this.#running]);
  }

  /** Claims what is due, up to the free slots, and starts polling it. */
  tick(): Promise<void> {
    this.#tick ??= this.claim().finally(() => (this.#tick = undefined));
    return this.#tick;
  }

  private async claim(): Promise<void> {
    try {
      const { sources, clock, options } = this.deps;
      const now = clock.now();
      const free = options.concurrency - this.#running.size;
      const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
      const claimed = await sources.claimDue(this.#owner, now.toISOString(), leaseUntil, free);
      for (const source of claimed) {
        const poll = this.poll(source).finally(() => this.#running.delete(poll));
        this.#running.add(poll);
      }
    } catch (error) {
      this.deps.logger.error({ err: error }, 'feed scheduler tick failed');
    }
  }

  /** Polls all due sources now and waits for them: for tests and the import of a feed URL. */
  async drain(): Promise<void> {
    await this.tick();
    await Promise.allSettled([...this.#running]);
  }

  private async poll(source: Source): Promise<void> {
    const { sources, logger } = this.deps;
    let record: PollRecord;
    try {
      record = await this.fetchAndIngest(source);
    } catch (error) {
      // A bug or a store failure: count it as a failed poll so the source backs off, never stops.
      logger.error({ err: error, source: source.id }, 'feed poll failed');
      this.deps.metrics.feedFetched('internal');
      record = this.failure(source, null, 'internal', 'Internal error while polling; see the server log');
    }
    await sources.recordPoll(source.id, this.#owner, record);
    this.deps.polled?.(source.event);
    logger.info(
      {
        source: source.id,
        name: source.name,
        status: record.status,
        http: record.httpStatus,
        new: record.itemsNew,
      },
      'feed polled',
    );
  }

  private async fetchAndIngest(source: Source): Promise<PollRecord> {
    const { queue, clock, options, metrics } = this.deps;
    const fetchedAt = clock.now();
    const outcome = await fetchFeed(
      source.url,
      {
        ...(source.etag ? { etag: source.etag } : {}),
        ...(source.lastModified ? { lastModified: source.lastModified } : {}),
      },
      { ...options.fetch, now: () => clock.now(), allowPrivateNetworks: options.allowPrivateNetworks },
    );
    switch (outcome.kind) {
      case 'not-modified':
        metrics.feedFetched('not_modified');
        return this.success(source, 304, 0, 0);
      case 'gone':
        metrics.feedFetched('gone');
        return { ...this.failure(source, 410, 'gone', outcome.message), disable: true, status: 'disabled' };
      case 'error':
        metrics.feedFetched(outcome.status === undefined ? 'fetch_error' : 'http_error');
        return this.failure(
          source,
          outcome.status ?? null,
          outcome.reason,
          outcome.message,
          outcome.retryAfterMs,
        );
      case 'ok': {
        let feed;
        try {
          feed = parseFeed(outcome.body, {
            ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
            url: outcome.finalUrl,
            fetchedAt,
          });
        } catch (error) {
          if (!(error instanceof FeedParseError)) throw error;
          metrics.feedFetched('parse_error');
          return this.failure(source, outcome.status, 'not_a_feed', error.message);
        }
        let fresh = 0;
        for (const item of feed.items) {
          const result = await queue.takeFeedItem(source.event, source.mode, {
            source,
            ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
            item,
          });
          // Queued items are not ingested yet: they count when an editor approves them.
          if (source.mode === 'publish') metrics.ingested(source.event, 'feed', result);
          if (result.status === 'created' || result.status === 'updated') fresh += 1;
        }
        metrics.feedFetched('ok');
        return {
          ...this.success(source, outcome.status, feed.items.length, fresh),
          // Echo the validators exactly as the server sent them; forget them when it sent none.
          etag: outcome.etag ?? null,
          lastModified: outcome.lastModified ?? null,
        };
      }
    }
  }

  private success(source: Source, httpStatus: number, seen: number, fresh: number): PollRecord {
    const { clock, options } = this.deps;
    const now = clock.now();
    // ±10 % jitter, so sources added together do not stay in lock-step.
    const delay = source.pollSeconds * 1000 * (0.9 + 0.2 * options.random());
    return {
      at: now.toISOString(),
      status: 'ok',
      httpStatus,
      errorKind: null,
      error: null,
      success: true,
      itemsSeen: seen,
      itemsNew: fresh,
      failures: 0,
      nextPollAt: new Date(now.getTime() + delay).toISOString(),
    };
  }

  private failure(
    source: Source,
    httpStatus: number | null,
    errorKind: SourceErrorKind,
    error: string,
    retryAfterMs?: number,
  ): PollRecord {
    const { clock, options } = this.deps;
    const now = clock.now();
    const failures = source.failures + 1;
    const delay = nextPollDelay({
      failures,
      baseMs: source.pollSeconds * 1000,
      capMs: options.backoffCapMs,
      random: options.random,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
    return {
      at: now.toISOString(),
      status: 'failing',
      httpStatus,
      errorKind,
      error,
      success: false,
      failures,
      nextPollAt: new Date(now.getTime() + delay).toISOString(),
    };
  }
}
