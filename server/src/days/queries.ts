import type { Kysely } from 'kysely';
import { matchText } from '../store/full-text.js';
import type { ListFilter } from '../store/store.js';
import type { Database } from '../store/tables.js';
import { hasAnyTopic } from '../topics/queries.js';
import { dayTotal } from './day-counts.js';

/** Live updates per day of an event, overall and per topic, newest day first. */
export async function countDays(
  db: Kysely<Database>,
  event: string,
  filter: Pick<ListFilter, 'topics' | 'q' | 'source'>,
) {
  const { topics, q, source } = filter;
  // Several topics need distinct updates (one may carry two), which the kept counts cannot give.
  if (!q && !source && (topics?.length ?? 0) <= 1) return keptDayCounts(db, event, topics?.[0]);
  let totals = db
    .selectFrom('updates')
    .select(['day', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('event', '=', event)
    .where('status', '!=', 'retracted');
  if (topics?.length) totals = totals.where(hasAnyTopic(topics));
  if (source) totals = totals.where('source_name', '=', source);
  if (q) totals = totals.where(matchText(db, q));
  let perTopic = db
    .selectFrom('update_topics')
    .innerJoin('updates', 'updates.id', 'update_topics.update_id')
    .select(['updates.day', 'update_topics.topic', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('update_topics.event', '=', event)
    .where('updates.status', '!=', 'retracted');
  if (topics?.length) perTopic = perTopic.where('update_topics.topic', 'in', topics);
  if (source) perTopic = perTopic.where('updates.source_name', '=', source);
  if (q) perTopic = perTopic.where(matchText(db, q));

  const [dayRows, topicRows] = await Promise.all([
    totals.groupBy('day').orderBy('day', 'desc').execute(),
    perTopic.groupBy(['updates.day', 'update_topics.topic']).execute(),
  ]);
  const days = dayRows.map((r) => ({
    day: Number(r.day),
    count: Number(r.count),
    topics: {} as Record<string, number>,
  }));
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const r of topicRows) {
    const day = byDay.get(Number(r.day));
    if (day) day.topics[r.topic] = Number(r.count);
  }
  return days;
}

/** Day counts from `day_counts`: all of them, or one topic's (which is then also the total). */
async function keptDayCounts(db: Kysely<Database>, event: string, topic?: string) {
  const rows = await db
    .selectFrom('day_counts')
    .select(['day', 'topic', 'count'])
    .where('event', '=', event)
    .where('count', '>', 0)
    .$if(topic !== undefined, (q) => q.where('topic', '=', topic as string))
    .orderBy('day', 'desc')
    .execute();
  const days: { day: number; count: number; topics: Record<string, number> }[] = [];
  const byDay = new Map<number, (typeof days)[number]>();
  for (const r of rows) {
    const number = Number(r.day);
    let day = byDay.get(number);
    if (!day) {
      day = { day: number, count: 0, topics: {} };
      byDay.set(number, day);
      days.push(day);
    }
    if (r.topic === dayTotal || topic !== undefined) day.count = Number(r.count);
    if (r.topic !== dayTotal) day.topics[r.topic] = Number(r.count);
  }
  // A day with topic counts but no live update cannot happen; a zero total is left out all the same.
  return days.filter((d) => d.count > 0);
}
