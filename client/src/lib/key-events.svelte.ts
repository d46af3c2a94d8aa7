import { keyEventLimit, type Update } from '@dayline/shared';
import { compareUpdates, isNewer } from './timeline-logic.js';

/** How many key events a wide screen shows before "All key events (N)"; a phone scrolls through all. */
export const keyEventsShown = 3;

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

  constructor(slug: string) {
    this.#slug = slug;
  }

  get items(): readonly Update[] {
    return this.#items;
  }

  /** The key events as the first view brought them, newest first. */
  set(items: readonly Update[]): void {
    this.#items = items.filter(isKeyEvent);
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
