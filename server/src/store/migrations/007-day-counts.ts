import { sql, type Kysely } from 'kysely';

interface Tables {
  updates: { id: string; event: string; day: number; status: string };
  update_topics: { update_id: string; topic: string };
  day_counts: { event: string; day: number; topic: string; count: number };
}

/**
 * Per-day counts kept as writes happen, so `GET /days` (asked on every page load) reads a few rows
 * instead of grouping every update of the event. Topic '' holds each day's total. And an index for
 * the key-events strip (`pinned=true`, also every page load), which otherwise walks the whole event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('day_counts')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('day_counts_pk', ['event', 'day', 'topic'])
    .execute();
  await db.schema
    .createIndex('updates_event_pinned_published')
    .on('updates')
    .columns(['event', 'pinned', 'published_at', 'id'])
    .execute();
  const k = db as unknown as Kysely<Tables>;
  await k
    .insertInto('day_counts')
    .columns(['event', 'day', 'topic', 'count'])
    .expression(
      k
        .selectFrom('updates')
        .select(['event', 'day', sql.lit('').as('topic'), (eb) => eb.fn.countAll<number>().as('count')])
        .where('status', '!=', 'retracted')
        .groupBy(['event', 'day']),
    )
    .execute();
  await k
    .insertInto('day_counts')
    .columns(['event', 'day', 'topic', 'count'])
    .expression(
      k
        .selectFrom('update_topics')
        .innerJoin('updates', 'updates.id', 'update_topics.update_id')
        .select([
          'updates.event',
          'updates.day',
          'update_topics.topic',
          (eb) => eb.fn.countAll<number>().as('count'),
        ])
        .where('updates.status', '!=', 'retracted')
        .groupBy(['updates.event', 'updates.day', 'update_topics.topic']),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_event_pinned_published').execute();
  await db.schema.dropTable('day_counts').execute();
}
