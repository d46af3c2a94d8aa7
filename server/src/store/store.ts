import type { AuditNote, InsertAudit } from '../accounts/audit.js';
import type { AuditLog } from '../accounts/audit.js';
import type { WriteTurns } from './read-write-sqlite.js';
import type { DecisionStore, EditorDecision } from '../decisions/queries.js';
import type { TrainingRunStore } from '../understanding/runs.js';
import type { DraftStore } from '../drafts/draft-store.js';
import type { EventStore } from '../events/event-store.js';
import type { FeedStore } from '../feeds/feed-store.js';
import type { TokenStore } from '../access/token-store.js';
import type { KyselySessionStore } from '../accounts/session-store.js';
import type { SettingStore } from '../accounts/settings.js';
import type { UserStore } from '../accounts/users.js';
import type { RefinementStore } from '../understanding/refinement-store.js';
import type {
  Change,
  DayCount,
  Topic,
  TopicReasons,
  TopicRules,
  Update,
  UpdateStatus,
  UpdatePage,
  UpdateVersion,
  VersionKind,
} from '@dayline/shared';

/** What the commit step hands the store: a validated, normalised, tagged update with its story. */
export interface NewUpdate {
  id: string;
  event: string;
  title: string;
  summary: string;
  url?: string;
  canonicalUrl?: string;
  source?: { name: string; url?: string };
  author?: string;
  publishedAt: string;
  day: number;
  topics: string[];
  externalId?: string;
  urlKey?: string;
  contentKey: string;
  pinned: boolean;
  /** The item had no readable date: `publishedAt` is when it was first seen. */
  dateEstimated?: boolean;
  topicReasons: TopicReasons;
  /** The version of the topic model that decided `topics` (unset: the rules' topics only). */
  topicsModel?: string;
  /** The story it joins: its head's id, or its own id for a new story. */
  storyId: string;
  /** When the store accepted it (from the injected clock). */
  at: string;
}

/** The stored form of an update's changeable fields (what a correction or retraction may set). */
export interface UpdateFields {
  title: string;
  summary: string;
  url: string | null;
  canonicalUrl: string | null;
  urlKey: string | null;
  source: { name: string; url?: string } | null;
  author: string | null;
  publishedAt: string;
  day: number;
  topics: string[];
  topicReasons: TopicReasons;
  contentKey: string;
  pinned: boolean;
  sticky: boolean;
  status: UpdateStatus;
  correctedAt: string | null;
  correctionNote: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
}

/** One change to an existing update, decided by the caller from its current state. */
export interface Mutation {
  kind: Exclude<VersionKind, 'created'>;
  fields: Partial<UpdateFields>;
  note?: string;
  at: string;
  /** Other updates to give a new cursor in the same commit (a story's first report, when a report leaves it). */
  touch?: readonly string[];
  /** Editors' decisions the change carries out, stored in its transaction (decisions/). */
  decisions?: readonly EditorDecision[];
}

export interface ListFilter {
  topics?: string[];
  source?: string;
  day?: number;
  q?: string;
  pinned?: boolean;
  sticky?: boolean;
  /** Start at this instant (inclusive), going older. */
  from?: string;
  /** Opaque keyset token from a previous page's `next`. */
  before?: string;
  /** Opaque keyset token from a previous page's `newer`: the page just newer than it (wins over the two above). */
  after?: string;
  limit: number;
}

export interface EventClockRow {
  slug: string;
  startDate: string;
  timeZone: string;
}

/** An event of the config file as the store records it: its clock, and its topics when given. */
export interface FileEventRow extends EventClockRow {
  topics?: readonly TopicRules[] | undefined;
}

/** The single source of truth. Callers never see SQL; SQLite and PostgreSQL share one implementation. */
/** What a new item turns out to be a copy of: a stored update, or an earlier item of its batch. */
export type Copy = { stored: Update } | { earlier: number } | undefined;

/** The keys an update is known by for dedup: the same link, external id or content is one item. */
export type DedupKeys = Pick<NewUpdate, 'event' | 'contentKey' | 'externalId' | 'urlKey'>;

/** What one insert committed: each item's outcome, and the stories' first reports it touched. */
export interface InsertedUpdates {
  /** Per item, in order: the update it is stored as, and whether this insert created it. */
  results: { update: Update; created: boolean }[];
  /** Stored reports whose story the new ones joined, each with a new cursor (same version). */
  grown: Update[];
}

/** One entry of the change log, as a follower of the log reads it. */
export interface LoggedChange {
  /** Global order of the log. */
  seq: number;
  event: string;
  updateId: string;
  kind: 'new' | 'changed' | 'retracted';
  /** The change's cursor within its event. */
  cursor: number;
  /** Who committed it: `node:<id>` (a server), `tool:<id>` (a command), null for older changes. */
  origin: string | null;
}

