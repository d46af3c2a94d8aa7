import type { ChangeKind, Event, Topic, Update } from '@dayline/shared';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { errorMessage, fetchDays, fetchUpdates } from './api.js';
import {
  compareUpdates,
  countsByGroup,
  dayOf,
  groupByDay,
  type DayGroup,
  groupKey,
  matchesTopics,
  maxCursor,
  mergeUpdates,
  normaliseTopics,
  parseTopics,
  topicIndex,
  withTopics,
} from './timeline-logic.js';

/** What the timeline needs from the live connection (the Live class, or a stand-in in tests). */
export interface LiveLink {
  subscribe(event: string, topics: readonly string[], options: { fresh: boolean }): Promise<boolean>;
  catchUpFrom(cursor: number | null): void;
}

export type LoadState = 'loading' | 'ready' | 'error';

/**
 * The timeline of one event: updates by id (one copy each, highest version), grouped by day, the
 * topic filter kept in the URL, day counts, and paging back in time.
 */
export class Timeline {
  readonly event: Event;
  readonly topicsById: ReadonlyMap<string, Topic>;
  #live: LiveLink;

  #items = new SvelteMap<string, Update>();
  #counts = new SvelteMap<number, number>();
  /** Ids that arrived live rather than with a page, for a brief highlight. */
  #fresh = new SvelteSet<string>();
  #topics = $state.raw<string[]>([]);
  #next = $state<string | null>(null);
  #state = $state<LoadState>('loading');
  #error = $state('');
  #older = $state<'idle' | 'loading' | 'error'>('idle');
  #olderError = $state('');
  /** Bumped on every reload, so answers to an older filter are dropped. */
  #generation = 0;
  /** Live changes that came while the first page was on its way; applied once it is in. */
  #pending: [ChangeKind, Update][] = [];

  #groups = $derived.by(() => groupByDay(this.#items.values(), this.event));

  constructor(event: Event, live: LiveLink) {
    this.event = event;
    this.topicsById = topicIndex(event.topics);
    this.#live = live;
    this.#topics = this.#known(parseTopics(location.search));
  }

