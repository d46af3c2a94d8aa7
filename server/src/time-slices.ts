import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long work (a 500-update batch: validating, tagging, clustering, storing) cut into slices of a few
 * milliseconds, with a turn of the event loop between them, so readers are answered while it runs
 * rather than after it. Measured in bench/ingest.mjs ("A reader alongside each write").
 */
export class TimeSlices {
  #since = performance.now();

  constructor(private readonly budgetMs = 4) {}

  /** Gives way to whatever is waiting once this slice has run its budget; otherwise goes straight on. */
  async pause(): Promise<void> {
    if (performance.now() - this.#since < this.budgetMs) return;
    await nextTurn();
    this.#since = performance.now();
  }
}
