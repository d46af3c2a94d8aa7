import {
  dateOfDay,
  daysQuerySchema,
  updatesQuerySchema,
  type DayCount,
  type Event,
  type EventClock,
} from '@dayline/shared';
import { Router, type Request } from 'express';
import type { Access } from '../access.js';
import type { EventCatalog, EventRuntime } from '../events.js';
import { presentedToken, viewableEvent } from './auth.js';
import type { Store } from '../store/store.js';
import { parseOr400 } from './validate.js';

/** Reads of events: the list, an event's timeline page, and its days. Private events need a viewer. */
export function eventsRouter({
  store,
  events,
  access,
}: {
  store: Store;
  events: EventCatalog;
  access: Access;
}): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json((await visibleEvents({ store, events, access }, req)).map((e) => e.event));
  });

  router.get('/:slug/updates', async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const query = parseOr400(updatesQuerySchema, req.query);
    events.checkTopics(event, query.topics);
    res.json(await store.listUpdates(event.config.slug, query));
  });

  router.get('/:slug/days', async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const filter = parseOr400(daysQuerySchema, req.query);
    events.checkTopics(event, filter.topics);
    res.json(datedDays(await store.countDays(event.config.slug, filter), event.config));
  });

  return router;
}

/**
 * The events a request may see, with when each last had an update: private ones only with a
 * viewer token, so they never leak through a list.
 */
export async function visibleEvents(
  { store, events, access }: { store: Store; events: EventCatalog; access: Access },
  req: Request,
): Promise<{ runtime: EventRuntime; event: Event }[]> {
  const viewer = await access.allows(presentedToken(req), 'viewer');
  const visible = events.list().filter((e) => viewer || e.config.visibility === 'public');
  return Promise.all(
    visible.map(async (runtime) => ({
      runtime,
      event: { ...runtime.public, lastPublishedAt: await store.lastPublishedAt(runtime.config.slug) },
    })),
  );
}

/** Day counts with each day's calendar date in the event's zone. */
export function datedDays(days: readonly Omit<DayCount, 'date'>[], clock: EventClock): DayCount[] {
  return days.map((d) => ({ ...d, date: dateOfDay(d.day, clock) }));
}
