import type { Draft, DraftFields, DraftState } from '@dayline/shared';
import type { Kysely } from 'kysely';
import type { Database, DraftsTable } from '../store/tables.js';

/** A draft as the server keeps it: what the newsroom sees, and whose it is. */
export interface StoredDraft extends Draft {
  /** The writer's user id; null for a machine. */
  createdById: string | null;
  /** The update it became, once published. */
  updateId: string | null;
  /** The server's own states besides the listed ones (`discarded`: an editor took it off the queue). */
  phase: DraftState | 'publishing' | 'published' | 'discarded';
  /** `feed`: an item of a feed in review mode, waiting in the incoming queue; null: the newsroom's. */
  origin: 'feed' | null;
  feedId: string | null;
  /** What a feed item carried besides its fields, for tagging it as the feed would have. */
  flags: QueuedFlags;
  /** Why it was discarded. */
  reason: string | null;
}

/** A queued feed item's extras: its feed's topics, its categories, and whether its date was guessed. */
export interface QueuedFlags {
  sourceTopics?: string[];
  categories?: string[];
  dateEstimated?: boolean;
}

/** The dedup keys an item would have as an update (updates/prepare.ts). */
export interface QueueKeys {
  externalId?: string | undefined;
  contentKey: string;
  urlKey?: string | undefined;
}

const toDraft = (row: DraftsTable): StoredDraft => {
  // `state` is only ever shown for drafts on the desk; the server's own states are in `phase`.
  const listed = ['publishing', 'published', 'discarded'].includes(row.state) ? 'scheduled' : row.state;
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
    origin: row.origin === 'feed' ? 'feed' : null,
    feedId: row.feed_id,
    flags: row.flags ? (JSON.parse(row.flags) as QueuedFlags) : {},
    reason: row.reason,
  };
};

/** What the newsroom sees of a stored draft (never the server's bookkeeping). */
export function draftView({
  createdById: _id,
  updateId: _update,
  phase: _phase,
  origin: _origin,
  feedId: _feedId,
  flags: _flags,
  reason: _reason,
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
      .where('state', 'in', onTheDesk)
      // Feed items wait in the incoming queue, not among the newsroom's drafts.
      .where('origin', 'is', null);
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

  /**
   * Queues a feed item (state `review`, origin `feed`), unless a row with its external id is
   * already there (queued, discarded or published): undefined then. The unique index decides a race.
   */
  async enqueue(item: {
    id: string;
    event: string;
    feedId: string;
    fields: DraftFields;
    flags: QueuedFlags;
    keys: QueueKeys;
    createdBy: string;
    at: string;
  }): Promise<StoredDraft | undefined> {
    const row = await this.db
      .insertInto('drafts')
      .values({
        id: item.id,
        event: item.event,
        state: 'review',
        fields: JSON.stringify(item.fields),
        publish_at: null,
        created_by: item.createdBy,
        created_by_id: null,
        created_at: item.at,
        updated_at: item.at,
        origin: 'feed',
        feed_id: item.feedId,
        flags: JSON.stringify(item.flags),
        external_id: item.keys.externalId ?? null,
        content_key: item.keys.contentKey,
        url_key: item.keys.urlKey ?? null,
      })
      .onConflict((oc) => oc.columns(['event', 'external_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toDraft(row);
  }

  /**
   * Whether the queue has (or had: discarded, published) a feed item sharing any dedup key with
   * this one: then a re-poll adds nothing. One look-up per kind of key, each on its own index.
   */
  async holds(event: string, keys: QueueKeys): Promise<boolean> {
    const columns = [
      ['external_id', keys.externalId],
      ['content_key', keys.contentKey],
      ['url_key', keys.urlKey],
    ] as const;
    for (const [column, value] of columns) {
      if (!value) continue;
      const row = await this.db
        .selectFrom('drafts')
        .select('id')
        .where('event', '=', event)
        .where(column, '=', value)
        .executeTakeFirst();
      if (row) return true;
    }
    return false;
  }

  /**
   * The event's incoming queue, newest first: feed items and submitted drafts waiting for an editor.
   * `before` is the (updated_at, id) of the last item of the previous page.
   */
  async waiting(event: string, limit: number, before?: { at: string; id: string }): Promise<StoredDraft[]> {
    let query = this.db
      .selectFrom('drafts')
      .selectAll()
      .where('event', '=', event)
      .where('state', '=', 'review');
    if (before) {
      query = query.where((eb) =>
        eb.or([
          eb('updated_at', '<', before.at),
          eb.and([eb('updated_at', '=', before.at), eb('id', '<', before.id)]),
        ]),
      );
    }
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDraft);
  }

  /** How many items wait in the event's queue, and since when the oldest has. */
  async waitingCount(event: string): Promise<{ waiting: number; oldestSince: string | null }> {
    const row = await this.db
      .selectFrom('drafts')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('updated_at').as('oldest')])
      .where('event', '=', event)
      .where('state', '=', 'review')
      .executeTakeFirst();
    return { waiting: Number(row?.n ?? 0), oldestSince: (row?.oldest as string | null | undefined) ?? null };
  }

  /** Takes a waiting item off the queue for good, if it is still waiting: one UPDATE, so one editor wins. */
  async discard(
    id: string,
    change: { reason: string | null; by: string; at: string },
  ): Promise<StoredDraft | undefined> {
    const row = await this.db
      .updateTable('drafts')
      .set({ state: 'discarded', reason: change.reason, decided_by: change.by, updated_at: change.at })
      .where('id', '=', id)
      .where('state', '=', 'review')
      .returningAll()
      .executeTakeFirst();
    return row && toDraft(row);
  }
}
