import type { Topic, Update } from '@dayline/shared';
import { announcement } from './timeline-logic.js';

/** Quiet time after the last arrival before the batch is read out. */
const quietMs = 2000;
/** A steady stream is still read out at least this often. */
const maxWaitMs = 8000;

/**
 * Batches arrivals for a polite live region: a screen reader hears one sentence per burst instead
 * of one per update, which would drown out whatever the reader is listening to.
 */
export class Announcer {
  #message = $state('');
  #batch: Update[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstAt = 0;
  /** Alternates a trailing space, so the same sentence twice in a row is still a change to read. */
  #alternate = false;
  readonly #topics: ReadonlyMap<string, Topic>;
  readonly #now: () => number;

  constructor(topics: ReadonlyMap<string, Topic>, now: () => number = Date.now) {
    this.#topics = topics;
    this.#now = now;
  }

  get message(): string {
    return this.#message;
  }

  add(update: Update): void {
    if (this.#batch.some((u) => u.id === update.id)) return;
    if (this.#batch.length === 0) this.#firstAt = this.#now();
    this.#batch.push(update);
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(quietMs, this.#firstAt + maxWaitMs - this.#now()));
    this.#timer = setTimeout(() => this.flush(), wait);
  }

  /** Says a sentence of the app's own (a reload, a catch-up summary) through the same region. */
  say(message: string): void {
    this.#alternate = !this.#alternate;
    this.#message = this.#alternate ? `${message}\u00a0` : message;
  }

  flush(): void {
    clearTimeout(this.#timer);
    if (this.#batch.length === 0) return;
    this.say(announcement(this.#batch, this.#topics));
    this.#batch = [];
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#batch = [];
  }
}
