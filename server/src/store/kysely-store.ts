import type { AuditNote, InsertAudit } from '../accounts/audit.js';
import { AuditLog } from '../accounts/audit.js';
import { DecisionStore, type EditorDecision } from '../decisions/queries.js';
import { TrainingRunStore } from '../understanding/runs.js';
import { DraftStore } from '../drafts/draft-store.js';
import { randomUUID } from 'node:crypto';
import type { Change, Topic, Update, UpdatePage, UpdateVersion } from '@dayline/shared';
import { sql, type Kysely } from 'kysely';
import { TimeSlices } from '../time-slices.js';
import { TokenStore } from '../access/token-store.js';
import { KyselySessionStore } from '../accounts/session-store.js';
import { SettingStore } from '../accounts/settings.js';
import { UserStore } from '../accounts/users.js';
import { countDays } from '../days/queries.js';
import { EventStore } from '../events/event-store.js';
import { syncEvents } from '../events/queries.js';
import { FeedStore } from '../feeds/feed-store.js';
import { changesSince } from '../live/catch-up.js';
import { clusteringFeed, presentUpdates, regroup, storyIdsOf, storyMembers } from '../stories/queries.js';
import {
  copiesOf,
  countUpdates,
  getUpdate,
  getUpdates,
  isUniqueViolation,
  lastPublishedAt,
  listVersions,
  mutateUpdate,
} from '../updates/queries.js';
import { RefinementStore } from '../understanding/refinement-store.js';
import { listUpdates } from '../updates/timeline.js';
import { transactionInserter, type UpdateInserter } from '../updates/insert-updates.js';
import { changesAfterSeq, headCursor, lastChangeSeq, oldestCursor, pruneChanges } from './change-log.js';
import { defaultSearchTuning, type SearchTuning } from './search-plan.js';
import type {
  Copy,
  DedupKeys,
  EventClockRow,
  FileEventRow,
  InsertedUpdates,
  ListFilter,
  LoggedChange,
  Mutation,
  NewUpdate,
  SharedSqliteFile,
  Store,
} from './store.js';
import type { Database, UpdateRow } from './tables.js';

/**
 * A batch's stored rows as readers see them, 100 at a time with readers answered in between:
 * presenting 500 at once held the event loop for 5–10 ms.
 */
async function presentInSlices(db: Kysely<Database>, rows: readonly UpdateRow[]): Promise<Update[]> {
  const slices = new TimeSlices();
  const presented: Update[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    if (i > 0) await slices.pause();
    presented.push(...(await presentUpdates(db, rows.slice(i, i + 100))));
  }
  return presented;
}

/**
 * The store over one Kysely connection (SQLite or PostgreSQL): it owns the connection, the batch
 * inserter and who its writes are recorded as in the change log. The queries themselves are plain
 * functions in the feature folders (updates/, stories/, days/, events/, topics/, live/catch-up.ts)
 * and store/change-log.ts.
 */
export class KyselyStore implements Store {
  readonly sources: FeedStore;
  readonly tokens: TokenStore;
  readonly users: UserStore;
  readonly sessions: KyselySessionStore;
  readonly settings: SettingStore;
  readonly audit: AuditLog;
  readonly drafts: DraftStore;
  readonly events: EventStore;
  readonly decisions: DecisionStore;
  readonly trainingRuns: TrainingRunStore;
  readonly refinements: RefinementStore;
  readonly #id = randomUUID();
  #origin: string;
  readonly sharedFile: SharedSqliteFile | undefined;

  private readonly searchTuning: SearchTuning;
  private readonly inserter: UpdateInserter;

  constructor(
    private readonly db: Kysely<Database>,
    options: {
      searchTuning?: SearchTuning;
      /** How a batch is inserted (the batch thread's waits for its turn); default: a transaction here. */
      inserter?: UpdateInserter;
      sharedFile?: SharedSqliteFile;
      /** Who its writes are recorded as (the batch thread's are its server's); default: a tool. */
      origin?: string;
    } = {},
  ) {
    this.searchTuning = options.searchTuning ?? defaultSearchTuning;
    this.inserter = options.inserter ?? transactionInserter(db);
    this.sharedFile = options.sharedFile;
    this.#origin = options.origin ?? `tool:${this.#id}`;
    this.sources = new FeedStore(db);
    this.tokens = new TokenStore(db);
    this.users = new UserStore(db);
    this.sessions = new KyselySessionStore(db);
    this.settings = new SettingStore(db);
    this.audit = new AuditLog(db);
    this.drafts = new DraftStore(db);
    this.events = new EventStore(db);
    this.decisions = new DecisionStore(db);
    this.trainingRuns = new TrainingRunStore(db);
    this.refinements = new RefinementStore(db);
  }

