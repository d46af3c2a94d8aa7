import type {
  Change,
  ChangeKind,
  DayCount,
  Event,
  EventView,
  Topic,
  Update,
  UpdatePage,
} from '@dayline/shared';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { Announcer } from './announcer.svelte.js';
import { ApiError, errorMessage, fetchDays, fetchUpdate, fetchUpdates, type ListFilters } from './api.js';
import { storyOf, type StoryInfo } from './stories.js';
import { KeyEvents } from './key-events.svelte.js';
import { noFilters, latest, sameFilters, type Filters, type Target } from './route.js';
import {
  adjustDays,
  compareUpdates,
  countsByGroup,
  endOfDay,
  groupKey,
  groupSorted,
  isNewer,
  matchesFilters,
  maxCursor,
  normaliseTopics,
  replaceInSorted,
  summarise,
  summaryText,
  topicIndex,
  topicTotals,
  type CatchUpSummary,
  type DayGroup,
} from './timeline-logic.js';

/** What the timeline needs from the live connection (the Live class, or a stand-in in tests). */
export interface LiveLink {
  subscribe(event: string, options: { fresh: boolean; since?: number }): Promise<boolean>;
  catchUpFrom(cursor: number | null): void;
}

export type LoadState = 'loading' | 'ready' | 'error';

/** Something for the view to bring into sight once it is rendered. */
export type ScrollTo = { kind: 'top' } | { kind: 'day'; day: number } | { kind: 'update'; id: string };
export type ScrollRequest = ScrollTo & { seq: number };

interface Held {
  kind: ChangeKind;
  update: Update;
}

/** A view's first page and counts, however they were loaded. */
interface Loaded {
  page: UpdatePage;
  days: DayCount[] | null;
  filteredDays: DayCount[] | null;
  /** The permalink's update, when it exists in this event. */
  targetUpdate: Update | undefined;
  /** The instant the page starts at; undefined for the newest. */
  from: string | undefined;
}

/** How long a live arrival keeps its highlight (the card's fade takes a little less). */
const freshMs = 4000;

/**
 * The timeline of one event: updates by id (one copy each, the latest change) in timeline order,
 * grouped by day, with similar coverage folded into the card that heads it; the filters and the starting point the URL asks for; day counts; paging back in
 * time; and what the reader has not seen yet (new updates held back while reading further down or
 * while paused, arrivals while the tab was hidden, what came in while offline).
 */
export class Timeline {
  readonly event: Event;
  readonly topicsById: ReadonlyMap<string, Topic>;
  readonly keyEvents: KeyEvents;
  readonly announcer: Announcer;
  #live: LiveLink;

  #filters = $state.raw<Filters>(noFilters);
  #target = $state.raw<Target>(latest);
  /** Every loaded update by id; `#sorted` is the same set in timeline order, for rendering. */
  // Not reactive on purpose: views read `#sorted`, which is replaced once per batch of changes.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #items = new Map<string, Update>();
  #sorted = $state.raw<Update[]>([]);
  #groups = $derived.by(() => groupSorted(this.#sorted, this.event));
  /** Day counts for the search and source, every topic: the activity chart and the chip counts. */
  #days = $state.raw<DayCount[]>([]);
  /** The same with the topic filter too, for the day headings; null when no topic is selected. */
  #filteredDays = $state.raw<DayCount[] | null>(null);
  #counts = $derived(countsByGroup(this.#filteredDays ?? this.#days));
  #topicCounts = $derived(topicTotals(this.#days));
  #sources = new SvelteSet<string>();
  /** Each story's latest state seen on any of its reports, with that change's cursor. */
  #stories = new SvelteMap<string, { story: StoryInfo | null; cursor: number }>();