  /** Days newest first, items newest first within each. */
  get groups(): DayGroup[] {
    return this.#groups;
  }
  get topics(): readonly string[] {
    return this.#topics;
  }
  get counts(): ReadonlyMap<number, number> {
    return this.#counts;
  }
  get size(): number {
    return this.#items.size;
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
  get older(): 'idle' | 'loading' | 'error' {
    return this.#older;
  }
  get olderError(): string {
    return this.#olderError;
  }

  /** Whether an update arrived live (and deserves a highlight) rather than with a page. */
  isFresh(id: string): boolean {
    return this.#fresh.has(id);
  }

  /** Loads the first page and follows the browser's back and forward buttons; returns the cleanup. */
  start(): () => void {
    // A shared link may name topics in any order, or ones that no longer exist: show the clean form.
    const canonical = withTopics(location.href, this.#topics);
    if (canonical !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, '', canonical);
    }
    const onPopState = () => this.#setTopics(parseTopics(location.search), false);
    window.addEventListener('popstate', onPopState);
    void this.reload();
    return () => {
      window.removeEventListener('popstate', onPopState);
      this.#generation++;
    };
  }

  toggleTopic(id: string): void {
    const next = this.#topics.includes(id) ? this.#topics.filter((t) => t !== id) : [...this.#topics, id];
    this.#setTopics(next, true);
  }

  clearTopics(): void {
    this.#setTopics([], true);
  }

  /**
   * Starts the view over: subscribe first, then fetch, so every update is either in the page or
   * pushed after it (both is fine: they are merged by id).
   */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.#items.clear();
    this.#counts.clear();
    this.#fresh.clear();
    this.#next = null;
    this.#state = 'loading';
    this.#error = '';
    this.#older = 'idle';
    this.#pending = [];
    const topics = this.#topics;

    const subscribed = await this.#live.subscribe(this.event.slug, topics, { fresh: true });
    if (generation !== this.#generation) return;
    try {
      const [page, days] = await Promise.all([
        fetchUpdates(this.event.slug, { topics }),
        // Counts only decorate the headings; without them the headings count what is shown.
        fetchDays(this.event.slug, { topics }).catch(() => null),
      ]);
      if (generation !== this.#generation) return;
      mergeUpdates(this.#items, page.items);
      this.#next = page.next;
      if (days) for (const [day, count] of countsByGroup(days)) this.#counts.set(day, count);
      this.#state = 'ready';
      // The page may be older or newer than these changes; versions and the loaded range decide.
      for (const [kind, update] of this.#pending.splice(0)) this.apply(kind, update);
      if (!subscribed) this.#live.catchUpFrom(maxCursor(page.items));
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#pending = [];
      this.#state = 'error';
      this.#error = errorMessage(error);
    }
  }

  async loadOlder(): Promise<void> {
    const before = this.#next;
    if (this.#state !== 'ready' || before === null || this.#older === 'loading') return;
    const generation = this.#generation;
    this.#older = 'loading';
    try {
      const page = await fetchUpdates(this.event.slug, { topics: this.#topics, before });
      if (generation !== this.#generation) return;
      mergeUpdates(this.#items, page.items);
      this.#next = page.next;
      this.#older = 'idle';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#older = 'error';
      this.#olderError = errorMessage(error);
    }
  }

  /** Applies one live change: new, corrected or retracted. Older versions are ignored. */
  apply(kind: ChangeKind, update: Update): void {
    if (update.event !== this.event.slug) return;
    if (this.#state !== 'ready') {
      if (this.#state === 'loading') this.#pending.push([kind, update]);
      return;
    }
    const current = this.#items.get(update.id);
    if (current && update.version <= current.version) return;
    const retracted = kind === 'retracted' || update.status === 'retracted';
    const matches = matchesTopics(update, this.#topics);

    if (!current) {
      // Nothing to take back from a reader who never saw it; and older items come with their page.
      if (retracted || !matches || !this.#inLoadedRange(update)) return;
    }
    if (!matches && !retracted) {
      // A correction moved it out of the selected topics.
      this.#items.delete(update.id);
    } else {
      this.#items.set(update.id, retracted ? { ...update, status: 'retracted' } : update);
      this.#fresh.add(update.id);
    }
    this.#recount(current, this.#items.get(update.id));
  }

  /** Keeps the day counts in step with a live change: counted, moved to another day, or taken out. */
  #recount(before: Update | undefined, after: Update | undefined): void {
    const keyOf = (u: Update | undefined) =>
      u && u.status !== 'retracted' ? groupKey(dayOf(u, this.event)) : null;
    const from = keyOf(before);
    const to = keyOf(after);
    if (from === to) return;
    if (from !== null) this.#counts.set(from, Math.max(0, (this.#counts.get(from) ?? 0) - 1));
    if (to !== null) this.#counts.set(to, (this.#counts.get(to) ?? 0) + 1);
  }

  /**
   * Whether an update falls within what is loaded. One older than the oldest loaded item (an old
   * correction, say) would float alone above a gap; it comes with its page instead.
   */
  #inLoadedRange(update: Update): boolean {
    if (this.#next === null) return true;
    const oldest = this.groups.at(-1)?.items.at(-1);
    return oldest === undefined || compareUpdates(update, oldest) <= 0;
  }

  #known(topics: readonly string[]): string[] {
    return normaliseTopics(
      topics,
      this.event.topics.map((t) => t.id),
    );
  }

  #setTopics(topics: readonly string[], pushHistory: boolean): void {
    const next = this.#known(topics);
    if (next.join(',') === this.#topics.join(',')) return;
    this.#topics = next;
    if (pushHistory) history.pushState(history.state, '', withTopics(location.href, next));
    void this.reload();
  }
}