  get origin(): string {
    return this.#origin;
  }

  actAsServerNode(): void {
    this.#origin = `node:${this.#id}`;
  }

  lastChangeSeq(): Promise<number> {
    return lastChangeSeq(this.db);
  }

  changesAfterSeq(seq: number, limit: number): Promise<LoggedChange[]> {
    return changesAfterSeq(this.db, seq, limit);
  }

  getUpdates(ids: readonly string[]): Promise<Update[]> {
    return getUpdates(this.db, ids);
  }

  syncEvents(
    events: readonly FileEventRow[],
    dayOf: (publishedAt: string, event: EventClockRow) => number,
  ): Promise<Map<string, Topic[]>> {
    return syncEvents(this.db, events, dayOf);
  }

  findCopies(updates: readonly DedupKeys[]): Promise<Copy[]> {
    return copiesOf(this.db, updates);
  }

  async insertUpdates(updates: readonly NewUpdate[], audit?: InsertAudit): Promise<InsertedUpdates> {
    if (updates.length === 0) return { results: [], grown: [] };
    for (let attempt = 1; ; attempt++) {
      try {
        const { stored, grown } = await this.inserter.insert(updates, this.#origin, audit);
        const presented = await presentInSlices(this.db, [...stored.map((s) => s.row), ...grown]);
        return {
          results: stored.map((s, i) => ({ update: presented[i] as Update, created: s.created })),
          grown: presented.slice(stored.length),
        };
      } catch (error) {
        // Another writer stored one of these items after our look-up: again, and theirs wins.
        if (!isUniqueViolation(error) || attempt === 3) throw error;
      }
    }
  }

  getUpdate(id: string): Promise<Update | undefined> {
    return getUpdate(this.db, id);
  }

  mutateUpdate(
    id: string,
    decide: (current: Update) => Mutation | undefined,
    audit?: AuditNote,
  ): Promise<{ update: Update; changed: boolean; touched: Update[] } | undefined> {
    return mutateUpdate(this.db, id, decide, this.#origin, audit);
  }

  listVersions(id: string): Promise<UpdateVersion[]> {
    return listVersions(this.db, id);
  }

  storyMembers(storyId: string): Promise<Update[]> {
    return storyMembers(this.db, storyId);
  }

  storyIdsOf(ids: readonly string[]): Promise<Map<string, string>> {
    return storyIdsOf(this.db, ids);
  }

  regroup(
    moves: { id: string; storyId: string }[],
    touched: string[],
    at: string,
    audit?: AuditNote & { event: string },
    decisions?: readonly EditorDecision[],
  ): Promise<Update[]> {
    return regroup(this.db, moves, touched, at, this.#origin, audit, decisions);
  }

  clusteringFeed(event: string, afterCursor: number, from: string, known: (id: string) => boolean) {
    return clusteringFeed(this.db, event, afterCursor, from, known);
  }

  listUpdates(event: string, filter: ListFilter): Promise<UpdatePage> {
    return listUpdates(this.db, event, filter, this.searchTuning);
  }

  countDays(event: string, filter: Pick<ListFilter, 'topics' | 'q' | 'source'>) {
    return countDays(this.db, event, filter);
  }

  lastPublishedAt(event: string): Promise<string | null> {
    return lastPublishedAt(this.db, event);
  }

  changesSince(
    event: string,
    since: number,
    options: { topics?: string[]; limit: number; overlapMs?: number },
  ): Promise<{ changes: Change[]; complete: boolean }> {
    return changesSince(this.db, event, since, options);
  }

  headCursor(event: string): Promise<number> {
    return headCursor(this.db, event);
  }

  oldestCursor(event: string): Promise<number> {
    return oldestCursor(this.db, event);
  }

  pruneChanges(before: string): Promise<number> {
    return pruneChanges(this.db, before);
  }

  countUpdates(event: string): Promise<number> {
    return countUpdates(this.db, event);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
