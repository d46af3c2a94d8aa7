import type { Kysely } from 'kysely';
import { recountDays } from '../days/day-counts.js';
import type { EventClockRow } from '../store/store.js';
import type { Database } from '../store/tables.js';

/** Records each event's clock; recomputes stored days when an event's start or zone changed. */
export async function syncEvents(
  db: Kysely<Database>,
  events: EventClockRow[],
  dayOf: (publishedAt: string, event: EventClockRow) => number,
): Promise<void> {
  for (const event of events) {
    await db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('events')
        .selectAll()
        .where('slug', '=', event.slug)
        .executeTakeFirst();
      if (known && known.start_date === event.startDate && known.time_zone === event.timeZone) return;
      const row = { slug: event.slug, start_date: event.startDate, time_zone: event.timeZone };
      if (known) await trx.updateTable('events').set(row).where('slug', '=', event.slug).execute();
      else {
        // An event back in the config after a while away goes on from its stored cursors.
        const { head } = await trx
          .selectFrom('updates')
          .select((eb) => eb.fn.max('cursor').as('head'))
          .where('event', '=', event.slug)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('events')
          .values({ ...row, head_cursor: Number(head ?? 0) })
          .execute();
      }
      // The event's clock changed: every stored day number of it is stale.
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
    });
  }
}
