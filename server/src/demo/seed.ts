import { eventDay, endOfDay, type EventClock, type UpdateInput } from '@dayline/shared';
import type { Clock } from '../clock.js';
import type { EventConfig } from '../events/event-config.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { UpdateService } from '../updates/service.js';
import { demoHistory, type DemoReport } from './history.js';
import { demoOutlets } from './outlets.js';

const minute = 60_000;
const dayMs = 24 * 60 * minute;

/** One report of the history as an update of the event, and what to do to it once it is stored. */
export interface DemoItem {
  input: UpdateInput;
  report: DemoReport;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/**
 * The history's reports placed on the event's days, up to `now`: day N's story at HH:MM is at that
 * time of the event's day N. Today's stories are squeezed into the part of today that has passed,
 * in the same order, so the demo reads as an event in progress whenever it is first loaded.
 */
export function demoItems(event: EventClock, now: Date): DemoItem[] {
  const today = eventDay(now, event);
  const items: DemoItem[] = [];
  for (const story of demoHistory) {
    const midnight = new Date(endOfDay(story.day - 1, event)).getTime() + 1;
    const [hours, minutes] = story.time.split(':').map(Number) as [number, number];
    story.reports.forEach((report, index) => {
      const offset = (hours * 60 + minutes + (report.after ?? 0)) * minute;
      const at =
        story.day === today
          ? midnight + Math.floor((Math.min(offset, dayMs - 1) / dayMs) * (now.getTime() - midnight))
          : midnight + offset;
      if (at > now.getTime()) return;
      const publishedAt = new Date(at).toISOString();
      const outlet = demoOutlets[report.outlet];
      items.push({
        input: {
          title: report.title,
          summary: report.summary,
          source: outlet,
          url: new URL(`${publishedAt.slice(0, 10)}/${slugify(report.title)}`, outlet.url).href,
          ...(report.author ? { author: report.author } : {}),
          publishedAt,
          ...(story.key && index === 0 ? { pinned: true } : {}),
          externalId: `demo-${story.day}-${story.time}-${index + 1}`,
        },
        report,
      });
    });
  }
  return items;
}

/**
 * Loads the demo history once, into an event that has none yet, through the same writes an
 * editor makes: one batch, then the sticky post and the correction as the PATCHes they are.
 */
export async function seedDemo(deps: {
  event: EventConfig;
  store: Store;
  updates: UpdateService;
  clock: Clock;
  logger: Logger;
}): Promise<void> {
  const { event, store, updates, clock, logger } = deps;
  if ((await store.countUpdates(event.slug)) > 0) return;
  const items = demoItems(event, clock.now());
  const results = await updates.ingestBatch(
    event.slug,
    items.map((item) => item.input),
  );
  const rejected = results.filter((r) => r.status === 'rejected');
  if (rejected.length) logger.warn({ rejected }, 'some demo updates were rejected');
  for (const [index, { report }] of items.entries()) {
    const id = results[index]?.id;
    if (!id) continue;
    if (report.sticky) await updates.correct(id, { sticky: true });
    if (report.correction)
      await updates.correct(id, {
        summary: report.correction.summary,
        correctionNote: report.correction.note,
      });
  }
  logger.info({ event: event.slug, count: results.length - rejected.length }, 'demo updates loaded');
}
