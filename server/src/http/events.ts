import { dateOfDay, daysQuerySchema, updatesQuerySchema, type DayCount } from '@dayline/shared';
import { Router } from 'express';
import type { EventCatalog } from '../events.js';
import type { Store } from '../store/store.js';
import { parseOr400 } from './validate.js';

/** Public reads of events: the list, an event's timeline page, and its days. */
export function eventsRouter({ store, events }: { store: Store; events: EventCatalog }): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(
      await Promise.all(
        events
          .list()
          .map(async (e) => ({ ...e.public, lastPublishedAt: await store.lastPublishedAt(e.config.slug) })),
      ),
    );
  });

  router.get('/:slug/updates', async (req, res) => {
    const event = events.get(req.params.slug);
    const query = parseOr400(updatesQuerySchema, req.query);
    events.checkTopics(event, query.topics);
    res.json(await store.listUpdates(event.config.slug, query));
  });

  router.get('/:slug/days', async (req, res) => {
    const event = events.get(req.params.slug);
    const filter = parseOr400(daysQuerySchema, req.query);
    events.checkTopics(event, filter.topics);
    const days = await store.countDays(event.config.slug, filter);
    res.json(days.map((d): DayCount => ({ ...d, date: dateOfDay(d.day, event.config) })));
  });

  return router;
}
