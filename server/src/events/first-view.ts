import {
  firstViewQuerySchema,
  keyEventLimit,
  knownTopics,
  liveliest,
  pageStart,
  type EventView,
  type FirstView,
  type FirstViewQuery,
} from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import type { EventCatalog, EventRuntime } from './catalog.js';
import type { Store } from '../store/store.js';
import { datedDays } from '../days/routes.js';
import { visibleEvents } from './routes.js';
import { parseInput } from '../validate.js';

interface Deps {
  store: Store;
  events: EventCatalog;
  access: Access;
}

/**
 * GET /api/first-view: everything the timeline's first render needs in one request (docs/api.md),
 * so a reader on a slow link waits for one round trip instead of five. Later views use the
 * separate endpoints; each part here is exactly what its own endpoint answers.
 */
export function firstViewHandler(deps: Deps): RequestHandler {
  return async (req, res) => {
    res.json(await readFirstView(deps, req, parseInput(firstViewQuerySchema, req.query)));
  };
}

/** The first view of what `req` may see: also rendered into the reader's page (http/reader-page.ts). */
export async function readFirstView(deps: Deps, req: Request, query: FirstViewQuery): Promise<FirstView> {
  const visible = await visibleEvents(deps, req);
  const events = visible.map((e) => e.event);
  // A private event without a viewer token is simply not there, exactly as on its own endpoints.
  const chosen = query.event === undefined ? liveliest(events) : events.find((e) => e.slug === query.event);
  const runtime = chosen && visible.find((e) => e.event === chosen)?.runtime;
  return { events, view: runtime ? await eventView(deps.store, runtime, query) : null };
}

async function eventView(store: Store, event: EventRuntime, query: FirstViewQuery): Promise<EventView> {
  const slug = event.config.slug;
  // First, so a change made while the rest is read is replayed to a subscriber from this cursor
  // (seen twice at worst, which readers merge by id and cursor), never lost between.
  const cursor = await store.headCursor(slug);
  const topics = knownTopics(query.topics ?? [], event.config.topics);
  const { q, source } = query;

  const found = query.update === undefined ? undefined : await store.getUpdate(query.update);
  const target = found?.event === slug ? found : null;
  const from = pageStart({ day: query.day, update: target ?? undefined }, event.config);

  const dated = (days: Awaited<ReturnType<Store['countDays']>>) => datedDays(days, event.config);
  const [page, days, filteredDays, keyEvents, sticky] = await Promise.all([
    store.listUpdates(slug, {
      topics,
      q,
      source,
      from,
      before: query.before,
      limit: query.limit,
    }),
    store.countDays(slug, { topics: [], q, source }).then(dated),
    topics.length > 0 ? store.countDays(slug, { topics, q, source }).then(dated) : null,
    store.listUpdates(slug, { pinned: true, limit: keyEventLimit }),
    store.listUpdates(slug, { sticky: true, limit: 1 }),
  ]);
  return {
    event: slug,
    cursor,
    topics,
    target,
    page,
    days,
    filteredDays,
    keyEvents: keyEvents.items,
    sticky: sticky.items[0] ?? null,
  };
}
