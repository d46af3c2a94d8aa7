import type { Change, Update } from '@dayline/shared';
import type { Kysely } from 'kysely';
import { changeTime } from '../store/change-log.js';
import type { Database } from '../store/tables.js';
import { presentUpdates } from '../stories/queries.js';
import { hasAnyTopic } from '../topics/queries.js';

/**
 * Changes after `since`, oldest first, one per update (its latest state); at most `limit`.
 * `overlapMs` also returns updates changed up to that long before `since` was written, for
 * clients whose live messages may have arrived out of order across nodes.
 */
export async function changesSince(
  db: Kysely<Database>,
  event: string,
  since: number,
  options: { topics?: string[]; limit: number; overlapMs?: number },
): Promise<{ changes: Change[]; complete: boolean }> {
  const { topics, limit, overlapMs = 0 } = options;
  const sinceAt = overlapMs > 0 ? await changeTime(db, event, since) : undefined;
  const overlapFrom = sinceAt && new Date(new Date(sinceAt).getTime() - overlapMs).toISOString();
  let query = db
    .selectFrom('updates')
    .selectAll()
    .where('event', '=', event)
    .where((eb) =>
      overlapFrom
        ? eb.or([eb('cursor', '>', since), eb('updated_at', '>=', overlapFrom)])
        : eb('cursor', '>', since),
    );
  if (topics?.length) query = query.where(hasAnyTopic(topics));
  const rows = await query
    .orderBy('cursor')
    .limit(limit + 1)
    .execute();
  const presented = await presentUpdates(db, rows.slice(0, limit));
  const changes: Change[] = rows.slice(0, limit).map((row, i) => {
    const update = presented[i] as Update;
    const kind =
      update.status === 'retracted'
        ? 'retracted'
        : Number(row.first_cursor ?? row.created_cursor) > since
          ? 'new'
          : 'changed';
    return { kind, cursor: update.cursor, update };
  });
  return { changes, complete: rows.length <= limit };
}
