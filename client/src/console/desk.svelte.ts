import {
  type DeskPresence,
  type Event,
  type RefiningProgress,
  type Update,
  latest,
  noFilters,
} from '@dayline/shared';
import { EventData } from '../lib/event-data.svelte.js';
import { Live, type ConnectionStatus } from '../lib/live.svelte.js';

/**
 * The editor's desk for one event: the event's data as readers see it (every topic, newest first),
 * kept live on the same connection and start sequence as the reader's timeline, with who else is
 * at this desk and what each has open.
 */
export class DeskUpdates {
  readonly data: EventData;
  /** Who is at this event's desk (this browser included), and what each has open. */
  people = $state<DeskPresence['people']>([]);
  /** Each person at the desk once, however many tabs they have open on it. */
  readonly names = $derived(this.people.map((p) => p.name).filter((name, i, all) => all.indexOf(name) === i));
  /**
   * The event's trained topic model deciding the topics of updates stored with the rules' only (an
   * import, a retag): how far it is. Kept a few seconds after it ends, then null.
   */
  refining = $state<Pick<RefiningProgress, 'done' | 'total'> | null>(null);
  #refiningEnds: ReturnType<typeof setTimeout> | undefined;
  readonly #live = new Live();
  readonly #draftsChanged: () => void;
  readonly #feedsChanged: () => void;
  #stop: (() => void) | undefined;

  /**
   * `draftsChanged`: a colleague saved, submitted, scheduled, deleted or published a draft, or the
   * incoming queue changed. `feedsChanged`: a feed was added, edited, removed or polled.
   */
  constructor(
    event: Event,
    draftsChanged: () => void = () => undefined,
    feedsChanged: () => void = () => undefined,
  ) {
    this.data = new EventData(event, this.#live, { filters: noFilters, target: latest });
    this.#draftsChanged = draftsChanged;
    this.#feedsChanged = feedsChanged;
  }

  get items(): readonly Update[] {
    return this.data.items;
  }
  get loading(): boolean {
    return this.data.state === 'loading';
  }
  get error(): string {
    return this.data.error;
  }
  get status(): ConnectionStatus {
    return this.#live.status;
  }

  start(): void {
    const slug = this.data.event.slug;
    const stopLive = this.#live.start();
    const unlisten = this.#live.listen(this.data);
    const socket = this.#live.socket;
    // Presence is per connection: join again after every reconnect.
    const join = () => socket?.emit('desk:join', { event: slug }, () => undefined);
    socket?.on('connect', join);
    socket?.on('desk:presence', (presence) => {
      if (presence.event === slug) this.people = presence.people;
    });
    socket?.on('desk:drafts', (change) => {
      if (change.event === slug) this.#draftsChanged();
    });
    socket?.on('desk:feeds', (change) => {
      if (change.event === slug) this.#feedsChanged();
    });
    socket?.on('desk:refining', ({ event, done, total }) => {
      if (event !== slug) return;
      clearTimeout(this.#refiningEnds);
      this.refining = { done, total };
      if (done >= total) this.#refiningEnds = setTimeout(() => (this.refining = null), 5000);
    });
    void this.data.load(noFilters, latest);
    this.#stop = () => {
      clearTimeout(this.#refiningEnds);
      this.data.stop();
      unlisten();
      stopLive();
    };
  }

  /** A write's own answer, shown at once (its live push is then an older or equal copy). */
  keep(update: Update): void {
    const kind = update.status === 'retracted' ? 'retracted' : this.data.shows(update.id) ? 'changed' : 'new';
    this.data.change(kind, update, false);
  }

  /** Tells colleagues which update this browser has open (null: none). */
  editing(update: string | null): void {
    this.#live.socket?.emit('desk:editing', { update });
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}
