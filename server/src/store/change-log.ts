import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from './dialect.js';
import type { LoggedChange } from './store.js';
import type { Database } from './tables.js';

/** PostgreSQL advisory lock key that orders appends to the change log (any fixed number). */
const changeLogLock = 72_657_400;

/**
 * On PostgreSQL, writers take turns appending to the change log, so cursors commit in order and a
 * reader that saw cursor N has seen every change below it. SQLite has one writer already.
 */
export async function lockChangeLog(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${changeLogLock})`.execute(trx);
}

export interface ChangeEntry {
  event: string;
  updateId: string;
  kind: 'new' | 'changed' | 'retracted';
  at: string;
}

/**
 * Appends changes to the log in the caller's transaction, in the order given, and returns for each
 * its cursor within its event and its global seq. Each event counts its own cursors
 * (`events.head_cursor`), so the cursor a reader holds moves only with the event it reads.
 */
export async function appendChanges(
  trx: Transaction<Database>,
  entries: readonly ChangeEntry[],
  origin: string,
): Promise<{ cursor: number; seq: number }[]> {
  await lockChangeLog(trx);
  const perEvent = new Map<string, number>();
  for (const entry of entries) perEvent.set(entry.event, (perEvent.get(entry.event) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [event, count] of perEvent) {
    const row = await trx
      .updateTable('events')
      .set((eb) => ({ head_cursor: eb('head_cursor', '+', count) }))
      .where('slug', '=', event)
      .returning('head_cursor')
      .executeTakeFirst();
    if (!row) throw new Error(`Event "${event}" is not in the store`);
    next.set(event, Number(row.head_cursor) - count + 1);
  }
  const cursors = entries.map((entry) => {
    const cursor = next.get(entry.event) as number;
    next.set(entry.event, cursor + 1);
    return cursor;
  });
  const seqs = new Map<string, number>();
  const key = (event: string, cursor: number) => `${event}\0${cursor}`;
  for (let i = 0; i < entries.length; i += rowsPerStatement) {
    const appended = await trx
      .insertInto('changes')
      .values(
        entries.slice(i, i + rowsPerStatement).map((e, j) => ({
          event: e.event,
          update_id: e.updateId,
          kind: e.kind,
          at: e.at,
          cursor: cursors[i + j] as number,
          origin,
        })),
      )
      .returning(['seq', 'event', 'cursor'])
      .execute();
    for (const row of appended) seqs.set(key(row.event, Number(row.cursor)), Number(row.seq));
  }
  return entries.map((entry, i) => {
    const cursor = cursors[i] as number;
    return { cursor, seq: seqs.get(key(entry.event, cursor)) as number };
  });
}

/** Appends one change; returns its cursor within its event. */
export async function appendChange(
  trx: Transaction<Database>,
  entry: ChangeEntry,
  origin: string,
): Promise<number> {
  const [appended] = await appendChanges(trx, [entry], origin);
  return (appended as { cursor: number }).cursor;
}

/** Rows per multi-row insert: far below SQLite's and PostgreSQL's limits on bound parameters. */
const rowsPerStatement = 100;

/** The newest cursor of an event (0 before its first change). */
export async function headCursor(db: Kysely<Database>, event: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select('head_cursor')
    .where('slug', '=', event)
    .executeTakeFirst();
  return Number(row?.head_cursor ?? 0);
}

/** The newest seq of the change log (0 when empty). */
export async function lastChangeSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** Changes after `seq`, oldest first, at most `limit`. */
export async function changesAfterSeq(
  db: Kysely<Database>,
  seq: number,
  limit: number,
): Promise<LoggedChange[]> {
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'event', 'update_id', 'kind', 'cursor', 'origin'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    event: row.event,
    updateId: row.update_id,
    kind: row.kind as LoggedChange['kind'],
    cursor: Number(row.cursor ?? row.seq),
    origin: row.origin,
  }));
}

/** When the change at `cursor` of the event was written, if the log still holds it. */
export async function changeTime(
  db: Kysely<Database>,
  event: string,
  cursor: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('changes')
    .select('at')
    .where('event', '=', event)
    .where('cursor', '=', cursor)
    .executeTakeFirst();
  return row?.at;
}

/** The oldest cursor of the event that the change log still holds (0 when it holds none). */
export async function oldestCursor(db: Kysely<Database>, event: string): Promise<number> {
  const row = await db
    .selectFrom('changes')
    .select((eb) => eb.fn.min('cursor').as('oldest'))
    .where('event', '=', event)
    .executeTakeFirst();
  return Number(row?.oldest ?? 0);
}

/** Forgets changes older than `before`, always keeping each event's newest; returns how many went. */
export async function pruneChanges(db: Kysely<Database>, before: string): Promise<number> {
  // Each event keeps its newest change, so the log always says how far back it reaches.
  const result = await db
    .deleteFrom('changes')
    .where('at', '<', before)
    .where((eb) =>
      eb(
        'cursor',
        '<',
        eb.selectFrom('events').select('events.head_cursor').whereRef('events.slug', '=', 'changes.event'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
