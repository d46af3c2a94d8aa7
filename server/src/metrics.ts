import {
  errorInfoSchema,
  eventForChange,
  type BatchResult,
  type ErrorCode,
  type Update,
} from '@dayline/shared';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from './clock.js';
import type { EventCatalog } from './events/catalog.js';
import type { LiveServer } from './live/hub.js';

/** Where an accepted update came in. The import CLI runs in its own process and has no /metrics. */
export type IngestVia = 'api' | 'feed';

/** What one feed poll came to, as the poller tells them apart. */
export const feedFetchOutcomes = [
  'ok',
  'not_modified',
  'gone',
  /** An HTTP status other than 2xx, 304 or 410 (after redirects). */
  'http_error',
  /** No usable answer: network failure, timeout, refused address, body too large, bad encoding. */
  'fetch_error',
  'parse_error',
  /** A bug or a store failure while ingesting the items. */
  'internal',
] as const;
export type FeedFetchOutcome = (typeof feedFetchOutcomes)[number];

/** The `event` label of a private event when /metrics is open to anyone (no slug can contain parentheses). */
export const privateEventLabel = '(private)';

/** What the live hub can tell about this node's readers. */
export interface LiveCounts {
  /** Sockets subscribed to each event (by slug) on this node. */
  subscriptionsByEvent(): ReadonlyMap<string, number>;
}

const liveEvents = new Set<string>(Object.values(eventForChange));

/**
 * The Prometheus metrics of one app instance. Each instance has its own registry (never prom-client's
 * global one), so several servers in one process (tests, benchmarks) keep separate counts.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #eventLabel: (slug: string) => string;
  readonly #ingested: Counter<'event' | 'via'>;
  readonly #rejected: Counter<'reason'>;
  readonly #feedFetches: Counter<'outcome'>;
  readonly #deliveryLatency: Histogram;

  /**
   * `showPrivateEvents`: label private events by their slug (when /metrics needs a token); otherwise
   * they are counted together under `(private)`, so an open /metrics does not reveal them.
   */
  constructor(private readonly deps: { events: EventCatalog; clock: Clock; showPrivateEvents: boolean }) {
    const { events, showPrivateEvents } = deps;
    this.#eventLabel = (slug) =>
      !showPrivateEvents && events.find(slug)?.config.visibility === 'private' ? privateEventLabel : slug;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.#ingested = new Counter({
      name: 'dayline_ingest_total',
      help: 'Updates accepted as new, by event and by how they came in (api, feed)',
      labelNames: ['event', 'via'],
      registers,
    });
    this.#rejected = new Counter({
      name: 'dayline_ingest_rejections_total',
      help: 'Rejected ingest requests, and rejected items of accepted batches and feeds, by error code',
      labelNames: ['reason'],
      registers,
    });
    this.#feedFetches = new Counter({
      name: 'dayline_feed_fetches_total',
      help: 'Feed polls by outcome',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of feedFetchOutcomes) this.#feedFetches.inc({ outcome }, 0);
    this.#deliveryLatency = new Histogram({
      name: 'dayline_delivery_latency_seconds',
      help: 'From a change being accepted (its updatedAt) to this node emitting it to its sockets',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  /** Counts the result of one item: created → accepted, rejected → by its error code. */
  ingested(event: string, via: IngestVia, result: Pick<BatchResult, 'status' | 'error'>): void {
    if (result.status === 'created') this.#ingested.inc({ event: this.#eventLabel(event), via });
    else if (result.status === 'rejected') {
      const parsed = errorInfoSchema.safeParse(result.error);
      this.rejected(parsed.success ? parsed.data.code : 'internal');
    }
  }

  rejected(reason: ErrorCode): void {
    this.#rejected.inc({ reason });
  }

  feedFetched(outcome: FeedFetchOutcome): void {
    this.#feedFetches.inc({ outcome });
  }

  /**
   * A change reached this node's sockets. `updatedAt` is stamped by the commit step when the store
   * accepts the change and travels inside the message, so this works across nodes too (as exactly
   * as the nodes' clocks agree; a skew that would make it negative counts as zero).
   */
  delivered(update: Pick<Update, 'updatedAt'>): void {
    const accepted = Date.parse(update.updatedAt);
    if (Number.isNaN(accepted)) return;
    this.#deliveryLatency.observe(Math.max(0, this.deps.clock.now().getTime() - accepted) / 1000);
  }

  /**
   * Connected clients and subscriptions, read from socket.io and the hub at each scrape rather than
   * kept in step; and the delivery latency of every live change this node emits.
   */
  watchLive(io: LiveServer, live: LiveCounts): void {
    const { events } = this.deps;
    const eventLabel = this.#eventLabel;
    new Gauge({
      name: 'dayline_connected_clients',
      help: 'Sockets connected to this node',
      registers: [this.registry],
      collect() {
        this.set(io.of('/').sockets.size);
      },
    });
    new Gauge({
      name: 'dayline_subscriptions',
      help: 'Sockets on this node subscribed to each event',
      labelNames: ['event'],
      registers: [this.registry],
      collect() {
        this.reset();
        // Every configured event, so a dashboard sees zero rather than a missing series.
        for (const { config } of events.list()) this.set({ event: eventLabel(config.slug) }, 0);
        for (const [slug, count] of live.subscriptionsByEvent()) this.inc({ event: eventLabel(slug) }, count);
      },
    });
    this.#observeBroadcasts(io);
  }

  /**
   * The delivery latency of each broadcast, observed once however many readers it reaches: the
   * namespace's adapter encodes a broadcast once before writing it to every socket in its rooms,
   * for updates published here and for those relayed from other nodes through Redis alike. A
   * listener per socket (`onAnyOutgoing`) would run, and copy its listener list, for every reader
   * of every update: the fan-out's hot path, which this keeps clear.
   */
  #observeBroadcasts(io: LiveServer): void {
    const adapter = io.of('/').adapter as unknown as {
      _encode?: (packet: { data?: unknown }, options: unknown) => unknown;
    };
    const encode = adapter._encode;
    if (typeof encode !== 'function') return;
    adapter._encode = (packet, options) => {
      const [event, payload] = Array.isArray(packet.data) ? (packet.data as unknown[]) : [];
      if (typeof event === 'string' && liveEvents.has(event) && typeof payload === 'object' && payload)
        this.delivered(payload as Update);
      return encode.call(adapter, packet, options);
    };
  }

  /** The text exposition, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
