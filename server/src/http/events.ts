import { dateOfDay, daysQuerySchema, updatesQuerySchema, type DayCount } from '@dayline/shared';
import { Router } from 'express';
import type { Access } from '../access.js';
import type { EventCatalog } from '../events.js';
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
    const viewer = await access.allows(presentedToken(req), 'viewer');
    const visible = events.list().filter((e) => viewer || e.config.visibility === 'public');
    res.json(
      await Promise.all(
        visible.map(async (e) => ({
          ...e.public,
          lastPublishedAt: await store.lastPublishedAt(e.config.slug),
        })),
      ),
    );
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
    const days = await store.countDays(event.config.slug, filter);
    res.json(days.map((d): DayCount => ({ ...d, date: dateOfDay(d.day, event.config) })));
  });

  return router;
}
