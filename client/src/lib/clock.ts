import { createSubscriber } from 'svelte/reactivity';

/**
 * The current time for display, refreshed each minute. The timer runs only while something
 * renders `now`, so an unused clock costs nothing.
 */
export class MinuteClock {
  #subscribe = createSubscriber((update) => {
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  });

  get now(): Date {
    this.#subscribe();
    return new Date();
  }
}

export const clock = new MinuteClock();
