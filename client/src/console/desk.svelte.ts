import type { ClientToServerEvents, DeskPresence, ServerToClientEvents, Update } from '@dayline/shared';
import { io, type Socket } from 'socket.io-client';
import { SvelteMap } from 'svelte/reactivity';
import { fetchUpdates } from '../lib/api.js';

/**
 * The event's latest updates as readers see them, kept live for the editor's desk: the first page,
 * then every change from the socket (for each id, the copy with the highest cursor).
 */
export class DeskUpdates {
  readonly #byId = new SvelteMap<string, Update>();
  loading = $state(true);
  /** Who is at this event's desk (this browser included), and what each has open. */
  people = $state<DeskPresence['people']>([]);
  error = $state('');
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  readonly items = $derived(
    [...this.#byId.values()].sort((a, b) =>
      a.publishedAt === b.publishedAt ? (a.id < b.id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1,
    ),
  );

  constructor(private readonly slug: string) {}

  async start(): Promise<void> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'] });
    this.#socket = socket;
    for (const name of ['update:new', 'update:changed', 'update:retracted'] as const) {
      socket.on(name, (update) => this.keep(update));
    }
    // Subscribe first, then read: a change made in between arrives live; the cursor rule dedups.
    socket.on('connect', () => {
      socket.emit('subscribe', { event: this.slug }, (ack) => {
        if (!ack.ok) this.error = ack.error.message;
      });
      socket.emit('desk:join', { event: this.slug }, () => undefined);
    });
    socket.on('desk:presence', (presence) => {
      if (presence.event === this.slug) this.people = presence.people;
    });
    try {
      const page = await fetchUpdates(this.slug, { topics: [], limit: 50 });
      for (const update of page.items) this.keep(update);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading = false;
    }
  }

  /** Keeps the newer copy of an update (a write's own answer, or a live change). */
  keep(update: Update): void {
    if (update.event !== this.slug) return;
    const known = this.#byId.get(update.id);
    if (known && known.cursor >= update.cursor) return;
    this.#byId.set(update.id, update);
  }

  /** Tells colleagues which update this browser has open (null: none). */
  editing(update: string | null): void {
    this.#socket?.emit('desk:editing', { update });
  }

  stop(): void {
    this.#socket?.disconnect();
  }
}
