import {
  dayHeading,
  type ChangeKind,
  type Event,
  type EventView,
  type Update,
  latest,
  topicsById,
  type Filters,
} from '@dayline/shared';
import { SvelteSet } from 'svelte/reactivity';
import { Announcer } from '../lib/announcer.svelte.js';
import { EventData, type LiveLink, type ViewRules } from '../lib/event-data.svelte.js';
import { StickyPost } from '../lib/sticky-post.svelte.js';
import { dayOf } from '../lib/timeline-logic.js';

/** How long a card shown with "N new updates" keeps its highlight. */
const freshMs = 4000;

/**
 * The embed's rules on top of the event's data (the same EventData the reader's timeline uses):
 * a new update never moves what a reader of the publisher's page is looking at, it waits behind
 * "N new updates" (and is announced); a correction or a retraction of a card on screen is shown
 * in place at once. The embed shows the newest `limit` cards; the full page has the rest. The
 * event's sticky post stays above them, as on the full page.
 */
export class EmbedView implements ViewRules {
  readonly data: EventData;
  readonly announcer: Announcer;
  readonly limit: number;
  readonly sticky: StickyPost;
  readonly #fresh = new SvelteSet<string>();
  #timers: ReturnType<typeof setTimeout>[] = [];

  constructor(event: Event, live: LiveLink, options: { filters: Filters; limit: number }) {
    this.limit = options.limit;
    this.announcer = new Announcer(topicsById(event));
    this.sticky = new StickyPost(event.slug);
    this.data = new EventData(event, live, { rules: () => this, filters: options.filters, target: latest });
  }

  get event(): Event {
    return this.data.event;
  }

  /** The cards on screen, newest first. */
  get items(): readonly Update[] {
    return this.data.items.slice(0, this.limit);
  }

  /** The cards on screen by day of the event, as the full page groups them ("Day 21 · Wed 16 Mar"). */
  get groups(): { day: number; heading: string; items: Update[] }[] {
    const groups: { day: number; heading: string; items: Update[] }[] = [];
    for (const update of this.items) {
      const day = this.day(update);
      const last = groups.at(-1);
      if (last?.day === day) last.items.push(update);
      else groups.push({ day, heading: dayHeading(day, this.data.event), items: [update] });
    }
    return groups;
  }

  /** New updates waiting behind the "N new updates" button. */
  get waiting(): number {
    if (this.data.state !== 'ready') return 0;
    let count = 0;
    for (const { kind, fresh, update } of this.data.held) {
      if (kind === 'new' && !fresh && !this.data.shows(update.id)) count++;
    }
    return count;
  }

  isFresh(id: string): boolean {
    return this.#fresh.has(id);
  }

  day(update: Update): number {
    return dayOf(update, this.data.event);
  }

  /** Loads the first view (given, or fetched) and subscribes from its cursor. */
  start(initial: EventView | undefined): void {
    void this.data.load(this.data.filters, latest, initial);
  }

  /** ViewRules: a view's first page is in, with the sticky post of that moment. */
  loaded(view: EventView): void {
    this.sticky.set(view.sticky);
  }

  /** ViewRules: a new update waits for the reader; a change to a card on screen is shown at once. */
  receive(kind: ChangeKind, update: Update, options: { again: boolean; force: boolean }): void {
    this.sticky.apply(update);
    if (this.data.holdsBack(update.id)) {
      this.data.hold(kind, update, false);
      return;
    }
    const placement = this.data.place(kind, update);
    if (placement === 'replace') {
      this.data.show(kind, update);
      return;
    }
    if (placement !== 'add' || kind !== 'new') return;
    if (options.force) {
      if (this.data.show(kind, update)) this.#highlight(update.id);
      return;
    }
    if (this.data.hold(kind, update, false) === 'first' && !options.again) this.announcer.add(update);
  }

  /** "N new updates": shows what waits, at the top. */
  reveal(): void {
    this.data.release(true);
  }

  dispose(): void {
    this.data.stop();
    this.announcer.dispose();
    for (const timer of this.#timers) clearTimeout(timer);
  }

  #highlight(id: string): void {
    this.#fresh.add(id);
    this.#timers.push(setTimeout(() => this.#fresh.delete(id), freshMs));
  }
}
