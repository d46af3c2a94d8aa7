import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Live messages in commit order, sent in slices of a few milliseconds. Sending a 500-update batch
 * (encoding each update for its rooms) takes 5–30 ms; sent at once, it would hold every reader's
 * request that long. A few messages go out at once, within the call that queued them.
 */
export class Outbox {
  #queue: (() => void)[] = [];
  #next = 0;
  /** Set while sending, and while the rest waits for the next turn of the event loop. */
  #busy = false;
  #rest: Promise<void> | undefined;

  constructor(private readonly budgetMs = 4) {}

  /** Queues `send` behind everything queued before it. */
  push(send: () => void): void {
    this.#queue.push(send);
    if (!this.#busy) this.#sendSome();
  }

  /** Resolves once everything queued so far has been sent. */
  async flushed(): Promise<void> {
    while (this.#rest) await this.#rest;
  }

  #sendSome(): void {
    this.#busy = true;
    this.#rest = undefined;
    const started = performance.now();
    while (this.#next < this.#queue.length) {
      const send = this.#queue[this.#next++] as () => void;
      send();
      if (performance.now() - started >= this.budgetMs && this.#next < this.#queue.length) {
        this.#rest = nextTurn().then(() => this.#sendSome());
        return;
      }
    }
    this.#queue = [];
    this.#next = 0;
    this.#busy = false;
  }
}
