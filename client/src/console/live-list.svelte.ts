import { errorMessage } from '../lib/api.js';

/** How often a list is read again anyway, in case a signal from the desk was missed. */
const refreshMs = 30_000;

/**
 * A list the console keeps live: read at start, whenever the desk says it changed (`desk:drafts`,
 * `desk:feeds`, on every node), after every change made here, and every half minute. Reads never
 * overlap: a signal during a read asks for one more read after it.
 */
export class LiveList<T> {
  value = $state<T | undefined>();
  error = $state('');
  #timer: ReturnType<typeof setInterval> | undefined;
  #reading: Promise<void> | undefined;
  #again = false;

  constructor(private readonly read: () => Promise<T>) {}

  start(): void {
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), refreshMs);
  }

  refresh(): Promise<void> {
    if (this.#reading) {
      this.#again = true;
      return this.#reading;
    }
    this.#reading = (async () => {
      do {
        this.#again = false;
        try {
          this.value = await this.read();
          this.error = '';
        } catch (error) {
          this.error = errorMessage(error);
        }
      } while (this.#again);
    })().finally(() => (this.#reading = undefined));
    return this.#reading;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
