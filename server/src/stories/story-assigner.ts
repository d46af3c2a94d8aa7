import type { Store } from '../store/store.js';
import { TimeSlices } from '../time-slices.js';
import { StoryIndex, type StoryAssignment } from './index.js';

/** How far apart two reports of one story may be published. */
export const storyWindowMs = 48 * 3600_000;

/** What clustering reads of a new update. */
export interface StoryCandidate {
  id: string;
  title: string;
  summary: string;
  publishedAt: string;
  source?: string;
  /**
   * The update's sentence vector, when the write path has one (issue 19). Optional: the index
   * matches on words alone without it, and gives it weight only if `embeddingWeight` is set.
   */
  vector?: ArrayLike<number>;
}

interface EventIndex {
  index: StoryIndex;
  /** The newest `created_cursor` this index has seen from the store. */
  synced: number;
  /** Newest publication time seen: the window slides with the story, not with the wall clock. */
  latest: number;
}

/**
 * One similar-story index per event, kept in step with the store before every assignment, so a
 * node also matches against what other nodes ingested. Assignments are stored with each update;
 * the index is only a fast way to find the best match.
 */
export class StoryAssigner {
  readonly #events = new Map<string, EventIndex>();
  /** Another index of these events in this process (the batch thread's): told of every removal and regrouping. */
  #mirror: Pick<StoryAssigner, 'forget' | 'moved'> | undefined;

  constructor(private readonly store: Store) {}

  /**
   * Catching up with the store brings in only new updates, so an index that lives on beside this
   * one (the batch thread's) hears from here what the store does not tell it: an update taken out
   * (retracted), and a regrouping (an editor's split or merge).
   */
  mirrorTo(other: Pick<StoryAssigner, 'forget' | 'moved'>): void {
    this.#mirror = other;
  }

  /**
   * The story of each new update, in order: its best match's, or a new one named after it. Catches
   * up with the store once for the whole batch.
   */
  async assignAll(event: string, items: readonly StoryCandidate[]): Promise<StoryAssignment[]> {
    if (items.length === 0) return [];
    const earliest = items.reduce((a, b) => (Date.parse(b.publishedAt) < Date.parse(a.publishedAt) ? b : a));
    const slices = new TimeSlices();
    const state = await this.#sync(event, earliest.publishedAt, slices);
    const assignments: StoryAssignment[] = [];
    for (const item of items) {
      const at = Date.parse(item.publishedAt);
      assignments.push(state.index.add({ ...item, at: new Date(at) }));
      state.latest = Math.max(state.latest, at);
      state.index.evict(new Date(state.latest));
      await slices.pause();
    }
    return assignments;
  }

  /** The story `item` would join if it were added now; nothing is added (read-only). */
  async suggest(event: string, item: StoryCandidate): Promise<StoryAssignment> {
    const state = await this.#sync(event, item.publishedAt, new TimeSlices());
    return state.index.peek({ ...item, at: new Date(Date.parse(item.publishedAt)) });
  }

  /** Takes an update out (a duplicate that was not stored, a retraction). */
  forget(event: string, id: string): void {
    this.#events.get(event)?.index.remove(id);
    this.#mirror?.forget(event, id);
  }

  /** After a split or merge, or a write that failed: the index follows what the store holds. */
  async moved(event: string): Promise<void> {
    // Rebuilt on the next assignment from the store, which now holds the editors' grouping.
    this.#events.delete(event);
    await this.#mirror?.moved(event);
  }

  async #sync(event: string, publishedAt: string, slices: TimeSlices): Promise<EventIndex> {
    let state = this.#events.get(event);
    if (!state) {
      state = { index: new StoryIndex({ windowMs: storyWindowMs }), synced: 0, latest: 0 };
      this.#events.set(event, state);
    }
    const from = new Date(Math.min(Date.parse(publishedAt), state.latest || Infinity) - storyWindowMs);
    const index = state.index;
    const { through, items } = await this.store.clusteringFeed(
      event,
      state.synced,
      from.toISOString(),
      (id) => index.storyOf(id) !== undefined,
    );
    for (const item of items) {
      const at = Date.parse(item.publishedAt);
      index.restore(
        {
          id: item.id,
          title: item.title,
          summary: item.summary,
          at: new Date(at),
          ...(item.source ? { source: item.source } : {}),
        },
        item.storyId,
      );
      state.latest = Math.max(state.latest, at);
      // Step by step: a write that begins in a pause reads from here, and restores the rest itself.
      state.synced = Math.max(state.synced, item.createdCursor);
      await slices.pause();
    }
    state.synced = Math.max(state.synced, through);
    return state;
  }
}
