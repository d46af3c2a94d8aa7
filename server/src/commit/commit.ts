import type { AuditNote } from '../accounts/audit.js';
import type { ChangeKind, Update } from '@dayline/shared';
import type { Clock } from '../clock.js';
import type { EditorDecision } from '../decisions/queries.js';
import { AppError } from '../errors.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import { DuplicateKeyError, type Mutation, type NewUpdate, type Store } from '../store/store.js';
import type { StoryAssignment } from '../stories/index.js';
import type { StoryAssigner } from '../stories/story-assigner.js';

/** One change a commit made, as live readers get it. */
export interface CommittedChange {
  kind: ChangeKind;
  update: Update;
}

/** What a write committed: its answer, and exactly the changes of its one transaction, in order. */
export interface Committed<T> {
  value: T;
  changes: CommittedChange[];
}

/**
 * The trained topic model's part in a write (understanding/): a few new updates wait for the model's
 * topics before they are stored; more are stored with the rules' topics and refined afterwards.
 */
export interface ModelTopics {
  decideLive(event: EventRuntime, prepared: readonly PreparedUpdate[]): Promise<PreparedUpdate[]>;
  /** Decide, in the background, what was stored with the rules' topics only. */
  refineLater(event: string): void;
}

/** Up to this many new updates in one write wait for the model (a POST, a feed item, a published draft). */
export const liveModelUpTo = 5;

/** Where committed changes go: the live hub. */
export interface ChangePublisher {
  publish(kind: ChangeKind, update: Update): void;
}

/** A validated, normalised, tagged new update, before the commit gives it its story and time. */
export type PreparedUpdate = Omit<NewUpdate, 'storyId' | 'at'>;

export interface AddResult {
  update: Update;
  created: boolean;
}

/** A change whose kind follows from the update's state: a tombstone goes out as a retraction. */
const changeOf = (update: Update): CommittedChange => ({
  kind: update.status === 'retracted' ? 'retracted' : 'changed',
  update,
});

/**
 * The one commit step every write goes through (API, feeds, import, demo, retag, story edits):
 * given validated input, it decides against the store (dedup, stories, the current state of an
 * update), writes in one transaction that appends to the change log, and publishes exactly the
 * changes that transaction returned, from one place. No writer publishes by itself. It is also the
 * one place a closed event's updates are kept read-only (`409 event_closed`), whoever writes.
 */
export class CommitStep {
  constructor(
    private readonly deps: {
      store: Store;
      stories: StoryAssigner;
      publisher: ChangePublisher;
      clock: Clock;
      events: Pick<EventCatalog, 'requireOpen'>;
      /** Absent: the rules' topics only (tools and tests without a model). */
      topics?: ModelTopics;
    },
  ) {}

  /**
   * New updates: decides what is new (dedup), gives the new items their stories, and stores them
   * in one transaction (acknowledged only once it commits). Its changes: each new update, then the
   * stories they joined, on the reports they are named after. Copies of stored updates, or of an
   * earlier item, are never clustered; the transaction checks again for a writer that stored a
   * copy in between. Results are per item, in order. `audit` names who wrote them (a `batch` is
   * logged with its counts); the same transaction records it when something was created.
   */
  async add(
    event: EventRuntime,
    prepared: readonly PreparedUpdate[],
    audit?: AuditNote & { batch?: boolean },
  ): Promise<Committed<AddResult[]>> {
    const { store, stories, clock, events } = this.deps;
    const slug = event.config.slug;
    events.requireOpen(slug);
    const copies = await store.findCopies(prepared);
    const topics = this.deps.topics;
    let fresh = prepared.filter((_, i) => copies[i] === undefined);
    // Only what is new is read by the model: feeds resend every item on every poll.
    const live = topics !== undefined && fresh.length > 0 && fresh.length <= liveModelUpTo;
    if (live) fresh = await topics.decideLive(event, fresh);
    const assignments = await stories.assignAll(
      slug,
      fresh.map(({ id, title, summary, publishedAt, source }) => ({
        id,
        title,
        summary,
        publishedAt,
        ...(source ? { source: source.name } : {}),
      })),
    );
    const at = clock.now().toISOString();
    let inserted: Awaited<ReturnType<Store['insertUpdates']>>;
    try {
      inserted = await store.insertUpdates(
        fresh.map((p, i) => ({ ...p, storyId: (assignments[i] as StoryAssignment).storyId, at })),
        audit && {
          note: audit,
          at,
          event: slug,
          ...(audit.batch ? { sent: prepared.length } : {}),
        },
      );
    } catch (error) {
      // Nothing was stored (disk full, database away): the index must not keep these updates, or
      // later coverage would join stories that do not exist. It is rebuilt from the store.
      await stories.moved(slug);
      throw error;
    }
    const { results: stored, grown } = inserted;
    const changes: CommittedChange[] = [
      ...stored.flatMap(({ update, created }) => (created ? [{ kind: 'new' as const, update }] : [])),
      ...grown.map(changeOf),
    ];
    this.#publish(changes);
    // Stored with the rules' topics (a bulk write, or the model was unavailable): decided later.
    if (topics && fresh.some((p) => p.topicsModel === undefined)) topics.refineLater(slug);
    // Stored by another writer since the look-up (a race): not stored again, and out of the index.
    const dropped = new Set<string>();
    for (const [i, { created }] of stored.entries()) {
      if (!created) dropped.add((fresh[i] as NewUpdate).id);
    }
    for (const id of dropped) stories.forget(slug, id);
    // A story's first report was such a copy, not stored: the store made the rest a story of its own.
    const regrouped = stored.some(
      ({ created }, i) => created && dropped.has((assignments[i] as StoryAssignment).storyId),
    );
    if (regrouped) await stories.moved(slug);

    const results: AddResult[] = [];
    let next = 0;
    for (const copy of copies) {
      if (copy === undefined) results.push(stored[next++] as AddResult);
      else if ('stored' in copy) results.push({ update: copy.stored, created: false });
      else results.push({ update: (results[copy.earlier] as AddResult).update, created: false });
    }
    return { value: results, changes };
  }

