import type { EventConfig } from '../events/event-config.js';
import type { Store } from '../store/store.js';
import { demoStartDate } from './event.js';

/**
 * The built-in event's day 1: the start date its database recorded when it first ran it, so
 * restarts keep every day number; on a new database, twenty days before `now` in its zone.
 */
export async function keepDemoStart(
  store: Store,
  events: readonly EventConfig[],
  now: Date,
): Promise<EventConfig[]> {
  return Promise.all(
    events.map(async (event) => {
      const recorded = await store.events.clockOf(event.slug);
      return { ...event, startDate: recorded?.startDate ?? demoStartDate(now) };
    }),
  );
}
