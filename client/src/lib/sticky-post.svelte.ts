import type { Update } from '@dayline/shared';
import { isNewer } from './timeline-logic.js';

/**
 * The event's sticky post: the one update its editors keep at the top of the reader's page,
 * whatever the filters, until they choose another or stop. Live changes keep it current.
 */
export class StickyPost {
  readonly #slug: string;
  #update = $state.raw<Update | null>(null);

  constructor(slug: string) {
    this.#slug = slug;
  }

  get update(): Update | null {
    return this.#update;
  }

  /** The sticky post as a first view brought it. */
  set(update: Update | null): void {
    this.#update = update?.sticky && update.status !== 'retracted' ? update : null;
  }

  /** Any change to any update of the event: made sticky, no longer sticky, corrected or retracted. */
  apply(update: Update): void {
    if (update.event !== this.#slug) return;
    const current = this.#update;
    if (update.sticky && update.status !== 'retracted') {
      // The later change wins, whichever update it is: making another post sticky comes after.
      if (isNewer(update, current ?? undefined)) this.#update = update;
    } else if (current?.id === update.id && isNewer(update, current)) {
      this.#update = null;
    }
  }
}