  #next = $state<string | null>(null);
  /** The instant the loaded list starts at (a permalink), or null when it starts at the newest. */
  #from = $state<string | null>(null);
  #state = $state<LoadState>('loading');
  #error = $state('');
  #targetNote = $state('');
  #older = $state<'idle' | 'loading' | 'error'>('idle');
  #olderError = $state('');
  /** Bumped on every reload, so answers to an older view are dropped. */
  #generation = 0;
  #disposed = false;
  /** Live changes that came while a page was on its way; applied once it is in. */
  #pending: Held[] = [];
  #subscribed = false;
  /** Waiting for the subscription before the first page: a view change now needs no reload of its own. */
  #starting = false;
  #beginSeq = 0;
  /** The first view as the page load fetched it (GET /api/first-view), used once by `start`. */
  #initial: EventView | undefined;

  #atTop = $state(true);
  #paused = $state(false);
  #hidden = $state(false);
  /** Changes held back: new updates while reading further down, everything while paused. */
  #waiting = new SvelteMap<string, Held>();
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
  /** Live edits collected during one call and committed to `#sorted` at its end. */
  #upserts: Update[] = [];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  #removed = new Set<string>();

  constructor(
    event: Event,
    live: LiveLink,
    view: { filters: Filters; target: Target; initial?: EventView } = { filters: noFilters, target: latest },
  ) {
    this.event = event;
    this.topicsById = topicIndex(event.topics);
    this.keyEvents = new KeyEvents(event.slug);
    this.announcer = new Announcer(this.topicsById);
    this.#live = live;
    this.#filters = this.normalise(view.filters);
    this.#target = view.target;
    this.#initial = view.initial;
  }

