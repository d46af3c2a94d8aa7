import {
  pageStart,
  type Change,
  type ChangeKind,
  type DayCount,
  type Event,
  type EventView,
  type StoryInfo,
  type Update,
  latest,
  noFilters,
  type Filters,
  type Target,
} from '@dayline/shared';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { errorMessage, fetchFirstView, fetchUpdates } from './api.js';
import type { LiveListener } from './live.svelte.js';
import { storyOf } from './stories.js';
import {
  adjustDays,
  compareUpdates,
  countsByGroup,
  groupSorted,
  isNewer,
  matchesFilters,
  replaceInSorted,
  topicTotals,
  type DayGroup,
} from './timeline-logic.js';

/** What the event's data needs from the live connection (the Live class, or a stand-in in tests). */
export interface LiveLink {
  subscribe(event: string, since: number): Promise<boolean>;
}

export type LoadState = 'loading' | 'ready' | 'error';

/** A change not applied yet. `fresh`: not counted in the day counts nor announced yet. */
export interface HeldChange {
  kind: ChangeKind;
  update: Update;
  fresh: boolean;
}

/**
 * Where a change would go among what is loaded: `stale` (not newer than the copy here), `ignored`
 * (not here and not to be: a retraction of something never shown, or outside the filters),
 * `older` (beyond the oldest loaded item: it comes with its page), `newer` (newer than a
 * permalink's start), `add` (a new card within the loaded range) or `replace` (a newer copy of a
 * loaded update; it may leave the filters).
 */
export type Placement = 'stale' | 'ignored' | 'older' | 'newer' | 'add' | 'replace';

/** What a view does with each change: show it, hold it back, or drop it. */
export interface ViewRules {
  /**
   * One change, counted already. `again`: it was announced (or is not news) when it first came;
   * `force`: the reader asked to see everything held back.
   */
  receive(kind: ChangeKind, update: Update, options: { again: boolean; force: boolean }): void;
  /** A view's first page is in; the changes that came meanwhile are offered right after. */
  loaded?(view: EventView, target: Update | undefined): void;
  /** The server is replaying what the connection missed (`reconnected`) or may have dropped. */
  replaying?(changes: readonly Change[], reconnected: boolean): void;
  /** The server could not replay a long gap: the view starts over from a fresh first view. */
  restarting?(): void;
}

/** Shows every change at once: the editor's desk, which has no reading position to keep. */
export const showEverything = (data: EventData): ViewRules => ({
  receive(kind, update) {
    const placement = data.place(kind, update);
    if (placement === 'add' || placement === 'replace') data.show(kind, update);
  },
});

/**
 * One event's data as this browser holds it: updates by id (one copy each, the latest change) in
 * timeline order, grouped by day; paging back in time; day counts kept in step with live changes;
 * the outlets seen; each story as it stands now; and the one buffer of changes not applied yet
 * (those that came during a load or before the subscription was confirmed, and those a view holds
 * back). It is the live connection's listener for the event, with one start sequence: the first
 * view (given with the page load, or fetched), then the subscription from the cursor it was read at.
 * What to show when is the view's rules' business (the reader's timeline, the editor's desk).
 */
export class EventData implements LiveListener {
  readonly event: Event;
  #live: LiveLink;
  #rules: ViewRules;

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
  #held = new SvelteMap<string, HeldChange>();

  #next = $state<string | null>(null);
  /** The instant the loaded list starts at (a permalink), or null when it starts at the newest. */
  #from = $state<string | null>(null);
  /** Token for the next newer page while the view does not reach the newest update; else null. */
  #newer = $state<string | null>(null);
  #newerLoading = $state(false);
  #state = $state<LoadState>('loading');
  #error = $state('');
  #older = $state<'idle' | 'loading' | 'error'>('idle');
  #olderError = $state('');
  /** Bumped on every load, so answers to an older view are dropped. */
  #generation = 0;
  #subscribed = false;
  /** The view `showFirst` put on screen, until `load` takes it over. */
  #shown: EventView | undefined;
  /** Edits collected during one batch and committed to `#sorted` at its end. */
  #upserts: Update[] = [];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  #removed = new Set<string>();
  #batchDepth = 0;

