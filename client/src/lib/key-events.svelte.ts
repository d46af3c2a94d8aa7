import { keyEventLimit, type Update } from '@dayline/shared';
import { errorMessage, fetchUpdates } from './api.js';
import { compareUpdates, isNewer } from './timeline-logic.js';

/** How many key events the strip shows (the first view's too); older ones stay in the timeline. */
export { keyEventLimit };

/** Whether an update belongs in the "Key events" strip: pinned and not taken back. */
export function isKeyEvent(update: Update): boolean {
  return update.pinned && update.status !== 'retracted';
}

/**
 * The pinned updates of one event, newest first, for the strip above the timeline. It ignores the
 * reader's filters: key events are the outline of the whole story.
 */
export class KeyEvents {
  readonly #slug: string;
  #items = $state.raw<Update[]>([]);
  #error = $state('');
  #generation = 0;

  constructor(slug: string) {
    this.#slug = slug;
  }

  get items(): readonly Update[] {
    return this.#items;
  }
  get error(): string {
    return this.#error;
  }

  async load(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const page = await fetchUpdates(this.#slug, { topics: [], pinned: true, limit: keyEventLimit });
      if (generation !== this.#generation) return;
      this.#items = page.items.filter(isKeyEvent);
      this.#error = '';
    } catch (error) {
      if (generation === this.#generation) this.#error = errorMessage(error);
    }
  }

  /** The key events as loaded with the first view (newest first, as `load` gets them). */
  set(items: readonly Update[]): void {
    this.#generation++;
    this.#items = items.filter(isKeyEvent);
    this.#error = '';
  }

  /** Any change to any update of the event: pinned, unpinned, corrected or retracted. */
  apply(update: Update): void {
    if (update.event !== this.#slug) return;
    const current = this.#items.find((u) => u.id === update.id);
    if (current && !isNewer(update, current)) return;
    const rest = this.#items.filter((u) => u.id !== update.id);
    if (!isKeyEvent(update)) {
      if (current) this.#items = rest;
      return;
    }
    this.#items = [...rest, update].sort(compareUpdates).slice(0, keyEventLimit);
  }
}
