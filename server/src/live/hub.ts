import {
  eventForChange,
  subscribeSchema,
  type ChangeKind,
  type ClientToServerEvents,
  type ErrorInfo,
  type ServerToClientEvents,
  type SubscribeAck,
  type Update,
} from '@dayline/shared';
import type { Request } from 'express';
import type { Server, Socket } from 'socket.io';
import { sessionUser } from '../accounts/sessions.js';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import type { Access } from '../access/access.js';
import type { EventCatalog } from '../events/catalog.js';
import type { ChangePublisher } from '../commit/commit.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { Outbox } from './outbox.js';

interface SocketData {
  rooms: string[];
  /** The handshake's token (`auth: { token }`) may read private events. */
  viewer: boolean;
  /** A signed-in person at an event's desk in the console (live/desk.ts). */
  desk?: { event: string; name: string; editing: string | null };
}

export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** A catch-up longer than this is refused: the client reloads its view instead. */
export const maxCatchUp = 1000;

/** A per-socket token bucket: `perMinute` messages a minute, with bursts of up to a tenth of that. */
export function rateLimiter(perMinute: number, now: () => number = Date.now): () => boolean {
  const capacity = Math.max(5, Math.ceil(perMinute / 10));
  let tokens = capacity;
  let last = now();
  return () => {
    const at = now();
    tokens = Math.min(capacity, tokens + ((at - last) * perMinute) / 60_000);
    last = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/** Refuses a connection beyond `max` open sockets from one address (off by default: carrier NAT). */
function capPerAddress(max: number): Parameters<LiveServer['use']>[0] {
  const open = new Map<string, number>();
  return (socket, next) => {
    const address = socket.handshake.address;
    const count = open.get(address) ?? 0;
    if (count >= max) {
      next(new Error('Too many connections from this address'));
      return;
    }
    open.set(address, count + 1);
    socket.once('disconnect', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    next();
  };
}

/** Everyone following the whole event. */
const eventRoom = (event: string) => `event:${event}`;
/** Everyone following one topic of the event. */
const topicRoom = (event: string, topic: string) => `event:${event}:topic:${topic}`;

/**
 * Pushes what the store accepted to the sockets that asked for it. Rooms per event and per
 * topic let one emit reach exactly the matching sockets, each socket once.
 */
export class LiveHub implements ChangePublisher {
  readonly #outbox = new Outbox();

  constructor(
    private readonly io: LiveServer,
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      access: Access;
      logger: Logger;
      /**
       * With several nodes, live messages can reach a client out of cursor order; catch-up then
       * also resends what changed this long before the client's cursor (clients dedup by version).
       */
      catchUpOverlapMs?: number;
      limits?: { subscribesPerMinute: number; socketsPerAddress: number };
      /** The link to the other nodes (Redis); while it is down, emits reach this node's readers only. */
      scaleOut?: { ready(): boolean };
    },
  ) {
    const { subscribesPerMinute = 30, socketsPerAddress = 0 } = deps.limits ?? {};
    if (socketsPerAddress > 0) io.use(capPerAddress(socketsPerAddress));
    io.use((socket, next) => {
      // A viewer token in the handshake, or a signed-in person (the console: its session cookie).
      const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      Promise.all([
        deps.access.allows(typeof token === 'string' ? token : undefined, 'viewer'),
        sessionUser(deps.store, socket.request as unknown as Request),
      ]).then(([viewer, person]) => {
        socket.data.viewer = viewer || person !== undefined;
        next();
      }, next);
    });
    // An event just made private: readers of it without a viewer token stop getting it at once.
    deps.events.onChange((event) => {
      if (event.config.visibility === 'private') this.#dropReadersWithoutAccess(event.config.slug);
    });
    io.on('connection', (socket) => {
      socket.data.rooms = [];
      const allow = rateLimiter(subscribesPerMinute);
      socket.on('subscribe', (request, ack) => {
        if (typeof ack !== 'function') return;
        if (!allow()) {
          ack({
            ok: false,
            error: { code: 'rate_limited', message: 'Too many subscribe messages; slow down' },
          });
          return;
        }
        this.subscribe(socket, request).then(ack, (error: unknown) =>
          ack({ ok: false, error: this.errorInfo(error) }),
        );
      });
    });
  }

  publish(kind: ChangeKind, update: Update): void {
    const target = this.deps.scaleOut && !this.deps.scaleOut.ready() ? this.io.local : this.io;
    this.#emit(target, kind, update);
  }

  /** To this node's readers only: a change another process committed, which each node delivers. */
  publishLocally(kind: ChangeKind, update: Update): void {
    this.#emit(this.io.local, kind, update);
  }

  /**
   * Lets this node's readers go (a deploy, a scale-in): each gets what was published so far, then
   * a disconnect from the server, not a dropped connection, so clients come back (through the load
   * balancer, to another node) and catch up from their cursor. Resolves once their connections
   * have closed, or after `waitMs` for a reader too slow to take its messages: closing the engine
   * sooner would drop what still waits in a connection's write buffer.
   */
  async disconnectReaders(waitMs = 2000): Promise<void> {
    await this.#outbox.flushed();
    const connections = [...this.io.of('/').sockets.values()].map((socket) => socket.conn);
    this.io.local.disconnectSockets(true);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(
        connections.map((connection) =>
          connection.readyState === 'closed'
            ? undefined
            : new Promise((resolve) => connection.once('close', resolve)),
        ),
      ),
      new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
  }

  #emit(target: LiveServer | LiveServer['local'], kind: ChangeKind, update: Update): void {
    const rooms = [eventRoom(update.event), ...update.topics.map((t) => topicRoom(update.event, t))];
    this.#outbox.push(() => target.to(rooms).emit(eventForChange[kind], update));
  }

  /** Sockets on this node subscribed to each event (by slug), for /metrics. */
  subscriptionsByEvent(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const socket of this.io.of('/').sockets.values()) {
      // Every room of a socket belongs to the one event it subscribed to: `event:<slug>[:topic:…]`.
      const slug = socket.data.rooms?.[0]?.split(':')[1];
      if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Takes this node's sockets without a viewer token out of the event's rooms and tells them to
   * subscribe again, which now answers `not_found`, as for any private event. (Each node does this
   * for its own sockets when its catalog learns of the change.)
   */
  #dropReadersWithoutAccess(slug: string): void {
    for (const socket of this.io.of('/').sockets.values()) {
      if (socket.data.viewer || socket.data.rooms?.[0]?.split(':')[1] !== slug) continue;
      for (const room of socket.data.rooms) void socket.leave(room);
      socket.data.rooms = [];
      socket.emit('live:resync');
    }
  }

  private async subscribe(socket: LiveSocket, request: unknown): Promise<SubscribeAck> {
    const { event: slug, topics, since } = parseInput(subscribeSchema, request);
    const event = this.deps.events.get(slug);
    // A private event is "not found" for a socket without a viewer token, so it does not leak.
    if (event.config.visibility === 'private' && !socket.data.viewer)
      throw AppError.notFound(`Event "${slug}"`);
    this.deps.events.checkTopics(event, topics);

    // Join before reading the store: whatever commits after the read arrives live, and an
    // overlap is harmless because clients keep the highest version of each update.
    const rooms = topics?.length ? topics.map((t) => topicRoom(slug, t)) : [eventRoom(slug)];
    for (const room of socket.data.rooms) if (!rooms.includes(room)) void socket.leave(room);
    await socket.join(rooms);
    socket.data.rooms = rooms;

    const { store, catchUpOverlapMs } = this.deps;
    // The event's own cursor: it moves only with this event, so it tells nothing of other events.
    const cursor = await store.headCursor(slug);
    if (since === undefined) return { ok: true, cursor, missed: [] };
    // A cursor ahead of the store means the store was replaced; one behind the log was pruned.
    if (since > cursor || since < (await store.oldestCursor(slug)) - 1) {
      throw new AppError('gap_too_large', `Cursor ${since} is outside the change log; reload the timeline`);
    }
    const { changes, complete } = await store.changesSince(slug, since, {
      ...(topics ? { topics } : {}),
      limit: maxCatchUp,
      overlapMs: catchUpOverlapMs ?? 0,
    });
    if (!complete) {
      throw new AppError(
        'gap_too_large',
        `More than ${maxCatchUp} changes since cursor ${since}; reload the timeline`,
      );
    }
    return { ok: true, cursor: Math.max(cursor, ...changes.map((c) => c.cursor)), missed: changes };
  }

  private errorInfo(error: unknown): ErrorInfo {
    if (error instanceof AppError) return error.toJSON();
    this.deps.logger.error({ err: error }, 'subscribe failed');
    return { code: 'internal', message: 'Subscription failed; try again' };
  }
}
