import { endOfDay, type EventClock } from './day.js';
import type { Event, Update } from './schemas.js';

/**
 * How a view of an event is chosen and where its first page starts: the rules the server's
 * GET /api/first-view applies and the client relies on when it reads that answer, written once.
 */

/** The id of the data block that carries the first view in a reader's page (server-rendered). */
export const firstViewElementId = 'dayline-first-view';

/** How many updates a page of the reader's timeline holds (the server renders the first one). */
export const timelinePageSize = 50;

/** The event `/` opens: the one with the newest update; events without any come after those with some. */
export function liveliest<E extends Pick<Event, 'lastPublishedAt'>>(events: readonly E[]): E | undefined {
  let best: E | undefined;
  for (const event of events) {
    if (!best || (event.lastPublishedAt ?? '') > (best.lastPublishedAt ?? '')) best = event;
  }
  return best;
}

/**
 * The topics of a filter that the event knows, in the event's own order, so equal selections give
 * equal addresses. Unknown ones are dropped, not refused: a shared link may be older than the topics.
 */
export function knownTopics(selected: readonly string[], eventTopics: readonly { id: string }[]): string[] {
  return eventTopics.map((t) => t.id).filter((id) => selected.includes(id));
}

/**
 * The instant a view's first page starts at: the end of a day permalink's day, or a permalinked
 * update's own time (when it exists in the event); undefined for the newest.
 */
export function pageStart(
  permalink: { day?: number | undefined; update?: Update | undefined },
  event: EventClock,
): string | undefined {
  if (permalink.update) return permalink.update.publishedAt;
  if (permalink.day !== undefined) return endOfDay(permalink.day, event);
  return undefined;
}
