import type { Topic } from '@dayline/shared';
import type { Kysely, Transaction } from 'kysely';
import { recountDays } from '../days/day-counts.js';
import type { EventClockRow, FileEventRow } from '../store/store.js';
import type { Database } from '../store/tables.js';
import { storedRetiredTopics, topicsChange } from './retired-topics.js';

export type DayOf = (publishedAt: string, event: EventClockRow) => number;

/**
 * Records the clock of each event of the config file; recomputes stored days when an event's start
 * or zone changed. A console event of the same slug becomes the file's: the file wins. With its
 * topics, records them too, and retires a topic the stored definition had that the file no longer
 * has (the console's rule, `topicsChange`). Answers each event's retired topics, by slug.
 */
export async function syncEvents(
  db: Kysely<Database>,
  events: readonly FileEventRow[],
  dayOf: DayOf,
): Promise<Map<string, Topic[]>> {
  const retired = new Map<string, Topic[]>();
  for (const event of events) {
    await db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('events')
        .selectAll()
        .where('slug', '=', event.slug)
        .executeTakeFirst();
      const topics = event.topics && topicsChange(known, event.topics);
      retired.set(event.slug, topics?.retiredTopics ?? (known ? storedRetiredTopics(known) : []));
      const sameClock =
        known?.start_date === event.startDate &&
        known.time_zone === event.timeZone &&
        known.origin === 'file';
      if (sameClock && (!topics || topics.columns.topics === known.topics)) return;
      const row = {
        slug: event.slug,
        start_date: event.startDate,
        time_zone: event.timeZone,
        origin: 'file',
        ...topics?.columns,
      };
      if (known) await trx.updateTable('events').set(row).where('slug', '=', event.slug).execute();
      else
        await trx
          .insertInto('events')
          .values({ ...row, head_cursor: await storedHead(trx, event.slug) })
          .execute();
      if (!sameClock) await recomputeDays(trx, event, dayOf);
    });
  }
  return retired;
}

/** An event back after a while away (from the file, or made again in the console) goes on from its stored cursors. */
export async function storedHead(trx: Transaction<Database>, slug: string): Promise<number> {
  const { head } = await trx
    .selectFrom('updates')
    .select((eb) => eb.fn.max('cursor').as('head'))
    .where('event', '=', slug)
    .executeTakeFirstOrThrow();
  return Number(head ?? 0);
}

/** The event's clock changed: every stored day number of it may be stale. */
export async function recomputeDays(
  trx: Transaction<Database>,
  event: EventClockRow,
  dayOf: DayOf,
): Promise<void> {
  const stored = await trx
    .selectFrom('updates')
    .select(['id', 'published_at', 'day'])
    .where('event', '=', event.slug)
    .execute();
  let moved = false;
  for (const update of stored) {
    const day = dayOf(update.published_at, event);
    if (day === Number(update.day)) continue;
    await trx.updateTable('updates').set({ day }).where('id', '=', update.id).execute();
    moved = true;
  }
  if (moved) await recountDays(trx, event.slug);
}