  constructor(
    event: Event,
    live: LiveLink,
    options: { rules?: (data: EventData) => ViewRules; filters?: Filters; target?: Target } = {},
  ) {
    this.event = event;
    this.#live = live;
    this.#rules = (options.rules ?? showEverything)(this);
    this.#filters = options.filters ?? noFilters;
    this.#target = options.target ?? latest;
  }

  get filters(): Filters {
    return this.#filters;
  }
  /** Where the loaded view starts, as asked (the newest, a day, an update). */
  get target(): Target {
    return this.#target;
  }
  /** Days newest first, items newest first within each. */
  get groups(): DayGroup[] {
    return this.#groups;
  }
  get items(): readonly Update[] {
    return this.#sorted;
  }
  get size(): number {
    return this.#sorted.length;
  }
  /** Day counts for the current search and source across all topics, newest day first. */
  get days(): readonly DayCount[] {
    return this.#days;
  }
  /** Day counts for the current filters, topics included (the chart and the headings follow them). */
  get filteredDays(): readonly DayCount[] {
    return this.#filteredDays ?? this.#days;
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
  /** Outlets seen so far. */
  get sources(): ReadonlySet<string> {
    return this.#sources;
  }
  get state(): LoadState {
    return this.#state;
  }
  get error(): string {
    return this.#error;
  }
  /** Token for the next older page; null once the start of the timeline is loaded. */
  get next(): string | null {
    return this.#next;
  }
  /** Token for the next newer page, when the view starts below the newest update (a permalink). */
  get newer(): string | null {
    return this.#newer;
  }
  get loadingNewer(): boolean {
    return this.#newerLoading;
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
  /** Changes not applied yet, in no particular order. */
  get held(): Iterable<HeldChange> {
    return this.#held.values();
  }

  /** The loaded copy of an update, or the held one when it is not shown. */
  known(id: string): Update | undefined {
    return this.#items.get(id) ?? this.#held.get(id)?.update;
  }
  shows(id: string): boolean {
    return this.#items.has(id);
  }
  /** Whether the view holds this update back (not counting changes waiting for the subscription's replay). */
  holdsBack(id: string): boolean {
    return this.#held.get(id)?.fresh === false;
  }

  /**
   * Loads a view (its first page, counts and key events) and drops what the previous view had. The
   * first load, or one after `restart`, then subscribes from the cursor the view was read at, so
   * every later change is either in the view or replayed after it (both is fine: cursors decide).
   */
  async load(filters: Filters, target: Target, initial?: EventView): Promise<void> {
    let view: EventView | null | undefined =
      initial !== undefined && initial === this.#shown ? initial : undefined;
    this.#shown = undefined;
    if (!view) {
      const generation = this.#clear(filters, target);
      try {
        view = initial ?? (await fetchFirstView({ slug: this.event.slug, filters, target })).view;
        if (generation !== this.#generation) return;
        if (!view) throw new Error('This event is not available any more.');
      } catch (error) {
        if (generation !== this.#generation) return;
        this.#held.clear();
        this.#state = 'error';
        this.#error = errorMessage(error);
        return;
      }
      this.#fill(view, target);
    }
    if (!this.#subscribed) {
      this.#subscribed = true;
      await this.#live.subscribe(this.event.slug, view.cursor);
    }
  }

  /**
   * Shows a view at once, without subscribing: the first render of a page the server rendered from
   * this view (on the server, and in the browser taking that page over). `load` with the same view
   * then only subscribes from its cursor.
   */
  showFirst(view: EventView): void {
    this.#clear(this.#filters, this.#target);
    this.#fill(view, this.#target);
    this.#shown = view;
  }

  /** Moves the view's start within what is loaded (no reload: the view scrolls there). */
  setTarget(target: Target): void {
    this.#target = target;
  }

  /** Starts over from a fresh first view and a fresh subscription. */
  restart(): Promise<void> {
    this.#subscribed = false;
    return this.load(this.#filters, this.#target);
  }

  /** Answers still on their way are dropped from now on. */
  stop(): void {
    this.#generation++;
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
      this.#addPage(page.items);
      this.#next = page.next;
      this.#older = 'idle';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#older = 'error';
      this.#olderError = errorMessage(error);
    }
  }

  /**
   * Scrolling up from a permalink: the page just newer than what is loaded. Once a page reaches the
   * newest update the view is at the latest, and what was held for it (arrivals since) is offered.
   */
  async loadNewer(): Promise<void> {
    const after = this.#newer;
    if (this.#state !== 'ready' || after === null || this.#newerLoading) return;
    const generation = this.#generation;
    const { topics, q, source } = this.#filters;
    this.#newerLoading = true;
    try {
      const page = await fetchUpdates(this.event.slug, { topics, q, source, after });
      if (generation !== this.#generation) return;
      this.#addPage(page.items);
      this.#newer = page.newer ?? null;
      this.#from = this.#newer === null ? null : (page.items[0]?.publishedAt ?? this.#from);
      if (this.#from === null) this.release(false);
    } catch {
      // Nothing is lost: the "Newer updates" button stays, and tries again.
    } finally {
      if (generation === this.#generation) this.#newerLoading = false;
    }
  }

  /** LiveListener: one change pushed live; `early` ones wait for the subscription's replay. */
  change(kind: ChangeKind, update: Update, early: boolean): void {
    if (update.event !== this.event.slug) return;
    this.batch(() => this.#take(kind, update, early));
  }

  /**
   * LiveListener: the subscription was confirmed, with what the server replayed (oldest first);
   * then the changes held for it are offered again.
   */
  subscribed(changes: readonly Change[], reconnected: boolean): void {
    const mine = changes.filter((c) => c.update.event === this.event.slug);
    if (mine.length > 0 && this.#state === 'ready') this.#rules.replaying?.(mine, reconnected);
    this.batch(() => {
      for (const { kind, update } of mine) this.#take(kind, update, false);
      if (this.#state === 'ready') this.release(false);
    });
  }

  /** LiveListener: the server cannot replay what was missed. */
  reset(): void {
    this.#rules.restarting?.();
    void this.restart();
  }

  /**
   * Holds a change back. A fresh one (not counted yet) on top of a counted copy is counted now, so
   * what the counts reflect never depends on the order changes arrive in.
   */
  hold(kind: ChangeKind, update: Update, fresh: boolean): 'first' | 'newer' | 'stale' {
    const held = this.#held.get(update.id);
    if (held && !isNewer(update, held.update)) {
      // An update's arrival replayed after a newer change of it: still new to the view.
      if (kind === 'new' && held.kind !== 'new') this.#held.set(update.id, { ...held, kind });
      return 'stale';
    }
    if (fresh && held && !held.fresh) {
      this.#count(kind, update);
      fresh = false;
    }
    // A new update corrected before it was shown is still new.
    this.#held.set(update.id, { kind: held?.kind === 'new' ? 'new' : kind, update, fresh });
    return held ? 'newer' : 'first';
  }

  /** Offers every held change to the rules again, oldest first (they may hold some again). */
  release(force: boolean): void {
    const held = [...this.#held.values()].sort((a, b) => a.update.cursor - b.update.cursor);
    this.#held.clear();
    this.batch(() => {
      for (const { kind, update, fresh } of held) {
        if (fresh) this.#count(kind, update);
        this.#rules.receive(kind, update, { again: !fresh, force });
      }
    });
  }

  place(kind: ChangeKind, update: Update): Placement {
    const current = this.#items.get(update.id);
    if (current) return isNewer(update, current) ? 'replace' : 'stale';
    const retracted = kind === 'retracted' || update.status === 'retracted';
    if (retracted || !matchesFilters(update, this.#filters)) return 'ignored';
    return this.#rangeOf(update);
  }

  /**
   * Puts a change on screen: a retraction as a tombstone, a correction in place, a new update where
   * its time puts it; one that left the filters is taken off. Returns whether it is on screen.
   */
  show(kind: ChangeKind, update: Update): boolean {
    const retracted = kind === 'retracted' || update.status === 'retracted';
    if (!retracted && !matchesFilters(update, this.#filters)) {
      this.#items.delete(update.id);
      this.#removed.add(update.id);
      return false;
    }
    const shown: Update = retracted ? { ...update, status: 'retracted' } : update;
    this.#put(shown);
    this.#upserts.push(shown);
    this.#removed.delete(update.id);
    return true;
  }

  /** Runs some changes and commits them to the rendered list once, however many there were. */
  batch(run: () => void): void {
    this.#batchDepth++;
    try {
      run();
    } finally {
      this.#batchDepth--;
    }
    if (this.#batchDepth > 0 || (this.#upserts.length === 0 && this.#removed.size === 0)) return;
    this.#sorted = replaceInSorted(this.#sorted, this.#upserts, this.#removed);
    this.#upserts = [];
    this.#removed.clear();
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

  /** One change as it comes: held while a view loads or until the subscription is confirmed. */
  #take(kind: ChangeKind, update: Update, early: boolean): void {
    if (this.#state === 'loading') {
      // Most likely counted already by the counts the load brings.
      this.hold(kind, update, false);
      return;
    }
    if (this.#state !== 'ready') return;
    if (early) {
      this.hold(kind, update, true);
      return;
    }
    this.#count(kind, update);
    this.#rules.receive(kind, update, { again: false, force: false });
  }

  /** Puts a page's updates in among those loaded; a copy already loaded stays unless this one is newer. */
  #addPage(items: readonly Update[]): void {
    const fresh = items.filter((u) => isNewer(u, this.#items.get(u.id)));
    for (const update of fresh) this.#put(update);
    this.#sorted = replaceInSorted(this.#sorted, fresh);
  }

  /** Drops what the previous view had; returns the new view's generation. */
  #clear(filters: Filters, target: Target): number {
    const generation = ++this.#generation;
    this.#filters = filters;
    this.#target = target;
    this.#items.clear();
    this.#stories.clear();
    this.#sorted = [];
    this.#held.clear();
    this.#next = null;
    this.#from = null;
    this.#newer = null;
    this.#newerLoading = false;
    this.#state = 'loading';
    this.#error = '';
    this.#older = 'idle';
    return generation;
  }

  #fill(view: EventView, target: Target): void {
    const found = view.target ?? undefined;
    const items = [...view.page.items];
    // The permalink's own update is shown even when the list leaves it out (a tombstone, a filter).
    if (found && !items.some((u) => u.id === found.id)) items.unshift(found);
    for (const update of items) this.#put(update);
    this.#sorted = replaceInSorted([], items);
    this.#next = view.page.next;
    this.#from =
      pageStart({ day: target.kind === 'day' ? target.day : undefined, update: found }, this.event) ?? null;
    this.#newer = this.#from === null ? null : (view.page.newer ?? null);
    this.#days = view.days;
    this.#filteredDays = view.filteredDays;
    this.#state = 'ready';
    this.#rules.loaded?.(view, found);
    // The page may be older or newer than what came meanwhile; cursors and the loaded range decide.
    this.release(false);
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
   * Keeps the chart, chip and heading counts in step with a change, once per change. Without the
   * copy it replaces, only a new update can be counted.
   */
  #count(kind: ChangeKind, update: Update): void {
    // A copy held back is newer than the one on screen, and counted; a fresh one is not counted yet.
    const held = this.#held.get(update.id);
    const before = (held && !held.fresh ? held.update : undefined) ?? this.#items.get(update.id);
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
  #rangeOf(update: Update): 'older' | 'add' | 'newer' {
    if (this.#from !== null && Date.parse(update.publishedAt) > Date.parse(this.#from)) return 'newer';
    if (this.#next === null) return 'add';
    const oldest = this.#sorted.at(-1);
    return oldest === undefined || compareUpdates(update, oldest) <= 0 ? 'add' : 'older';
  }
}
