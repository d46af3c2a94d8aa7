import { recordDecisions } from '../decisions/queries.js';
import { appendAudit, type AuditNote } from '../accounts/audit.js';
import type { Update, UpdateVersion, VersionKind } from '@dayline/shared';
import type { Kysely, Transaction } from 'kysely';
import { DayCountChanges } from '../days/day-counts.js';
import { appendChange, lockChangeLog } from '../store/change-log.js';
import { rowToUpdate, snapshot } from '../store/rows.js';
import {
  DuplicateKeyError,
  type Copy,
  type DedupKeys,
  type Mutation,
  type UpdateFields,
} from '../store/store.js';
import type { Database, UpdatesTable } from '../store/tables.js';
import { touchUpdates } from '../store/touch.js';
import { presentUpdates } from '../stories/queries.js';
import { setTopics } from '../topics/queries.js';
import { findCopies } from './insert-updates.js';

/** Camel-case fields to columns; only the keys present are set. */
function fieldsToColumns(fields: Partial<UpdateFields>): Partial<UpdatesTable> {
  const columns: Partial<UpdatesTable> = {};
  const set = <K extends keyof UpdatesTable>(key: K, value: UpdatesTable[K]) => {
    columns[key] = value;
  };
  if (fields.title !== undefined) set('title', fields.title);
  if (fields.summary !== undefined) set('summary', fields.summary);
  if (fields.url !== undefined) set('url', fields.url);
  if (fields.canonicalUrl !== undefined) set('canonical_url', fields.canonicalUrl);
  if (fields.urlKey !== undefined) set('url_key', fields.urlKey);
  if (fields.source !== undefined) {
    set('source_name', fields.source?.name ?? null);
    set('source_url', fields.source?.url ?? null);
  }
  if (fields.author !== undefined) set('author', fields.author);
  if (fields.publishedAt !== undefined) set('published_at', fields.publishedAt);
  if (fields.day !== undefined) set('day', fields.day);
  if (fields.topics !== undefined) set('topics', JSON.stringify(fields.topics));
  if (fields.topicReasons !== undefined) set('topic_reasons', JSON.stringify(fields.topicReasons));
  if (fields.contentKey !== undefined) set('content_key', fields.contentKey);
  if (fields.pinned !== undefined) set('pinned', fields.pinned ? 1 : 0);
  if (fields.sticky !== undefined) set('sticky', fields.sticky ? 1 : 0);
  if (fields.status !== undefined) set('status', fields.status);
  if (fields.correctedAt !== undefined) set('corrected_at', fields.correctedAt);
  if (fields.correctionNote !== undefined) set('correction_note', fields.correctionNote);
  if (fields.retractedAt !== undefined) set('retracted_at', fields.retractedAt);
  if (fields.retractionReason !== undefined) set('retraction_reason', fields.retractionReason);
  return columns;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Updates by id, as readers see them (missing ids are left out). */
export async function getUpdates(db: Kysely<Database>, ids: readonly string[]): Promise<Update[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('updates')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return presentUpdates(db, rows);
}

export async function getUpdate(db: Kysely<Database>, id: string): Promise<Update | undefined> {
  const row = await db.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await presentUpdates(db, [row]))[0];
}

/** What each item is a copy of (see findCopies), with stored copies as readers see them. */
export async function copiesOf(db: Kysely<Database>, updates: readonly DedupKeys[]): Promise<Copy[]> {
  const copies = await findCopies(db, updates);
  const rows = copies.flatMap((c) => (c && 'stored' in c ? [c.stored] : []));
  const presented = new Map((await presentUpdates(db, rows)).map((u) => [u.id, u]));
  return copies.map((c) => (c && 'stored' in c ? { stored: presented.get(c.stored.id) as Update } : c));
}

/**
 * Changes an update as `decide` says, given its current state, in one transaction with the next
 * change-log cursor. `decide` returning undefined leaves it as it is (no new version).
 */