export interface Store {
  /** Feed sources, their health and polling leases. */
  readonly sources: FeedStore;
  /** Named API tokens with scopes. */
  readonly tokens: TokenStore;
  /** The newsroom's accounts. */
  readonly users: UserStore;
  /** express-session's store: the signed-in browsers. */
  readonly sessions: KyselySessionStore;
  /** Values every node of this store shares (the session secret, the setup link). */
  readonly settings: SettingStore;
  /** Who did what, when, to what (accounts/audit.ts). */
  readonly audit: AuditLog;
  /** Drafts and scheduled posts: never updates until published (drafts/). */
  readonly drafts: DraftStore;
  /** Events defined in the console (events/event-store.ts). */
  readonly events: EventStore;
  /** Editors' decisions on topics and stories (decisions/), read back. */
  readonly decisions: DecisionStore;
  /** Training runs of the events' topic models, and the models they made (understanding/runs.ts). */
  readonly trainingRuns: TrainingRunStore;
  /** Which updates' topics a trained topic model has decided (understanding/refiner.ts). */
  readonly refinements: RefinementStore;
  /** Who this store's writes are recorded as in the change log: `tool:<id>`, or `node:<id>`. */
  readonly origin: string;
  /** Records this process's writes as a server node's (createApp does this). */
  actAsServerNode(): void;
  /**
   * The SQLite file, which the server's batch thread (updates/batch-writer.ts) opens too; absent on
   * PostgreSQL, in memory, and for a connection a test reaches into.
   */
  readonly sharedFile?: SharedSqliteFile | undefined;
  /** The newest seq of the change log (0 when empty). */
  lastChangeSeq(): Promise<number>;
  /** Changes after `seq`, oldest first, at most `limit`. */
  changesAfterSeq(seq: number, limit: number): Promise<LoggedChange[]>;
  /** Updates by id, as readers see them (missing ids are left out). */
  getUpdates(ids: readonly string[]): Promise<Update[]>;
  /**
   * Records each config-file event's clock (and topics, when given); recomputes stored days when an
   * event's start or zone changed. Answers each event's retired topics, by slug.
   */
  syncEvents(
    events: readonly FileEventRow[],
    dayOf: (publishedAt: string, event: EventClockRow) => number,
  ): Promise<Map<string, Topic[]>>;
  /**
   * Stores several in one transaction (one commit), with the same outcome per item as storing them
   * one by one in this order: a copy of a stored update, or of an earlier item, is not stored again.
   */
  insertUpdates(updates: readonly NewUpdate[], audit?: InsertAudit): Promise<InsertedUpdates>;
  /**
   * What each item is a copy of, by its dedup keys, before anything is decided about it: a stored
   * update, an earlier item of the list (its index), or undefined when it is new.
   */
  findCopies(updates: readonly DedupKeys[]): Promise<Copy[]>;
  getUpdate(id: string): Promise<Update | undefined>;
  /**
   * Changes an update as `decide` says, given its current state, in one transaction with the next
   * change-log cursor. `decide` returning undefined leaves it as it is (no new version).
   */
  mutateUpdate(
    id: string,
    decide: (current: Update) => Mutation | undefined,
    audit?: AuditNote,
  ): Promise<{ update: Update; changed: boolean; touched: Update[] } | undefined>;
  /** Every version, oldest first. */
  listVersions(id: string): Promise<UpdateVersion[]>;
  /** A story's live (not retracted) members, oldest first; empty if there is no such story. */
  storyMembers(storyId: string): Promise<Update[]>;
  /** The story each of these updates belongs to (its head's id, or its own), by update id. */
  storyIdsOf(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * Records a change of story membership: `moves` set story ids, and every update in `moves` or
   * `touched` gets a new cursor (no new version), so live readers and catch-up see the new grouping.
   */
  regroup(
    moves: { id: string; storyId: string }[],
    touched: string[],
    at: string,
    audit?: AuditNote & { event: string },
    /** The editor's decisions the regrouping carries out (split: different, merge: same). */
    decisions?: readonly EditorDecision[],
  ): Promise<Update[]>;
  /**
   * What the clustering index has not seen: the event's updates created after `afterCursor`,
   * published at or after `from`, neither retracted nor `known`; and the newest created cursor read.
   */
  clusteringFeed(
    event: string,
    afterCursor: number,
    from: string,
    known: (id: string) => boolean,
  ): Promise<{
    through: number;
    items: {
      id: string;
      title: string;
      summary: string;
      publishedAt: string;
      source?: string;
      storyId: string;
      createdCursor: number;
    }[];
  }>;
  /** Newest first (publishedAt desc, id desc); retracted updates are left out. */
  listUpdates(event: string, filter: ListFilter): Promise<UpdatePage>;
  countDays(
    event: string,
    filter: Pick<ListFilter, 'topics' | 'q' | 'source'>,
  ): Promise<Omit<DayCount, 'date'>[]>;
  /** Newest publishedAt of the event's updates, or null. */
  lastPublishedAt(event: string): Promise<string | null>;
  /**
   * Changes after `since`, oldest first, one per update (its latest state); at most `limit`.
   * `overlapMs` also returns updates changed up to that long before `since` was written, for
   * clients whose live messages may have arrived out of order across nodes.
   */
  changesSince(
    event: string,
    since: number,
    options: { topics?: string[]; limit: number; overlapMs?: number },
  ): Promise<{ changes: Change[]; complete: boolean }>;
  /** The event's newest change-log cursor (0 before its first change). Cursors count per event. */
  headCursor(event: string): Promise<number>;
  /** The oldest cursor of the event that the change log still holds (0 when it holds none). */
  oldestCursor(event: string): Promise<number>;
  /** Forgets changes older than `before`, always keeping each event's newest; returns how many went. */
  pruneChanges(before: string): Promise<number>;
  countUpdates(event: string): Promise<number>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A change would give an update the dedup key (link or headline) another update already has. */
export class DuplicateKeyError extends Error {
  override name = 'DuplicateKeyError';
}

/** A `before` token the store cannot read. */
export class InvalidPageToken extends Error {
  override name = 'InvalidPageToken';
}

/** A SQLite file another thread of this process writes as well, taking turns with this store's writes. */
export interface SharedSqliteFile {
  path: string;
  turns: WriteTurns;
}
