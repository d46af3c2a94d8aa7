import { appendAudit, type AuditNote } from '../accounts/audit.js';
import type { StoryInfo, Update } from '@dayline/shared';
import type { Kysely } from 'kysely';
import { recordDecisions, type EditorDecision } from '../decisions/queries.js';
import { lockChangeLog } from '../store/change-log.js';
import { rowToUpdate, storyOf } from '../store/rows.js';
import type { Database, UpdateRow } from '../store/tables.js';
import { touchUpdates } from '../store/touch.js';

/** Whether `a` heads a story before `b`: pinned first, then the earliest published, then the lower id. */
function isFirstReport(
  a: Pick<UpdateRow, 'id' | 'published_at' | 'pinned'>,
  b: Pick<UpdateRow, 'id' | 'published_at' | 'pinned'>,
): boolean {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return Boolean(a.pinned);
  if (a.published_at !== b.published_at) return a.published_at < b.published_at;
  return a.id < b.id;
}

/**
 * Rows as readers see them, each with its story (size, outlets, first report) when it has other
 * reports. The first report is the pinned one, else the earliest published (then lowest id), so
 * it stays right when reports arrive out of order.
 */
export async function presentUpdates(db: Kysely<Database>, rows: readonly UpdateRow[]): Promise<Update[]> {
  const storyIds = [...new Set(rows.map(storyOf))];
  if (storyIds.length === 0) return [];
  const members = await db
    .selectFrom('updates')
    .select(['id', 'story_id', 'source_name', 'title', 'published_at', 'pinned'])
    .where((eb) => eb.or([eb('story_id', 'in', storyIds), eb('id', 'in', storyIds)]))
    .where('status', '!=', 'retracted')
    .orderBy('created_cursor')
    .execute();
  const stories = new Map<string, { size: number; sources: string[]; first: (typeof members)[number] }>();
  for (const member of members) {
    const id = storyOf(member);
    const story = stories.get(id) ?? { size: 0, sources: [], first: member };
    story.size += 1;
    if (member.source_name && !story.sources.includes(member.source_name))
      story.sources.push(member.source_name);
    if (isFirstReport(member, story.first)) story.first = member;
    stories.set(id, story);
  }
  return rows.map((row) => {
    const update = rowToUpdate(row);
    const id = storyOf(row);
    const story = stories.get(id);
    if (story && story.size > 1) {
      const { first, size, sources } = story;
      update.story = {
        id,
        headId: first.id,
        size,
        sources,
        firstReport: {
          title: first.title,
          ...(first.source_name ? { source: first.source_name } : {}),
          publishedAt: first.published_at,
        },
      } satisfies StoryInfo;
    }
    return update;
  });
}

/** A story's live (not retracted) members, oldest first; empty if there is no such story. */
export async function storyMembers(db: Kysely<Database>, storyId: string): Promise<Update[]> {
  const rows = await db
    .selectFrom('updates')
    .selectAll()
    .where((eb) =>
      eb.or([eb('story_id', '=', storyId), eb.and([eb('id', '=', storyId), eb('story_id', 'is', null)])]),
    )
    .where('status', '!=', 'retracted')
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return presentUpdates(db, rows);
}

/** The story each of these updates belongs to (its head's id, or its own), by update id. */
export async function storyIdsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('updates').select(['id', 'story_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, storyOf(row)]));
}

/**
 * Records a change of story membership in one transaction: `moves` set story ids, and every update
 * in `moves` or `touched` gets a new cursor (no new version).
 */
export async function regroup(
  db: Kysely<Database>,
  moves: { id: string; storyId: string }[],
  touched: string[],
  at: string,
  origin: string,
  audit?: AuditNote & { event: string },
  decisions: readonly EditorDecision[] = [],
): Promise<Update[]> {
  const ids = [...moves.map((m) => m.id), ...touched];
  const stories = new Map(moves.map((m) => [m.id, m.storyId]));
  const rows = await db.transaction().execute(async (trx) => {
    await lockChangeLog(trx);
    const changed = await touchUpdates(trx, ids, at, origin, stories);
    if (audit) {
      const { actor, action, event, target, details } = audit;
      await appendAudit(trx, { at, actor, action, event, target, details });
    }
    await recordDecisions(trx, decisions);
    return changed;
  });
  return presentUpdates(db, rows);
}

/**
 * What the clustering index of `event` has not seen: updates created after `afterCursor` and
 * published at or after `from`, not retracted, and not `known` to the index (those it assigned
 * itself: after a batch, its 500 texts are not read back). `through`: the newest created cursor
 * read, known or not.
 */
export async function clusteringFeed(
  db: Kysely<Database>,
  event: string,
  afterCursor: number,
  from: string,
  known: (id: string) => boolean,
) {
  const created = await db
    .selectFrom('updates')
    .select(['id', 'created_cursor', 'status'])
    .where('event', '=', event)
    .where('created_cursor', '>', afterCursor)
    .where('published_at', '>=', from)
    .orderBy('created_cursor')
    .execute();
  const through = Number(created.at(-1)?.created_cursor ?? afterCursor);
  const wanted = created.filter((row) => row.status !== 'retracted' && !known(row.id)).map((row) => row.id);
  const rows = [];
  for (let i = 0; i < wanted.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('updates')
        .select(['id', 'title', 'summary', 'published_at', 'source_name', 'story_id', 'created_cursor'])
        .where('id', 'in', wanted.slice(i, i + 500))
        .orderBy('created_cursor')
        .execute()),
    );
  }
  return {
    through,
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      publishedAt: row.published_at,
      ...(row.source_name ? { source: row.source_name } : {}),
      storyId: storyOf(row),
      createdCursor: Number(row.created_cursor),
    })),
  };
}
