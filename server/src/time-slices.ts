import { setImmediate } from 'node:timers';

/**
 * The thread's background jobs waiting to go on: one of them goes on per turn of the event loop,
 * in the order they asked. However many jobs run at once (a bulk write, the live messages of the
 * one before it, deliveries from the change log), readers' requests wait for one slice at most.
 */
export class SliceQueue {
  readonly #waiting: (() => void)[] = [];
  #turnAsked = false;

  /** Resolves in a later turn of the event loop, behind every job already waiting. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#askTurn();
    });
  }

  #askTurn(): void {
    if (this.#turnAsked) return;
    this.#turnAsked = true;
    setImmediate(() => {
      this.#turnAsked = false;
      this.#waiting.shift()?.();
      if (this.#waiting.length > 0) this.#askTurn();
    });
  }
}

/** This thread's one queue of background slices. */
export const backgroundSlices = new SliceQueue();

/**
 * Long work (a 500-update batch: validating, tagging, clustering, storing) cut into slices of a few
 * milliseconds, with readers answered between them. A job's first slice runs at once, so a small
 * write (one POST) never waits; a longer one then takes its turn with the thread's other
 * background jobs (SliceQueue). Measured in bench/ingest.mjs ("A reader alongside each write").
 */
export class TimeSlices {
  #since = performance.now();

  constructor(
    private readonly budgetMs = 4,
    private readonly queue = backgroundSlices,
  ) {}

  /** Whether this slice has run its budget. */
  get spent(): boolean {
    return performance.now() - this.#since >= this.budgetMs;
  }

  /** Gives way to readers and other jobs once this slice has run its budget; otherwise goes straight on. */
  async pause(): Promise<void> {
    if (!this.spent) return;
    await this.queue.next();
    this.#since = performance.now();
  }
}
