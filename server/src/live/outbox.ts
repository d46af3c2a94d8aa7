import { TimeSlices } from '../time-slices.js';

/**
 * Live messages in commit order, sent in slices of a few milliseconds (time-slices.ts). Sending a
 * 500-update batch (encoding each update for its rooms) takes 5–30 ms; sent at once, it would hold
 * every reader's request that long. Messages go out at once, within the call that queued them, until
 * that call's slice is spent; the rest go out in later slices, taking turns with other background
 * work.
 */
export class Outbox {
  #queue: (() => void)[] = [];
  /** The slice messages go out in now; a new one begins with the next call that finds none. */
  #slice: TimeSlices | undefined;
  /** Set while sending, so a message queued by a send waits its turn. */
  #sending = false;
  /** The wait for the next slice, while messages are left over. */
  #rest: Promise<void> | undefined;

  constructor(private readonly budgetMs = 4) {}

  /** Queues `send` behind everything queued before it. */
  push(send: () => void): void {
    this.#queue.push(send);
    if (this.#sending || this.#rest) return;
    if (this.#slice?.spent) this.#waitForSlice(this.#slice);
    else this.#sendSome();
  }

  /** Resolves once everything queued so far has been sent. */
  async flushed(): Promise<void> {
    while (this.#rest) await this.#rest;
  }

  /** Sends at least one message, and more while the slice lasts. */
  #sendSome(): void {
    const slice = this.#slice ?? this.#beginSlice();
    this.#sending = true;
    try {
      do (this.#queue.shift() as () => void)();
      while (this.#queue.length > 0 && !slice.spent);
    } finally {
      this.#sending = false;
    }
    if (this.#queue.length > 0) this.#waitForSlice(slice);
  }

  #waitForSlice(slice: TimeSlices): void {
    this.#rest = slice.pause().then(() => {
      this.#rest = undefined;
      this.#sendSome();
      if (!this.#rest) this.#slice = undefined;
    });
  }

  /** A slice for the calls of this task: it ends once they are done, unless messages are left over. */
  #beginSlice(): TimeSlices {
    const slice = new TimeSlices(this.budgetMs);
    this.#slice = slice;
    queueMicrotask(() => {
      if (this.#slice === slice && !this.#rest) this.#slice = undefined;
    });
    return slice;
  }
}
