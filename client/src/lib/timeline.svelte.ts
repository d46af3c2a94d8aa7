import {
  knownTopics,
  type Change,
  type ChangeKind,
  type DayCount,
  type Event,
  type EventView,
  type StoryInfo,
  type Topic,
  type Update,
  noFilters,
  latest,
  topicsById,
  sameFilters,
  type Filters,
  type Target,
} from '@dayline/shared';
import { SvelteSet } from 'svelte/reactivity';
import { Announcer } from './announcer.svelte.js';
import { EventData, type LiveLink, type LoadState, type ViewRules } from './event-data.svelte.js';
import { KeyEvents } from './key-events.svelte.js';
import { StickyPost } from './sticky-post.svelte.js';
import {
  groupKey,
  matchesFilters,
  summarise,
  summaryText,
  type CatchUpSummary,
  type DayGroup,
} from './timeline-logic.js';

export type { LiveLink, LoadState };

/** Something for the view to bring into sight once it is rendered. */
export type ScrollTo = { kind: 'top' } | { kind: 'day'; day: number } | { kind: 'update'; id: string };
export type ScrollRequest = ScrollTo & { seq: number };

/** How long a live arrival keeps its highlight (the card's fade takes a little less). */
const freshMs = 4000;

/**
 * The reader's timeline of one event: the event's data (EventData) with the reader's rules on top.
 * New updates are held back while the reader is further down or has paused; arrivals are
 * highlighted, counted for the tab title while the tab is hidden, and announced; the permalink's
 * target is brought into sight; a reconnection is summed up.
 */
export class Timeline implements ViewRules {
  readonly event: Event;
  readonly topicsById: ReadonlyMap<string, Topic>;
  readonly keyEvents: KeyEvents;
  readonly sticky: StickyPost;
  readonly announcer: Announcer;
  readonly data: EventData;

  #targetNote = $state('');
  #disposed = false;
  /** The first view as the page load fetched it (GET /api/first-view), used once by `start`. */
  #initial: EventView | undefined;

  #atTop = $state(true);
  #paused = $state(false);
  #hidden = $state(false);
  #fresh = new SvelteSet<string>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- timer handles, never rendered
  #freshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Arrivals while the tab was hidden: highlighted when the reader comes back. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  #unseen = new Set<string>();
  #unread = $state(0);
  #summary = $state.raw<CatchUpSummary | null>(null);
  #notice = $state('');
  #scroll = $state.raw<ScrollRequest | null>(null);
  #scrollSeq = 0;

  constructor(
    event: Event,
    live: LiveLink,
    view: { filters: Filters; target: Target; initial?: EventView } = { filters: noFilters, target: latest },
  ) {
    this.event = event;
    this.topicsById = topicsById(event);
    this.keyEvents = new KeyEvents(event.slug);
    this.sticky = new StickyPost(event.slug);
    this.announcer = new Announcer(this.topicsById);
    this.data = new EventData(event, live, {
      rules: () => this,
      filters: this.normalise(view.filters),
      target: view.target,
    });
    this.#initial = view.initial;
    // A page rendered on the server shows its first view in its very first render.
    if (view.initial) this.data.showFirst(view.initial);
  }

