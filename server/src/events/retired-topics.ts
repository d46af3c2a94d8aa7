import { topicRulesSchema, topicSchema, type Topic, type TopicRules } from '@dayline/shared';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { EventsTable } from '../store/tables.js';

const storedTopicsSchema = z.array(topicRulesSchema);
const retiredTopicsSchema = z.array(topicSchema);

type TopicsColumns = Pick<Selectable<EventsTable>, 'topics' | 'retired_topics'>;

/** An event row's topics, parsed again so a row written by an older version gets today's defaults. */
export function storedTopics(row: TopicsColumns): TopicRules[] {
  return storedTopicsSchema.parse(JSON.parse(row.topics ?? '[]')) as TopicRules[];
}

/** An event row's retired topics (none for a row written before there were any). */
export function storedRetiredTopics(row: TopicsColumns): Topic[] {
  return retiredTopicsSchema.parse(JSON.parse(row.retired_topics ?? '[]'));
}

/**
 * The retired topics after a change from `before` to `after`: a topic that went keeps the label and
 * colour it had last (replacing an older retirement of the same id), one that is back leaves.
 */
export function retiredAfter(
  retired: readonly Topic[],
  before: readonly Topic[],
  after: readonly Topic[],
): Topic[] {
  const kept = new Set(after.map((t) => t.id));
  const went = before.filter((t) => !kept.has(t.id)).map(({ id, label, color }) => ({ id, label, color }));
  const wentIds = new Set(went.map((t) => t.id));
  return [...retired.filter((t) => !kept.has(t.id) && !wentIds.has(t.id)), ...went];
}

/**
 * The one rule for an event whose topics become `after`, whoever defines it (a console save, or the
 * config file synced at start): the row's topic columns to write, and the retired topics they hold.
 * A topic the stored row had and `after` lacks is retired with its last label; one back is not.
 */
export function topicsChange(
  row: TopicsColumns | undefined,
  after: readonly TopicRules[],
): { columns: TopicsColumns; retiredTopics: Topic[] } {
  const retiredTopics = row ? retiredAfter(storedRetiredTopics(row), storedTopics(row), after) : [];
  return {
    columns: { topics: JSON.stringify(after), retired_topics: JSON.stringify(retiredTopics) },
    retiredTopics,
  };
}