export async function mutateUpdate(
  db: Kysely<Database>,
  id: string,
  decide: (current: Update) => Mutation | undefined,
  origin: string,
  audit?: AuditNote,
): Promise<{ update: Update; changed: boolean; touched: Update[] } | undefined> {
  try {
    const result = await mutateInTransaction(db, id, decide, origin, audit);
    if (!result) return undefined;
    const [update, ...touched] = await presentUpdates(db, [result.row, ...result.touched]);
    return { update: update as Update, changed: result.changed, touched };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DuplicateKeyError('Dedup key taken by another update', { cause: error });
    throw error;
  }
}

/** Clears the sticky flag of the event's other updates; returns their ids. */
async function unstickOthers(trx: Transaction<Database>, event: string, keep: string): Promise<string[]> {
  const rows = await trx
    .updateTable('updates')
    .set({ sticky: 0 })
    .where('event', '=', event)
    .where('sticky', '=', 1)
    .where('id', '!=', keep)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

function mutateInTransaction(
  db: Kysely<Database>,
  id: string,
  decide: (current: Update) => Mutation | undefined,
  origin: string,
  audit: AuditNote | undefined,
) {
  return db.transaction().execute(async (trx) => {
    await lockChangeLog(trx);
    const row = await trx.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const current = rowToUpdate(row);
    const mutation = decide(current);
    if (!mutation) return { row, changed: false, touched: [] };
    // One sticky post per event: the one it replaces stops being sticky in the same commit.
    const unstuck = mutation.fields.sticky ? await unstickOthers(trx, current.event, id) : [];
    const cursor = await appendChange(
      trx,
      {
        event: current.event,
        updateId: id,
        kind: mutation.kind === 'retracted' ? 'retracted' : 'changed',
        at: mutation.at,
      },
      origin,
    );
    const columns = {
      ...fieldsToColumns(mutation.fields),
      version: current.version + 1,
      updated_at: mutation.at,
      cursor,
    };
    const updated = await trx
      .updateTable('updates')
      .set(columns)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (mutation.fields.topics) await setTopics(trx, id, current.event, mutation.fields.topics, true);
    const counts = new DayCountChanges();
    counts.replace(row, updated);
    await counts.apply(trx);
    await keepVersion(trx, rowToUpdate(updated), mutation.kind, mutation.at, mutation.note);
    const touched = await touchUpdates(trx, [...(mutation.touch ?? []), ...unstuck], mutation.at, origin);
    if (mutation.decisions) await recordDecisions(trx, mutation.decisions);
    if (audit) {
      const { actor, action, target, details } = audit;
      await appendAudit(trx, {
        at: mutation.at,
        actor,
        action,
        event: current.event,
        target: target ?? id,
        details,
      });
    }
    return { row: updated, changed: true, touched };
  });
}

/** Every version, oldest first. */
export async function listVersions(db: Kysely<Database>, id: string): Promise<UpdateVersion[]> {
  const rows = await db
    .selectFrom('update_versions')
    .selectAll()
    .where('update_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    kind: row.kind as VersionKind,
    at: row.at,
    ...(JSON.parse(row.content) as ReturnType<typeof snapshot>),
    ...(row.note ? { note: row.note } : {}),
  }));
}

async function keepVersion(
  trx: Transaction<Database>,
  update: Update,
  kind: VersionKind,
  at: string,
  note?: string,
): Promise<void> {
  await trx
    .insertInto('update_versions')
    .values({
      update_id: update.id,
      version: update.version,
      kind,
      at,
      content: JSON.stringify(snapshot(update)),
      note: note ?? null,
    })
    .execute();
}

/** Newest publishedAt of the event's live updates, or null. */
export async function lastPublishedAt(db: Kysely<Database>, event: string): Promise<string | null> {
  const row = await db
    .selectFrom('updates')
    .select((eb) => eb.fn.max('published_at').as('last'))
    .where('event', '=', event)
    .where('status', '!=', 'retracted')
    .executeTakeFirst();
  return row?.last ?? null;
}

export async function countUpdates(db: Kysely<Database>, event: string): Promise<number> {
  const row = await db
    .selectFrom('updates')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('event', '=', event)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
