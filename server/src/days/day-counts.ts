import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/tables.js';

/** The `topic` of a day's total row in `day_counts` (topic ids are never empty). */
export const dayTotal = '';

/** The fields of an update that decide what it adds to the per-day counts. */
export interface Counted {
  event: string;
  day: number;
  status: string;
  /** JSON array of topic ids, as stored. */
  topics: string;
}

/**
 * Changes to `day_counts` gathered over a transaction and written in one statement: an update that
 * is not retracted counts once in its day's total and once per topic, like `GET /days` counts it.
 */
export class DayCountChanges {
  readonly #deltas = new Map<string, { event: string; day: number; topic: string; count: number }>();

  add(update: Counted, sign: 1 | -1): void {
    if (update.status === 'retracted') return;
    const day = Number(update.day);
    for (const topic of [dayTotal, ...new Set(JSON.parse(update.topics) as string[])]) {
      const key = JSON.stringify([update.event, day, topic]);
      const delta = this.#deltas.get(key) ?? { event: update.event, day, topic, count: 0 };
      delta.count += sign;
      this.#deltas.set(key, delta);
    }
  }

  /** `before` → `after` of one update (either may be missing: created, or gone). */
  replace(before: Counted | undefined, after: Counted | undefined): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  async apply(trx: Transaction<Database>): Promise<void> {
    const rows = [...this.#deltas.values()].filter((d) => d.count !== 0);
    this.#deltas.clear();
    if (rows.length === 0) return;
    await trx
      .insertInto('day_counts')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['event', 'day', 'topic'])
          .doUpdateSet((eb) => ({ count: eb('day_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/** Counts an event's days afresh from its updates (after its stored days were recomputed). */
export async function recountDays(
  db: Kysely<Database> | Transaction<Database>,
  event: string,
): Promise<void> {
  await db.deleteFrom('day_counts').where('event', '=', event).execute();
  await db
    .insertInto('day_counts')
    .columns(['event', 'day', 'topic', 'count'])
    .expression(
      db
        .selectFrom('updates')
        .select(['event', 'day', sql.lit(dayTotal).as('topic'), (eb) => eb.fn.countAll<number>().as('count')])
        .where('event', '=', event)
        .where('status', '!=', 'retracted')
        .groupBy(['event', 'day']),
    )
    .execute();
  await db
    .insertInto('day_counts')
    .columns(['event', 'day', 'topic', 'count'])
    .expression(
      db
        .selectFrom('update_topics')
        .innerJoin('updates', 'updates.id', 'update_topics.update_id')
        .select([
          'updates.event',
          'updates.day',
          'update_topics.topic',
          (eb) => eb.fn.countAll<number>().as('count'),
        ])
        .where('updates.event', '=', event)
        .where('updates.status', '!=', 'retracted')
        .groupBy(['updates.event', 'updates.day', 'update_topics.topic']),
    )
    .execute();
}
