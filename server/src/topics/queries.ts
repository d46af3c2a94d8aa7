import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../store/tables.js';

/** Updates carrying any of `topics` (the topic filter of the timeline, day counts and catch-up). */
export function hasAnyTopic(topics: string[]) {
  return (eb: ExpressionBuilder<Database, 'updates'>): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom('update_topics')
        .select(sql.lit(1).as('one'))
        .whereRef('update_topics.update_id', '=', 'updates.id')
        .where('update_topics.topic', 'in', topics),
    );
}

/** An update's topic rows, in the caller's transaction; `replace` drops the ones it had. */
export async function setTopics(
  trx: Transaction<Database>,
  updateId: string,
  event: string,
  topics: string[],
  replace = false,
): Promise<void> {
  if (replace) await trx.deleteFrom('update_topics').where('update_id', '=', updateId).execute();
  if (topics.length === 0) return;
  await trx
    .insertInto('update_topics')
    .values([...new Set(topics)].map((topic) => ({ update_id: updateId, event, topic })))
    .execute();
}
