import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/tables.js';

export const topicVerdicts = ['added', 'confirmed', 'removed'] as const;
export const storyVerdicts = ['same', 'different'] as const;
export type TopicVerdict = (typeof topicVerdicts)[number];
export type StoryVerdict = (typeof storyVerdicts)[number];

/**
 * One editor's decision: on a topic of an update (added, confirmed or removed), or on two updates
 * being one story (same: a merge) or not (different: a split). Stored in the transaction of the
 * write that carries it out, never on its own.
 */
export type EditorDecision = { event: string; at: string; actor: string; updateId: string } & (
  { topic: string; verdict: TopicVerdict } | { otherId: string; verdict: StoryVerdict }
);

/** The latest decision on one topic of one update. */
export interface TopicDecision {
  topic: string;
  verdict: TopicVerdict;
  actor: string;
  at: string;
}

/** Appends decisions inside the caller's transaction. */
export async function recordDecisions(
  trx: Transaction<Database>,
  decisions: readonly EditorDecision[],
): Promise<void> {
  // Chunks keep each statement under the databases' parameter limits (a big story's pairs).
  for (let i = 0; i < decisions.length; i += 100) {
    await trx
      .insertInto('editor_decisions')
      .values(
        decisions.slice(i, i + 100).map((d) => ({
          event: d.event,
          at: d.at,
          actor: d.actor,
          update_id: d.updateId,
          topic: 'topic' in d ? d.topic : null,
          other_id: 'otherId' in d ? d.otherId : null,
          verdict: d.verdict,
        })),
      )
      .execute();
  }
}

/** Editors' decisions, read: what outranks the rules on retag, and the labels export. */
export class DecisionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Per update, the latest decision on each topic an editor decided on (updates without any are absent). */
  async topicDecisions(updateIds: readonly string[]): Promise<Map<string, TopicDecision[]>> {
    const out = new Map<string, TopicDecision[]>();
    for (let i = 0; i < updateIds.length; i += 200) {
      const rows = await this.db
        .selectFrom('editor_decisions')
        .select(['update_id', 'topic', 'verdict', 'actor', 'at'])
        .where('update_id', 'in', updateIds.slice(i, i + 200))
        .where('topic', 'is not', null)
        .orderBy('id')
        .execute();
      const latest = new Map<string, Map<string, TopicDecision>>();
      for (const row of rows) {
        const byTopic = latest.get(row.update_id) ?? new Map<string, TopicDecision>();
        const topic = row.topic as string;
        byTopic.set(topic, { topic, verdict: row.verdict as TopicVerdict, actor: row.actor, at: row.at });
        latest.set(row.update_id, byTopic);
      }
      for (const [id, byTopic] of latest) out.set(id, [...byTopic.values()]);
    }
    return out;
  }

  /** Every decision on the event's updates, oldest first. */
  async list(event: string): Promise<EditorDecision[]> {
    const rows = await this.db
      .selectFrom('editor_decisions')
      .selectAll()
      .where('event', '=', event)
      .orderBy('id')
      .execute();
    return rows.map((row) => {
      const base = { event: row.event, at: row.at, actor: row.actor, updateId: row.update_id };
      return row.topic !== null
        ? { ...base, topic: row.topic, verdict: row.verdict as TopicVerdict }
        : { ...base, otherId: row.other_id ?? '', verdict: row.verdict as StoryVerdict };
    });
  }
}