  /**
   * One change to an existing update, decided by `decide` from its current state inside the
   * transaction (undefined: no change). Its changes: the update (as `kind`), then the stories'
   * first reports it touched. Throws not_found, or conflict when the change would take another
   * update's link or headline. `audit` is recorded in the same transaction, if it changed anything.
   */
  async change(
    id: string,
    kind: ChangeKind,
    decide: (current: Update) => Mutation | undefined,
    audit?: AuditNote,
  ): Promise<Committed<Update>> {
    let result;
    try {
      // Asked inside the transaction, of the update's own event, as it is now.
      result = await this.deps.store.mutateUpdate(
        id,
        (current) => {
          this.deps.events.requireOpen(current.event);
          return decide(current);
        },
        audit,
      );
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new AppError('conflict', 'Another update of this event already has this link or headline');
      }
      throw error;
    }
    if (!result) throw AppError.notFound(`Update "${id}"`);
    const changes = [
      ...(result.changed ? [{ kind, update: result.update }] : []),
      ...result.touched.map(changeOf),
    ];
    this.#publish(changes);
    return { value: result.update, changes };
  }

  /**
   * A change of story membership (an editor's split or merge): `moves` set story ids, and they and
   * `touched` get a new cursor, so live readers and catch-up see the new grouping. The story index
   * of `event` is rebuilt from the store afterwards. `decisions` (the editor's word on which
   * reports are one story, decided at `at`) are stored in the same transaction.
   */
  async regroup(
    event: string,
    moves: { id: string; storyId: string }[],
    touched: string[],
    audit?: AuditNote,
    decisions?: (at: string) => EditorDecision[],
  ): Promise<Committed<undefined>> {
    this.deps.events.requireOpen(event);
    const at = this.deps.clock.now().toISOString();
    const changes = (
      await this.deps.store.regroup(moves, touched, at, audit && { ...audit, event }, decisions?.(at))
    ).map(changeOf);
    this.#publish(changes);
    await this.deps.stories.moved(event);
    return { value: undefined, changes };
  }

  /**
   * What the server's batch thread committed (updates/batch-writer.ts), in its turn among this
   * process's writes: it goes live from here too. Its new updates carry the rules' topics; the
   * model, if the event has one, decides them later, as for any bulk write.
   */
  publishCommitted(changes: readonly CommittedChange[]): void {
    this.#publish(changes);
    const topics = this.deps.topics;
    const events = new Set(changes.flatMap(({ kind, update }) => (kind === 'new' ? [update.event] : [])));
    for (const event of events) topics?.refineLater(event);
  }

  /** The one place committed changes go live, in commit order. */
  #publish(changes: readonly CommittedChange[]): void {
    for (const { kind, update } of changes) this.deps.publisher.publish(kind, update);
  }
}
