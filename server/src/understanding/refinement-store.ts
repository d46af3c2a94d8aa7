import type { TopicReasons } from '@dayline/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** What the refinement reads of an update waiting for the model: its text and its rules' topics. */
export interface UnrefinedUpdate {
  id: string;
  title: string;
  summary: string;
  source: string | null;
  topics: string[];
  topicReasons: TopicReasons;
  createdCursor: number;
}

/**
 * Which updates' topics a trained model has decided (`updates.topics_model`, the model's version):
 * the bookkeeping of the background refinement (refiner.ts). Marking is not a change of the update
 * (no version, nothing published): the topics themselves change only through the commit step.
 */
export class RefinementStore {
  constructor(private readonly db: Kysely<Database>) {}

  #waiting(event: string, version: string) {
    return this.db
      .selectFrom('updates')
      .where('event', '=', event)
      .where('status', '<>', 'retracted')
      .where((eb) => eb.or([eb('topics_model', 'is', null), eb('topics_model', '<>', version)]));
  }

  /** Updates of `event` not yet decided by model `version`, oldest first, after `afterCursor`. */
  async waiting(
    event: string,
    version: string,
    afterCursor: number,
    limit: number,
  ): Promise<UnrefinedUpdate[]> {
    const rows = await this.#waiting(event, version)
      .where('created_cursor', '>', afterCursor)
      .select(['id', 'title', 'summary', 'source_name', 'topics', 'topic_reasons', 'created_cursor'])
      .orderBy('created_cursor')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      source: row.source_name,
      topics: JSON.parse(row.topics) as string[],
      topicReasons: JSON.parse(row.topic_reasons) as TopicReasons,
      createdCursor: Number(row.created_cursor),
    }));
  }

  /** How many updates of `event` model `version` has not decided yet. */
  async countWaiting(event: string, version: string): Promise<number> {
    const row = await this.#waiting(event, version)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Records that model `version` decided these updates' topics. */
  async mark(ids: readonly string[], version: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 300) {
      await this.db
        .updateTable('updates')
        .set({ topics_model: version })
        .where('id', 'in', ids.slice(i, i + 300))
        .execute();
    }
  }

  /** Every update of `event` waits for the model again (the rules changed: retag). */
  async reset(event: string): Promise<void> {
    await this.db.updateTable('updates').set({ topics_model: null }).where('event', '=', event).execute();
  }
}
