import { auditInsert, type InsertAudit } from '../accounts/audit.js';
import type { Kysely, Transaction } from 'kysely';
import { TimeSlices } from '../time-slices.js';
import { appendChanges, lockChangeLog } from '../store/change-log.js';
import { touchUpdates } from '../store/touch.js';
import { DayCountChanges } from '../days/day-counts.js';
import { storyOf, newUpdateRow, rowToUpdate, snapshot } from '../store/rows.js';
import type { DedupKeys, NewUpdate } from '../store/store.js';
import type { Database, UpdateRow } from '../store/tables.js';

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's limits on bound parameters. */
const rowsPerStatement = 100;

function* chunks<T>(items: readonly T[], size = rowsPerStatement): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The dedup keys an update is known by: two updates of one event sharing any of them are one item. */
function keysOf(update: {
  event: string;
  contentKey: string;
  externalId?: string | null;
  urlKey?: string | null;
}): string[] {
  return [
    `${update.event}\0c\0${update.contentKey}`,
    ...(update.externalId ? [`${update.event}\0x\0${update.externalId}`] : []),
    ...(update.urlKey ? [`${update.event}\0u\0${update.urlKey}`] : []),
  ];
}

const rowKeys = (row: UpdateRow) =>
  keysOf({ event: row.event, contentKey: row.content_key, externalId: row.external_id, urlKey: row.url_key });

/**
 * Stored updates sharing a dedup key with any of `updates`: one look-up per kind of key, so each
 * uses its own unique index (an OR across the three makes SQLite scan the event's updates).
 */
async function findStored(
  db: Kysely<Database> | Transaction<Database>,
  updates: readonly DedupKeys[],
  slices = new TimeSlices(),
): Promise<UpdateRow[]> {
  const found = new Map<string, UpdateRow>();
  const keyColumns = [
    ['content_key', (u: DedupKeys) => u.contentKey],
    ['external_id', (u: DedupKeys) => u.externalId],
    ['url_key', (u: DedupKeys) => u.urlKey],
  ] as const;
  for (const event of new Set(updates.map((u) => u.event))) {
    for (const [column, keyOf] of keyColumns) {
      const keys = [...new Set(updates.filter((u) => u.event === event).flatMap((u) => keyOf(u) ?? []))];
      for (const some of chunks(keys, 300)) {
        const rows = await db
          .selectFrom('updates')
          .selectAll()
          .where('event', '=', event)
          .where(column, 'in', some)
          .execute();
        for (const row of rows) found.set(row.id, row);
        await slices.pause();
      }
    }
  }
  return [...found.values()];
}

/** Whatever holds a dedup key: a stored update, or an item of the list being placed. */
interface Held {
  /** Stored updates by `created_cursor`; the list's items after them, in list order. */
  order: number;
}

/**
 * The one dedup rule, for the look-up before anything is decided and for the insert alike: the
 * stored updates hold their keys (the oldest holder of a key wins), then the items in order. An
 * item sharing a key with any holder is a copy of the oldest of them; else it holds its own keys.
 * `hold` makes each holder; `copied` hears of each copy, in order, before later items are placed.
 */
function place<U extends DedupKeys, H extends Held>(
  stored: readonly UpdateRow[],
  items: readonly U[],
  hold: { stored(row: UpdateRow, order: number): H; item(item: U, order: number, index: number): H },
  copied: (item: U) => void = () => undefined,
): { holder: H; created: boolean }[] {
  const holders = new Map<string, H>();
  for (const row of stored) {
    const holder = hold.stored(row, Number(row.created_cursor));
    for (const key of rowKeys(row)) {
      const known = holders.get(key);
      if (!known || known.order > holder.order) holders.set(key, holder);
    }
  }
  return items.map((item, index) => {
    const keys = keysOf(item);
    const copyOf = keys
      .map((key) => holders.get(key))
      .reduce<H | undefined>((a, b) => (b && (!a || b.order < a.order) ? b : a), undefined);
    if (copyOf) {
      copied(item);
      return { holder: copyOf, created: false };
    }
    const holder = hold.item(item, Number.MAX_SAFE_INTEGER - items.length + index, index);
    for (const key of keys) holders.set(key, holder);
    return { holder, created: true };
  });
}

/**
 * What each item of a batch is a copy of, before anything is decided about it: a stored update
 * (its row), an earlier item of the batch (its index), or nothing (it is new). The insert checks
 * again in its transaction, by the same rule, for a writer that stores a copy in between.
 */