  /** Days newest first, items newest first within each. */
  get groups(): DayGroup[] {
    return this.#groups;
  }
  get filters(): Filters {
    return this.#filters;
  }
  get topics(): readonly string[] {
    return this.#filters.topics;
  }
  get target(): Target {
    return this.#target;
  }
  /** Day counts for the current search and source across all topics, newest day first. */
  get days(): readonly DayCount[] {
    return this.#days;
  }
  /** Per-group counts for the headings (current filters, topics included). */
  get counts(): ReadonlyMap<number, number> {
    return this.#counts;
  }
  /** Per-topic counts for the current search and source. */
  get topicCounts(): ReadonlyMap<string, number> {
    return this.#topicCounts;
  }
  /** Total for the current search and source. */
  get total(): number {
    return this.#days.reduce((sum, d) => sum + d.count, 0);
  }
  /** Outlets seen so far, for the source filter. */
  get sources(): string[] {
    const names = [...this.#sources];
    const chosen = this.#filters.source;
    if (chosen && !this.#sources.has(chosen)) names.push(chosen);
    return names.sort((a, b) => a.localeCompare(b));
  }
  get size(): number {
    return this.#sorted.length;
  }
  get state(): LoadState {
    return this.#state;
  }
  get error(): string {
    return this.#error;
  }
  /** Why the permalink target is not where it was asked for (an unknown update, an empty day). */
  get targetNote(): string {
    return this.#targetNote;
  }
  /** Token for the next older page; null once the start of the timeline is loaded. */
  get next(): string | null {
    return this.#next;
  }
  /** Whether the list starts at the newest update (not at a permalink's instant). */
  get atLatest(): boolean {
    return this.#from === null;
  }
  get older(): 'idle' | 'loading' | 'error' {
    return this.#older;
  }
  get olderError(): string {
    return this.#olderError;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get atTop(): boolean {
    return this.#atTop;
  }
  /** New updates (for the current filters) waiting behind the "N new updates" button. */
  get waitingCount(): number {
    let count = 0;
    for (const { kind, update } of this.#waiting.values()) {
      if (kind === 'new' && !this.#items.has(update.id)) count++;
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
    return this.#target.kind === 'update' && this.#target.id === id;
  }

  isTargetDay(day: number): boolean {
    return this.#target.kind === 'day' && groupKey(this.#target.day) === day;
  }

  /** Keeps known topics only, in the event's order, so equal selections give equal URLs. */
  normalise(filters: Filters): Filters {
    const known = this.event.topics.map((t) => t.id);
    return { ...filters, topics: normaliseTopics(filters.topics, known) };
  }

  /** Subscribes, then loads the first page and the key events; returns the cleanup. */
  start(): () => void {
    this.#disposed = false;
    const initial = this.#initial;
    this.#initial = undefined;
    void (initial ? this.#beginWith(initial) : this.#begin());
    return () => {
      this.#disposed = true;
      this.#generation++;
      this.announcer.dispose();
      for (const timer of this.#freshTimers.values()) clearTimeout(timer);
      this.#freshTimers.clear();
    };
  }

  /**
   * Subscribe first, then fetch, so every update is either in the page or pushed after it (both is
   * fine: they are merged by id and cursor). The subscription covers the whole event: the key
   * events strip needs every topic, and the filters are applied here.
   */
  async #begin(): Promise<void> {
    const seq = ++this.#beginSeq;
    this.#subscribed = false;
    this.#starting = true;
    this.#state = 'loading';
    const subscribed = await this.#live.subscribe(this.event.slug, { fresh: true });
    if (seq !== this.#beginSeq || this.#disposed) return;
    this.#starting = false;
    this.#subscribed = subscribed;
    await Promise.all([this.reload(), this.keyEvents.load()]);
  }

  /**
   * The first view came with the page load: show it at once, then subscribe from the cursor it was
   * read at, so whatever changed since is replayed (and merged by id and cursor, like pushes).
   */
  async #beginWith(view: EventView): Promise<void> {
    ++this.#beginSeq;
    this.#starting = false;
    this.#subscribed = true;
    const generation = this.#clear();
    const target = this.#target;
    const targetUpdate = view.target ?? undefined;
    let from: string | undefined;
    if (target.kind === 'day') from = endOfDay(target.day, this.event);
    if (targetUpdate) from = targetUpdate.publishedAt;
    this.#fill(generation, {
      page: view.page,
      days: view.days,
      filteredDays: view.filteredDays,
      targetUpdate,
      from,
    });
    this.keyEvents.set(view.keyEvents);
    await this.#live.subscribe(this.event.slug, { fresh: true, since: view.cursor });
  }

  /** The server could not replay a long gap: start again from fresh pages, and say so. */
  reset(): void {
    this.#notice = 'You were disconnected for a long time, so the timeline was reloaded.';
    this.announcer.say(this.#notice);
    this.#summary = null;
    void this.#begin();
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
    const filtersChanged = !sameFilters(next, this.#filters);
    this.#filters = next;
    this.#target = target;
    this.#targetNote = '';
    if (this.#starting) return;
    if (filtersChanged || this.#state !== 'ready') {
      void this.reload();
      return;
    }
    if (target.kind === 'latest') {
      if (this.#from !== null) void this.reload();
      else this.#requestScroll({ kind: 'top' });
    } else if (target.kind === 'day') {
      if (this.#groups.some((g) => g.day === groupKey(target.day))) {
        this.#requestScroll({ kind: 'day', day: groupKey(target.day) });
      } else void this.reload();
    } else if (this.#items.has(target.id)) {
      this.#requestScroll({ kind: 'update', id: target.id });
    } else void this.reload();
  }

  /** The view has brought a scroll request into sight (or given up on it). */
  scrolled(seq: number): void {
    if (this.#scroll?.seq === seq) this.#scroll = null;
  }

  /** Drops what the previous view had; returns the new view's generation. */
  #clear(): number {
    const generation = ++this.#generation;
    this.#items.clear();
    this.#stories.clear();
    this.#sorted = [];
    this.#waiting.clear();
    this.#fresh.clear();
    this.#next = null;
    this.#state = 'loading';
    this.#error = '';
    this.#targetNote = '';
    this.#older = 'idle';
    this.#pending = [];
    return generation;
  }

  /** Loads the view's first page and its day counts, dropping what the previous view had. */
  async reload(): Promise<void> {
    const generation = this.#clear();
    const filters = this.#filters;
    const target = this.#target;
    const list: ListFilters = { topics: filters.topics, q: filters.q, source: filters.source };

    try {
      let from: string | undefined;
      let targetUpdate: Update | undefined;
      if (target.kind === 'day') from = endOfDay(target.day, this.event);
      if (target.kind === 'update') {
        targetUpdate = await fetchUpdate(target.id).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'not_found') return undefined;
          throw error;
        });
        if (generation !== this.#generation) return;
        if (targetUpdate && targetUpdate.event === this.event.slug) from = targetUpdate.publishedAt;
        else targetUpdate = undefined;
      }
      const [page, days, filteredDays] = await Promise.all([
        fetchUpdates(this.event.slug, { ...list, from }),
        // Counts only decorate the chart and headings; without them the headings count what is shown.
        fetchDays(this.event.slug, { ...list, topics: [] }).catch(() => null),
        filters.topics.length > 0 ? fetchDays(this.event.slug, list).catch(() => null) : null,
      ]);
      this.#fill(generation, { page, days, filteredDays, targetUpdate, from });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#pending = [];
      this.#state = 'error';
      this.#error = errorMessage(error);
    }
  }

  /** Shows a loaded first page, unless a newer view replaced the one it was loaded for. */
  #fill(generation: number, { page, days, filteredDays, targetUpdate, from }: Loaded): void {
    if (generation !== this.#generation) return;
    const items = [...page.items];
    // The permalink's own update is shown even when the list leaves it out (a tombstone, a filter).
    if (targetUpdate && !items.some((u) => u.id === targetUpdate.id)) items.unshift(targetUpdate);
    for (const update of items) this.#put(update);
    this.#sorted = replaceInSorted([], items);
    this.#next = page.next;
    this.#from = from ?? null;
    this.#days = days ?? [];
    this.#filteredDays = filteredDays;
    this.#state = 'ready';
    this.#noteTarget(this.#target, targetUpdate);
    // The page may be older or newer than these changes; cursors and the loaded range decide.
    // Counted already, most likely, by the day counts just fetched.
    this.#edit(() => {
      for (const { kind, update } of this.#pending.splice(0)) this.#receive(kind, update, { again: true });
    });
    if (!this.#subscribed) {
      this.#live.catchUpFrom(maxCursor(page.items));
      this.#subscribed = true;
    }
  }

  #noteTarget(target: Target, found: Update | undefined): void {
    if (target.kind === 'update') {
      if (found) this.#requestScroll({ kind: 'update', id: found.id });
      else this.#targetNote = 'That update could not be found. Showing the latest updates instead.';
      if (!found) this.#from = null;
    } else if (target.kind === 'day') {
      const day = groupKey(target.day);
      if (this.#groups.some((g) => g.day === day)) this.#requestScroll({ kind: 'day', day });
      else {
        const label = day === 0 ? 'before day 1' : `on day ${day}`;
        this.#targetNote = `Nothing ${label} matches the current view; showing the days before it.`;
        this.#requestScroll({ kind: 'top' });
      }
    }
  }

  async loadOlder(): Promise<void> {
    const before = this.#next;
    if (this.#state !== 'ready' || before === null || this.#older === 'loading') return;
    const generation = this.#generation;
    const { topics, q, source } = this.#filters;
    this.#older = 'loading';
    try {
      const page = await fetchUpdates(this.event.slug, { topics, q, source, before });
      if (generation !== this.#generation) return;
      const fresh = page.items.filter((u) => isNewer(u, this.#items.get(u.id)));
      for (const update of fresh) this.#put(update);
      this.#sorted = replaceInSorted(this.#sorted, fresh);
      this.#next = page.next;
      this.#older = 'idle';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#older = 'error';
      this.#olderError = errorMessage(error);
    }
  }

  /** One live change (a push): new, corrected or retracted. Older copies are ignored. */
  apply(kind: ChangeKind, update: Update): void {
    if (update.event !== this.event.slug) return;
    this.#edit(() => this.#receive(kind, update));
  }

  /**
   * What a reconnect missed, oldest first. It is applied like pushes, and summed up for the reader
   * ("While you were offline: 12 new, 2 corrected, 1 retracted") when anything happened.
   */
  catchUp(changes: readonly Change[], reconnected = true): void {
    const mine = changes.filter((c) => c.update.event === this.event.slug);
    if (mine.length === 0) return;
    if (this.#state === 'ready' && reconnected) {
      const summary = summarise(
        mine,
        (u) => matchesFilters(u, this.#filters),
        (id) => this.#items.get(id) ?? this.#waiting.get(id)?.update,
      );
      if (summary.new + summary.corrected + summary.retracted > 0) {
        this.#summary = summary;
        this.announcer.say(`While you were offline: ${summaryText(summary)}`);
      }
    }
    this.#edit(() => {
      for (const { kind, update } of mine) this.#receive(kind, update);
    });
  }

  /** The reader is at the top of the timeline (new updates slide in) or reading further down. */
  setAtTop(atTop: boolean): void {
    if (atTop === this.#atTop) return;
    this.#atTop = atTop;
    if (atTop && !this.#paused && this.#from === null && this.#waiting.size > 0) this.#release(false);
  }

  /** Pause holds every change back until resumed. */
  setPaused(paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    if (!paused) this.#release(false);
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
    this.#release(true);
    this.#requestScroll({ kind: 'top' });
  }

  #release(force: boolean): void {
    const held = [...this.#waiting.values()].sort((a, b) => a.update.cursor - b.update.cursor);
    this.#waiting.clear();
    this.#edit(() => {
      for (const { kind, update } of held) this.#receive(kind, update, { force, again: true });
    });
  }

  /** Runs some changes and commits them to the rendered list once, however many there were. */
  #edit(run: () => void): void {
    run();
    if (this.#upserts.length === 0 && this.#removed.size === 0) return;
    this.#sorted = replaceInSorted(this.#sorted, this.#upserts, this.#removed);
    this.#upserts = [];
    this.#removed.clear();
  }

  /**
   * One change, live or released from waiting. `again` marks one already counted and announced
   * when it first came; `force` shows a new update even though the reader is not at the top.
   */
  #receive(kind: ChangeKind, update: Update, options: { force?: boolean; again?: boolean } = {}): void {
    if (this.#state === 'loading') {
      this.#pending.push({ kind, update });
      return;
    }
    if (this.#state !== 'ready') return;
    if (!options.again) this.#countDays(kind, update);
    if (this.#paused && !options.force) {
      this.#hold(kind, update, options.again);
      return;
    }
    this.keyEvents.apply(update);
    this.#handle(kind, update, options);
  }

  #hold(kind: ChangeKind, update: Update, again = false): void {
    const held = this.#waiting.get(update.id);
    if (held && !isNewer(update, held.update)) return;
    // A new update corrected before it was shown is still new to the reader.
    this.#waiting.set(update.id, { kind: held?.kind === 'new' ? 'new' : kind, update });
    if (!again && !held && kind === 'new' && matchesFilters(update, this.#filters)) this.#arrived(update);
  }

  #handle(kind: ChangeKind, update: Update, options: { force?: boolean; again?: boolean }): void {
    if (this.#waiting.has(update.id)) {
      // Still held back: the newer version waits in its place.
      this.#hold(kind, update, true);
      return;
    }
    const current = this.#items.get(update.id);
    if (current && !isNewer(update, current)) return;
    const retracted = kind === 'retracted' || update.status === 'retracted';
    const matches = matchesFilters(update, this.#filters);

    if (!current) {
      // Nothing to take back from a reader who never saw it.
      if (retracted || !matches) return;
      const range = this.#rangeOf(update);
      // Older than what is loaded: it comes with its page. Newer than a permalink's start: it
      // waits behind the button, which leads back to the latest.
      if (range === 'older') return;
      if (range === 'newer') {
        if (kind === 'new') this.#hold(kind, update, options.again);
        return;
      }
      if (kind === 'new' && !options.force && !this.#atTop) {
        this.#hold(kind, update, options.again);
        return;
      }
      if (kind === 'new' && !options.again) this.#arrived(update);
    }
    if (!matches && !retracted) {
      // A correction moved it out of the current filters.
      this.#items.delete(update.id);
      this.#removed.add(update.id);
      return;
    }
    const shown: Update = retracted ? { ...update, status: 'retracted' } : update;
    this.#put(shown);
    this.#upserts.push(shown);
    this.#removed.delete(update.id);
    if (this.#hidden) this.#unseen.add(update.id);
    else this.#highlight(update.id);
  }

  /** Counts a new arrival for the tab title and the screen-reader announcement. */
  #arrived(update: Update): void {
    if (this.#hidden) this.#unread++;
    if (!this.#paused) this.announcer.add(update);
  }

  #put(update: Update): void {
    const before = this.#items.get(update.id);
    this.#items.set(update.id, update);
    if (update.source?.name) this.#sources.add(update.source.name);
    // Outlets of a story's other reports are outlets a reader may want to filter by too.
    const story = storyOf(update);
    for (const name of story?.sources ?? []) this.#sources.add(name);
    // The newest change to any report of a story carries the story as it is now (a report that
    // left it, alone again, carries none): every card of the story shows that.
    const storyId = story?.id ?? (before && storyOf(before)?.id);
    const known = storyId === undefined ? undefined : this.#stories.get(storyId);
    if (storyId !== undefined && (!known || update.cursor > known.cursor)) {
      this.#stories.set(storyId, { story, cursor: update.cursor });
    }
  }

  /**
   * The story a card belongs to as it stands now, or null when it has no other report. A report's
   * own copy may be older than the story's latest change (another outlet joined since).
   */
  storyOf(update: Update): StoryInfo | null {
    const own = storyOf(update);
    if (!own) return null;
    const latest = this.#stories.get(own.id);
    return latest && latest.cursor > update.cursor ? latest.story : own;
  }

  #highlight(id: string): void {
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

  /**
   * Keeps the chart, chip and heading counts in step with a live change, once per change when it
   * first comes (held or not). Without the copy it replaces, only a new update can be counted.
   */
  #countDays(kind: ChangeKind, update: Update): void {
    const before = this.#waiting.get(update.id)?.update ?? this.#items.get(update.id);
    if (before && !isNewer(update, before)) return;
    if (!before && kind !== 'new') return;
    const after: Update = kind === 'retracted' ? { ...update, status: 'retracted' } : update;
    const { q, source, topics } = this.#filters;
    // Every update counts, story members folded into a card included, as the server's day counts
    // do: a fresh load then shows the same numbers as a page that followed along live.
    this.#days = adjustDays(this.#days, before, after, this.event, (u) =>
      matchesFilters(u, { topics: [], q, source }),
    );
    if (this.#filteredDays) {
      this.#filteredDays = adjustDays(this.#filteredDays, before, after, this.event, (u) =>
        matchesFilters(u, { topics, q, source }),
      );
    }
  }

  /**
   * Whether an update falls within what is loaded. One older than the oldest loaded item (an old
   * correction, say) would float alone above a gap; one newer than a permalink's start would too.
   */
  #rangeOf(update: Update): 'older' | 'in' | 'newer' {
    if (this.#from !== null && Date.parse(update.publishedAt) > Date.parse(this.#from)) return 'newer';
    if (this.#next === null) return 'in';
    const oldest = this.#sorted.at(-1);
    return oldest === undefined || compareUpdates(update, oldest) <= 0 ? 'in' : 'older';
  }

  #requestScroll(request: ScrollTo): void {
    this.#scroll = { ...request, seq: ++this.#scrollSeq };
  }
}
