import type { Draft, DraftFields, DraftState } from '@dayline/shared';
import type { Kysely } from 'kysely';
import type { Database, DraftsTable } from '../store/tables.js';

/** A draft as the server keeps it: what the newsroom sees, and whose it is. */
export interface StoredDraft extends Draft {
  /** The writer's user id; null for a machine. */
  createdById: string | null;
  /** The update it became, once published. */
  updateId: string | null;
  /** The server's own states besides the listed ones. */
  phase: DraftState | 'publishing' | 'published';
}

const toDraft = (row: DraftsTable): StoredDraft => {
  // `state` is only ever shown for drafts on the desk; the server's own states are in `phase`.
  const listed = row.state === 'publishing' || row.state === 'published' ? 'scheduled' : row.state;
  return {
    ...(JSON.parse(row.fields) as DraftFields),
    id: row.id,
    event: row.event,
    state: listed as DraftState,
    phase: row.state as StoredDraft['phase'],
    publishAt: row.publish_at,
    createdBy: row.created_by,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updateId: row.update_id,
  };
};

/** What the newsroom sees of a stored draft (never the server's bookkeeping). */
export function draftView({
  createdById: _id,
  updateId: _update,
  phase: _phase,
  ...draft
}: StoredDraft): Draft {
  return draft;
}

/** States in which a draft is still on the desk: it may be edited, submitted, published or deleted. */
const onTheDesk = ['draft', 'review', 'scheduled'];

/** Drafts and scheduled posts. Every change of state is one conditional UPDATE, so it happens once. */
export class DraftStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(draft: {
    id: string;
    event: string;
    state: DraftState;
    fields: DraftFields;
    publishAt: string | null;
    createdBy: string;
    createdById: string | null;
    at: string;
  }): Promise<StoredDraft> {
    const row = await this.db
      .insertInto('drafts')
      .values({
        id: draft.id,
        event: draft.event,
        state: draft.state,
        fields: JSON.stringify(draft.fields),
        publish_at: draft.publishAt,
        created_by: draft.createdBy,
        created_by_id: draft.createdById,
        created_at: draft.at,
        updated_at: draft.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDraft(row);
  }

  async get(id: string): Promise<StoredDraft | undefined> {
    const row = await this.db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDraft(row);
  }

  /** An event's drafts on the desk (of one writer, when `createdById` is given), due soonest, then newest. */
  async list(event: string, createdById?: string): Promise<StoredDraft[]> {
    let query = this.db
      .selectFrom('drafts')
      .selectAll()
      .where('event', '=', event)
      .where('state', 'in', onTheDesk);
    if (createdById !== undefined) query = query.where('created_by_id', '=', createdById);
    const rows = await query.orderBy('publish_at').orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map(toDraft);
  }

  /** Saves new text and state, if the draft is still on the desk in the state it was read in. */
  async save(
    id: string,
    from: DraftState,
    change: { state: DraftState; fields?: DraftFields; publishAt: string | null; at: string },
  ): Promise<StoredDraft | undefined> {
    const row = await this.db
      .updateTable('drafts')
      .set({
        state: change.state,
        ...(change.fields ? { fields: JSON.stringify(change.fields) } : {}),
        publish_at: change.publishAt,
        updated_at: change.at,
      })
      .where('id', '=', id)
      .where('state', '=', from)
      .returningAll()
      .executeTakeFirst();
    return row && toDraft(row);
  }

  /** Deletes a draft still on the desk; false when it was not (gone, or being published). */
  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('drafts')
      .where('id', '=', id)
      .where('state', 'in', onTheDesk)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Claims a draft for publishing by `node`, if it is still in state `from` as its caller read it
   * (or, from `publishing`, a claim older than `staleBefore`: a node that stopped mid-publish). One
   * UPDATE, so of several nodes (or an editor and the scheduler) exactly one gets it.
   */
  async claim(
    id: string,
    from: StoredDraft['phase'],
    claim: { node: string; at: string; staleBefore: string },
  ): Promise<StoredDraft | undefined> {
    let query = this.db
      .updateTable('drafts')
      .set({ state: 'publishing', claimed_by: claim.node, claimed_at: claim.at })
      .where('id', '=', id)
      .where('state', '=', from);
    if (from === 'publishing') query = query.where('claimed_at', '<', claim.staleBefore);
    const row = await query.returningAll().executeTakeFirst();
    return row && toDraft(row);
  }

  /** Scheduled posts due at `now`, and claims gone stale, oldest first. */
  async due(now: string, staleBefore: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('drafts')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'scheduled'), eb('publish_at', '<=', now)]),
          eb.and([eb('state', '=', 'publishing'), eb('claimed_at', '<', staleBefore)]),
        ]),
      )
      .orderBy('publish_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** The claim of `node` ends: the draft is published as `updateId`. */
  async published(id: string, node: string, updateId: string, at: string): Promise<void> {
    await this.db
      .updateTable('drafts')
      .set({ state: 'published', update_id: updateId, claimed_by: null, claimed_at: null, updated_at: at })
      .where('id', '=', id)
      .where('claimed_by', '=', node)
      .execute();
  }

  /**
   * Forgets drafts published before `before`: kept until then only so that publishing one again
   * answers with its update.
   */
  async prunePublished(before: string): Promise<void> {
    await this.db
      .deleteFrom('drafts')
      .where('state', '=', 'published')
      .where('updated_at', '<', before)
      .execute();
  }

  /** The claim of `node` ends without publishing: the draft goes back to `state`. */
  async release(id: string, node: string, state: DraftState, publishAt: string | null): Promise<void> {
    await this.db
      .updateTable('drafts')
      .set({ state, publish_at: publishAt, claimed_by: null, claimed_at: null })
      .where('id', '=', id)
      .where('claimed_by', '=', node)
      .execute();
  }
}