  /** Days newest first, items newest first within each. */
  get groups(): DayGroup[] {
    return this.data.groups;
  }
  get filters(): Filters {
    return this.data.filters;
  }
  get topics(): readonly string[] {
    return this.filters.topics;
  }
  get target(): Target {
    return this.data.target;
  }
  /** Day counts for the current search and source across all topics, newest day first. */
  get days(): readonly DayCount[] {
    return this.data.days;
  }
  /** Day counts for the current filters, topics included: the day chart. */
  get filteredDays(): readonly DayCount[] {
    return this.data.filteredDays;
  }
  /** Per-group counts for the headings (current filters, topics included). */
  get counts(): ReadonlyMap<number, number> {
    return this.data.counts;
  }
  /** Per-topic counts for the current search and source. */
  get topicCounts(): ReadonlyMap<string, number> {
    return this.data.topicCounts;
  }
  /** Total for the current search and source. */
  get total(): number {
    return this.data.total;
  }
  /** Outlets seen so far, for the source filter. */
  get sources(): string[] {
    const names = [...this.data.sources];
    const chosen = this.filters.source;
    if (chosen && !this.data.sources.has(chosen)) names.push(chosen);
    return names.sort((a, b) => a.localeCompare(b));
  }
  get size(): number {
    return this.data.size;
  }
  get state(): LoadState {
    return this.data.state;
  }
  get error(): string {
    return this.data.error;
  }
  /** Why the permalink target is not where it was asked for (an unknown update, an empty day). */
  get targetNote(): string {
    return this.#targetNote;
  }
  /** Token for the next older page; null once the start of the timeline is loaded. */
  get next(): string | null {
    return this.data.next;
  }
  /** Whether the list starts at the newest update (not at a permalink's instant). */
  get atLatest(): boolean {
    return this.data.atLatest;
  }
  get older(): 'idle' | 'loading' | 'error' {
    return this.data.older;
  }
  get olderError(): string {
    return this.data.olderError;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get atTop(): boolean {
    return this.#atTop;
  }
  /** New updates (for the current filters) waiting behind the "N new updates" button. */
  get waitingCount(): number {
    if (this.data.state !== 'ready') return 0;
    let count = 0;
    for (const { kind, update, fresh } of this.data.held) {
      if (kind === 'new' && !fresh && !this.data.shows(update.id)) count++;
    }
    return count;
  }
  /** What the reader has not seen: arrivals while the tab was hidden, else what is held back. */
  get unread(): number {
    return this.#hidden ? this.#unread : this.waitingCount;
  }
  /** What came in while the connection was down, until dismissed. */
  get summary(): CatchUpSummary | null {
    return this.#summary;
  }
  /** A one-off message about the view itself (it was reloaded after a long disconnection). */
  get notice(): string {
    return this.#notice;
  }
  get scrollRequest(): ScrollRequest | null {
    return this.#scroll;
  }

  /** Whether an update arrived live (and deserves a highlight) rather than with a page. */
  isFresh(id: string): boolean {
    return this.#fresh.has(id);
  }

  isTarget(id: string): boolean {
    const target = this.target;
    return target.kind === 'update' && target.id === id;
  }

  isTargetDay(day: number): boolean {
    const target = this.target;
    return target.kind === 'day' && groupKey(target.day) === day;
  }

  /** The story a card belongs to as it stands now, or null when it has no other report. */
  storyOf(update: Update): StoryInfo | null {
    return this.data.storyOf(update);
  }

  /** Keeps known topics only, in the event's order, so equal selections give equal URLs. */
  normalise(filters: Filters): Filters {
    return { ...filters, topics: knownTopics(filters.topics, this.event.topics) };
  }

  /** Shows the first view (given with the page load, or fetched), then subscribes from its cursor; returns the cleanup. */
  start(): () => void {
    this.#disposed = false;
    const initial = this.#initial;
    this.#initial = undefined;
    // A first view already on screen keeps its note about the permalink's target.
    if (!initial) this.#targetNote = '';
    this.#fresh.clear();
    void this.data.load(this.data.filters, this.data.target, initial);
    return () => {
      this.#disposed = true;
      this.data.stop();
      this.announcer.dispose();
      for (const timer of this.#freshTimers.values()) clearTimeout(timer);
      this.#freshTimers.clear();
    };
  }

  /** Loads the view's first page and its counts again (the Retry button). */
  reload(): Promise<void> {
    this.#targetNote = '';
    this.#fresh.clear();
    return this.data.load(this.data.filters, this.data.target);
  }

  dismissSummary(): void {
    this.#summary = null;
  }

  dismissNotice(): void {
    this.#notice = '';
  }

  /**
   * Shows the view the URL names. Only a change of filters, or a start the loaded list does not
   * contain, costs a reload; otherwise the view just scrolls there.
   */
  setView(filters: Filters, target: Target): void {
    const next = this.normalise(filters);
    this.#targetNote = '';
    const reload = () => {
      this.#fresh.clear();
      void this.data.load(next, target);
    };
    if (!sameFilters(next, this.data.filters) || this.data.state !== 'ready') return reload();
    if (target.kind === 'latest') {
      if (!this.data.atLatest) return reload();
      this.#requestScroll({ kind: 'top' });
    } else if (target.kind === 'day') {
      const day = groupKey(target.day);
      if (!this.data.groups.some((g) => g.day === day)) return reload();
      this.#requestScroll({ kind: 'day', day });
    } else {
      if (!this.data.shows(target.id)) return reload();
      this.#requestScroll({ kind: 'update', id: target.id });
    }
    this.data.setTarget(target);
  }

  /** The view has brought a scroll request into sight (or given up on it). */
  scrolled(seq: number): void {
    if (this.#scroll?.seq === seq) this.#scroll = null;
  }

  loadOlder(): Promise<void> {
    return this.data.loadOlder();
  }

  /** ViewRules: a view's first page is in. */
  loaded(view: EventView, found: Update | undefined): void {
    this.keyEvents.set(view.keyEvents);
    this.sticky.set(view.sticky);
    this.#noteTarget(this.data.target, found);
  }

  /**
   * ViewRules: what a reconnect missed, oldest first. It is applied like pushes, and summed up for
   * the reader ("While you were offline: 12 new, 2 corrected, 1 retracted") when anything happened.
   */
  replaying(changes: readonly Change[], reconnected: boolean): void {
    if (!reconnected) return;
    const summary = summarise(
      changes,
      (u) => matchesFilters(u, this.data.filters),
      (id) => this.data.known(id),
    );
    if (summary.new + summary.corrected + summary.retracted > 0) {
      this.#summary = summary;
      this.announcer.say(`While you were offline: ${summaryText(summary)}`);
    }
  }

  /** ViewRules: the server could not replay a long gap; the view starts again, and says so. */
  restarting(): void {
    this.#notice = 'You were disconnected for a long time, so the timeline was reloaded.';
    this.announcer.say(this.#notice);
    this.#summary = null;
    this.#targetNote = '';
    this.#fresh.clear();
  }

  /**
   * ViewRules: one change, live or offered again. `again` marks one already announced when it
   * first came; `force` shows a new update even though the reader is not at the top.
   */
  receive(kind: ChangeKind, update: Update, options: { again: boolean; force: boolean }): void {
    if (this.#paused && !options.force) {
      this.#hold(kind, update, options.again);
      return;
    }
    this.keyEvents.apply(update);
    this.sticky.apply(update);
    if (this.data.holdsBack(update.id)) {
      // Still held back: the newer version waits in its place.
      this.#hold(kind, update, true);
      return;
    }
    const placement = this.data.place(kind, update);
    if (placement === 'stale' || placement === 'ignored' || placement === 'older') return;
    if (placement === 'newer') {
      // Newer than a permalink's start: it waits behind the button, which leads back to the latest.
      if (kind === 'new') this.#hold(kind, update, options.again);
      return;
    }
    if (placement === 'add') {
      if (kind === 'new' && !options.force && !this.#atTop) {
        this.#hold(kind, update, options.again);
        return;
      }
      if (kind === 'new' && !options.again) this.#arrived(update);
    }
    if (!this.data.show(kind, update)) return;
    if (this.#hidden) this.#unseen.add(update.id);
    else this.#highlight(update.id);
  }

  /** The reader is at the top of the timeline (new updates slide in) or reading further down. */
  setAtTop(atTop: boolean): void {
    if (atTop === this.#atTop) return;
    this.#atTop = atTop;
    if (atTop && !this.#paused && this.data.atLatest) this.data.release(false);
  }

  /** Pause holds every change back until resumed. */
  setPaused(paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    if (!paused) this.data.release(false);
  }

  /** The tab went to the background or came back. */
  setHidden(hidden: boolean): void {
    if (hidden === this.#hidden) return;
    this.#hidden = hidden;
    if (hidden) {
      this.#unread = 0;
      return;
    }
    for (const id of this.#unseen) this.#highlight(id);
    this.#unseen.clear();
    this.#unread = 0;
  }

  /** "N new updates": shows everything held back and scrolls to the newest. */
  reveal(): void {
    this.data.release(true);
    this.#requestScroll({ kind: 'top' });
  }

  #hold(kind: ChangeKind, update: Update, again: boolean): void {
    const placed = this.data.hold(kind, update, false);
    if (!again && placed === 'first' && kind === 'new' && matchesFilters(update, this.data.filters)) {
      this.#arrived(update);
    }
  }

  /** Counts a new arrival for the tab title and the screen-reader announcement. */
  #arrived(update: Update): void {
    if (this.#hidden) this.#unread++;
    if (!this.#paused) this.announcer.add(update);
  }

  #noteTarget(target: Target, found: Update | undefined): void {
    if (target.kind === 'update') {
      if (found) this.#requestScroll({ kind: 'update', id: found.id });
      else this.#targetNote = 'That update could not be found. Showing the latest updates instead.';
    } else if (target.kind === 'day') {
      const day = groupKey(target.day);
      if (this.data.groups.some((g) => g.day === day)) this.#requestScroll({ kind: 'day', day });
      else {
        const label = day === 0 ? 'before day 1' : `on day ${day}`;
        this.#targetNote = `Nothing ${label} matches the current view; showing the days before it.`;
        this.#requestScroll({ kind: 'top' });
      }
    }
  }

  #highlight(id: string): void {
    if (this.#disposed) return;
    this.#fresh.add(id);
    clearTimeout(this.#freshTimers.get(id));
    this.#freshTimers.set(
      id,
      setTimeout(() => {
        this.#fresh.delete(id);
        this.#freshTimers.delete(id);
      }, freshMs),
    );
  }

  #requestScroll(request: ScrollTo): void {
    this.#scroll = { ...request, seq: ++this.#scrollSeq };
  }
}