export async function findCopies(
  db: Kysely<Database>,
  updates: readonly DedupKeys[],
): Promise<({ stored: UpdateRow } | { earlier: number } | undefined)[]> {
  const placed = place<DedupKeys, Held & { row?: UpdateRow; index?: number }>(
    await findStored(db, updates),
    updates,
    { stored: (row, order) => ({ order, row }), item: (_, order, index) => ({ order, index }) },
  );
  return placed.map(({ holder, created }) => {
    if (created) return undefined;
    return holder.row ? { stored: holder.row } : { earlier: holder.index as number };
  });
}

/** Where an item of a batch ends up: an update stored before, or one this batch creates. */
interface Holder extends Held {
  storyId: string;
  row?: UpdateRow;
  fresh?: NewUpdate;
}

/**
 * Stores a batch in the caller's transaction with one statement per table, exactly as storing the
 * items one after another would: an item whose dedup key is taken (by a stored update or an earlier
 * item of the batch) is not stored and gets the oldest holder of any of its keys. Change-log cursors
 * follow the batch order. Items clustered under an item that turned out to be a copy (so is not
 * stored) form a story of their own, headed by the first of them, as they would one by one.
 */
export async function insertUpdates(
  trx: Transaction<Database>,
  updates: readonly NewUpdate[],
  origin: string,
  audit?: InsertAudit,
): Promise<{ stored: { row: UpdateRow; created: boolean }[]; grown: UpdateRow[] }> {
  await lockChangeLog(trx);
  // Readers go on between the statements (on SQLite's reading connection; see read-write-sqlite.ts).
  const slices = new TimeSlices();
  const notStored = new Set<string>();
  const redirected = new Map<string, string>();
  const fresh: NewUpdate[] = [];
  const placed = place<NewUpdate, Holder>(
    await findStored(trx, updates, slices),
    updates,
    {
      stored: (row, order) => ({ order, storyId: storyOf(row), row }),
      item: (update, order) => {
        let storyId = redirected.get(update.storyId) ?? update.storyId;
        if (notStored.has(storyId)) {
          // Its story was started by an item that is not stored: it starts the story instead.
          redirected.set(storyId, update.id);
          storyId = update.id;
        }
        const holder: Holder = { order, storyId, fresh: { ...update, storyId } };
        fresh.push(holder.fresh as NewUpdate);
        return holder;
      },
    },
    (update) => notStored.add(update.id),
  );

  const appended = await appendChanges(
    trx,
    fresh.map((u) => ({ event: u.event, updateId: u.id, kind: 'new', at: u.at })),
    origin,
  );
  const rows = new Map(
    fresh.map((u, i) => [u.id, newUpdateRow(u, appended[i] as { cursor: number; seq: number })]),
  );
  const stored = [...rows.values()];
  for (const some of chunks(stored)) {
    await trx.insertInto('updates').values(some).execute();
    await slices.pause();
  }
  const topics = stored.flatMap((row) =>
    [...new Set(JSON.parse(row.topics) as string[])].map((topic) => ({
      update_id: row.id,
      event: row.event,
      topic,
    })),
  );
  for (const some of chunks(topics, 300)) {
    await trx.insertInto('update_topics').values(some).execute();
    await slices.pause();
  }
  const versions = stored.map((row) => ({
    update_id: row.id,
    version: 1,
    kind: 'created',
    at: row.ingested_at,
    content: JSON.stringify(snapshot(rowToUpdate(row))),
    note: null,
  }));
  for (const some of chunks(versions)) {
    await trx.insertInto('update_versions').values(some).execute();
    await slices.pause();
  }
  const counts = new DayCountChanges();
  for (const row of stored) counts.add(row, 1);
  await counts.apply(trx);
  if (audit)
    await auditInsert(
      trx,
      audit,
      stored.map((row) => row.id),
    );

  return {
    stored: placed.map(({ holder, created }) => ({
      row: holder.row ?? (rows.get(holder.fresh?.id ?? '') as UpdateRow),
      created,
    })),
    // The stored reports that stories grown by this batch are named after: a reader filtered away
    // from the new report still sees the story's count move on its first report.
    grown: await touchUpdates(
      trx,
      [...new Set(stored.map(storyOf))].filter((id) => !rows.has(id)),
      updates[0]?.at ?? '',
      origin,
    ),
  };
}

/** What one insert committed, as rows: each item's holder and whether it was created; grown stories' first reports. */
export type InsertedRows = Awaited<ReturnType<typeof insertUpdates>>;

/** Runs insertUpdates in one transaction. */
export interface UpdateInserter {
  insert(updates: readonly NewUpdate[], origin: string, audit?: InsertAudit): Promise<InsertedRows>;
}

/** On the store's own connection. */
export function transactionInserter(db: Kysely<Database>): UpdateInserter {
  return {
    insert: (updates, origin, audit) =>
      db.transaction().execute((trx) => insertUpdates(trx, updates, origin, audit)),
  };
}
