import {
  endOfDay,
  firstViewQuerySchema,
  keyEventLimit,
  type Event,
  type EventView,
  type FirstView,
  type FirstViewQuery,
} from '@dayline/shared';
import type { RequestHandler } from 'express';
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
    const query = parseInput(firstViewQuerySchema, req.query);
    const visible = await visibleEvents(deps, req);
    const events = visible.map((e) => e.event);
    // A private event without a viewer token is simply not there, exactly as on its own endpoints.
    const chosen = query.event === undefined ? liveliest(events) : events.find((e) => e.slug === query.event);
    const runtime = chosen && visible.find((e) => e.event === chosen)?.runtime;
    const body: FirstView = { events, view: runtime ? await eventView(deps.store, runtime, query) : null };
    res.json(body);
  };
}

/** The event with the newest update; events without any come after those with some. */
function liveliest(events: readonly Event[]): Event | undefined {
  let best: Event | undefined;
  for (const event of events) {
    if (!best || (event.lastPublishedAt ?? '') > (best.lastPublishedAt ?? '')) best = event;
  }
  return best;
}

async function eventView(store: Store, event: EventRuntime, query: FirstViewQuery): Promise<EventView> {
  const slug = event.config.slug;
  // First, so a change made while the rest is read is replayed to a subscriber from this cursor
  // (seen twice at worst, which readers merge by id and cursor), never lost between.
  const cursor = await store.headCursor(slug);
  // Unknown topics are dropped rather than refused: the link may be older than the topic list.
  const asked = new Set(query.topics ?? []);
  const topics = event.config.topics.map((t) => t.id).filter((id) => asked.has(id));
  const { q, source } = query;

  let from: string | undefined;
  let target: EventView['target'] = null;
  if (query.day !== undefined) from = endOfDay(query.day, event.config);
  if (query.update !== undefined) {
    const update = await store.getUpdate(query.update);
    if (update?.event === slug) {
      target = update;
      from = update.publishedAt;
    }
  }

  const dated = (days: Awaited<ReturnType<Store['countDays']>>) => datedDays(days, event.config);
  const [page, days, filteredDays, keyEvents] = await Promise.all([
    store.listUpdates(slug, {
      topics,
      q,
      source,
      from,
      limit: query.limit,
    }),
    store.countDays(slug, { topics: [], q, source }).then(dated),
    topics.length > 0 ? store.countDays(slug, { topics, q, source }).then(dated) : null,
    store.listUpdates(slug, { pinned: true, limit: keyEventLimit }),
  ]);
  return { event: slug, cursor, topics, target, page, days, filteredDays, keyEvents: keyEvents.items };
}
