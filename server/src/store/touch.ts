import type { Transaction } from 'kysely';
import { appendChanges } from './change-log.js';
import type { Database, UpdateRow } from './tables.js';

/**
 * Gives updates a change of their own without a new version, in the caller's transaction: their
 * story changed (a report joined or left it, editors split or merged it), so readers get them again
 * with the story as it now is. `moves` puts some in another story on the way. Unknown ids are skipped.
 */
export async function touchUpdates(
  trx: Transaction<Database>,
  ids: readonly string[],
  at: string,
  origin: string,
  moves: ReadonlyMap<string, string> = new Map(),
): Promise<UpdateRow[]> {
  const rows: UpdateRow[] = [];
  for (const id of new Set(ids)) {
    const row = await trx.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
    if (row) rows.push(row);
  }
  if (rows.length === 0) return [];
  const appended = await appendChanges(
    trx,
    rows.map((row) => ({
      event: row.event,
      updateId: row.id,
      kind: row.status === 'retracted' ? 'retracted' : 'changed',
      at,
    })),
    origin,
  );
  const touched: UpdateRow[] = [];
  for (const [i, row] of rows.entries()) {
    const story = moves.get(row.id);
    touched.push(
      await trx
        .updateTable('updates')
        .set({
          cursor: (appended[i] as { cursor: number }).cursor,
          updated_at: at,
          ...(story ? { story_id: story } : {}),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return touched;
}
