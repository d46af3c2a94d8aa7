import { deskEditingSchema, deskJoinSchema, type DeskPresence, type RefiningProgress } from '@dayline/shared';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { sessionCookie, sessionUser } from '../accounts/sessions.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import { rateLimiter, type LiveServer, type LiveSocket } from './hub.js';

const deskRoom = (event: string) => `desk:${event}`;

/**
 * Who is at each event's desk in the console, and which update each person has open, so colleagues
 * see one another and "Ana is editing". Only signed-in people join: the session cookie comes with
 * the socket's handshake. The list is made from the room's sockets on every change, which with the
 * Redis adapter reaches every node's sockets too.
 */
export class DeskPresenceHub {
  constructor(
    private readonly io: LiveServer,
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      logger: Logger;
      sessions: RequestHandler;
      /** The topic refinement running for an event on this node, if any. */
      refining?: (event: string) => RefiningProgress | undefined;
    },
  ) {
    // The session middleware on the handshake, only for a request that carries the session cookie.
    io.engine.use((req: IncomingMessage, res: unknown, next: (error?: unknown) => void) => {
      if (!req.headers.cookie?.includes(`${sessionCookie}=`)) return next();
      (deps.sessions as unknown as (q: unknown, s: unknown, n: (error?: unknown) => void) => void)(
        req,
        res,
        next,
      );
    });
    io.on('connection', (socket) => {
      const allow = rateLimiter(120);
      socket.on('desk:join', (request, ack) => {
        if (typeof ack !== 'function') return;
        this.#join(socket, request).then(
          () => ack({ ok: true }),
          (error: unknown) =>
            ack({
              ok: false,
              error:
                error instanceof AppError
                  ? error.toJSON()
                  : { code: 'internal', message: 'Could not join the desk' },
            }),
        );
      });
      socket.on('desk:editing', (request) => {
        const desk = socket.data.desk;
        const parsed = deskEditingSchema.safeParse(request);
        if (!desk || !parsed.success || !allow()) return;
        desk.editing = parsed.data.update;
        void this.#announce(desk.event);
      });
      socket.on('disconnect', () => {
        const desk = socket.data.desk;
        if (desk) void this.#announce(desk.event);
      });
    });
  }

  /** Tells every console at the event's desk (on every node) that its drafts changed. */
  draftsChanged(event: string): void {
    this.io.to(deskRoom(event)).emit('desk:drafts', { event });
  }

  /** Tells every console at the event's desk (on every node) that its feeds changed or were polled. */
  feedsChanged(event: string): void {
    this.io.to(deskRoom(event)).emit('desk:feeds', { event });
  }

  /** Tells the consoles at the event's desk how far its topic refinement is. */
  refining({ event, done, total }: RefiningProgress): void {
    this.io.to(deskRoom(event)).emit('desk:refining', { event, done, total });
  }

  async #join(socket: LiveSocket, request: unknown): Promise<void> {
    const { event: slug } = parseInput(deskJoinSchema, request);
    const user = await sessionUser(this.deps.store, socket.request as unknown as Request);
    if (!user) throw new AppError('unauthorized', 'Sign in to the console first');
    const event = this.deps.events.get(slug);
    const previous = socket.data.desk;
    if (previous) {
      await socket.leave(deskRoom(previous.event));
      void this.#announce(previous.event);
    }
    socket.data.desk = { event: event.config.slug, name: user.name, editing: null };
    await socket.join(deskRoom(event.config.slug));
    await this.#announce(event.config.slug);
    const refining = this.deps.refining?.(event.config.slug);
    if (refining) {
      const { event: slug, done, total } = refining;
      socket.emit('desk:refining', { event: slug, done, total });
    }
  }

  async #announce(event: string): Promise<void> {
    try {
      const sockets = await this.io.in(deskRoom(event)).fetchSockets();
      const people = sockets
        .flatMap((s) => (s.data.desk?.event === event ? [s.data.desk] : []))
        .map(({ name, editing }) => ({ name, editing }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const presence: DeskPresence = { event, people };
      this.io.to(deskRoom(event)).emit('desk:presence', presence);
    } catch (error) {
      this.deps.logger.warn({ err: error, event }, 'desk presence not sent');
    }
  }
}
