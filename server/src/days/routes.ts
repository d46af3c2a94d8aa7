import { dateOfDay, daysQuerySchema, type DayCount, type EventClock } from '@dayline/shared';
import type { RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import { viewableEvent } from '../access/guards.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';

/** An event's days with their update counts, overall and per topic. Paths are in routes.ts. */
export function dayHandlers(deps: { store: Store; events: EventCatalog; access: Access }) {
  const { store, events, access } = deps;
  const counts: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const filter = parseInput(daysQuerySchema, req.query);
    events.checkTopics(event, filter.topics);
    res.json(datedDays(await store.countDays(event.config.slug, filter), event.config));
  };
  return { counts };
}

/** Day counts with each day's calendar date in the event's zone. */
export function datedDays(days: readonly Omit<DayCount, 'date'>[], clock: EventClock): DayCount[] {
  return days.map((d) => ({ ...d, date: dateOfDay(d.day, clock) }));
}
