import type { Generated, Insertable, Selectable } from 'kysely';

/** One row per update; `cursor` is the change-log seq of its last change. */
export interface UpdatesTable {
  id: string;
  event: string;
  title: string;
  summary: string;
  url: string | null;
  canonical_url: string | null;
  source_name: string | null;
  source_url: string | null;
  author: string | null;
  published_at: string;
  day: number;
  /** JSON array of topic ids, in the order they were assigned. */
  topics: string;
  external_id: string | null;
  /** Source name + canonical URL: the same link from the same outlet is one update. */
  url_key: string | null;
  /** Hash of source, title and publishedAt: a resent item without ids is still one update. */
  content_key: string;
  pinned: number;
  /** 1 for the event's sticky post (at most one per event). */
  sticky: number;
  status: string;
  version: number;
  ingested_at: string;
  updated_at: string;
  /** Cursors count per event (events.head_cursor); this is the one of the update's last change. */
  cursor: number;
  /** The global change-log seq it was created at: the full-text index's rowid. */
  created_cursor: number;
  /** The event's cursor it was created at; null for rows older than per-event cursors. */
  first_cursor: number | null;
  corrected_at: string | null;
  correction_note: string | null;
  retracted_at: string | null;
  retraction_reason: string | null;
  date_estimated: number;
  /** The id of the story's head (the update that started it); null before clustering existed. */
  story_id: string | null;
  /** JSON: for each topic, the rules that gave it. */
  topic_reasons: string;
  /** The version (trainedAt) of the topic model that decided its topics; null: the rules' only. */
  topics_model: string | null;
}

/** A feed source: its settings, its health, the validators for conditional GET, and who polls it. */
export interface SourcesTable {
  id: string;
  event: string;
  name: string;
  url: string;
  poll_seconds: number;
  topics: string;
  enabled: number;
  /** Declared in the config file (re-applied on start) rather than created through the API. */
  from_config: number;
  status: string;
  /** One of SourceErrorKind: what readers are told; `error` has the detail for admins. */
  error_kind: string | null;
  error: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  http_status: number | null;
  items_seen: Generated<number>;
  items_new: Generated<number>;
  failures: Generated<number>;
  next_poll_at: string;
  etag: string | null;
  last_modified: string | null;
  /** The node polling it now and until when: one poller per source across nodes. */
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  /** `publish`: items go to readers; `review`: they wait in the incoming queue (migration 018). */
  mode: Generated<string>;
}

/** Every version an update has had; `content` is a JSON snapshot of its reader-visible fields. */
export interface UpdateVersionsTable {
  update_id: string;
  version: number;
  kind: string;
  at: string;
  content: string;
  note: string | null;
}

/** Topic membership, for filtering and per-day counts without parsing JSON. */
export interface UpdateTopicsTable {
  update_id: string;
  event: string;
  topic: string;
}

/** The change log: every change to an update gets the next seq, and the next cursor of its event. */
export interface ChangesTable {
  /** Global order of changes, inside the server. */
  seq: Generated<number>;
  event: string;
  /** The change's cursor within its event: what readers see and resume from. */
  cursor: number | null;
  /** The process that committed it: `node:<id>` (a server) or `tool:<id>` (a command); null before. */
  origin: string | null;
  update_id: string;
  kind: string;
  at: string;
}

/** Live updates per (event, day, topic), kept in step with every write; topic '' is the day's total. */
export interface DayCountsTable {
  event: string;
  day: number;
  topic: string;
  count: number;
}

/**
 * One row per event: the day-of-conflict clock its stored `day` values were computed with, its
 * newest cursor, and, for an event defined in the console (`origin` 'console'), its definition.
 * An event from the config file (`origin` 'file') keeps only its clock and cursor here.
 */
export interface EventsTable {
  slug: string;
  start_date: string;
  time_zone: string;
  /** The event's newest change-log cursor. */
  head_cursor: Generated<number>;
  origin: Generated<string>;
  title: string | null;
  standfirst: string | null;
  /** public or private. */
  visibility: string | null;
  closed: Generated<number>;
  /** JSON array of the topics with their rules. */
  topics: string | null;
  /** JSON array of the topics removed from a console event: id, last label and colour. */
  retired_topics: string | null;
  /** Up by one with every change of a console event; 0 for file events. */
  revision: Generated<number>;
  created_at: string | null;
  updated_at: string | null;
  /** Who last changed it: a user's name, or `token`. */
  updated_by: string | null;
}

export interface Database {
  updates: UpdatesTable;
  update_topics: UpdateTopicsTable;
  update_versions: UpdateVersionsTable;
  changes: ChangesTable;
  events: EventsTable;
  day_counts: DayCountsTable;
  sources: SourcesTable;
  tokens: TokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit: AuditTable;
  drafts: DraftsTable;
  editor_decisions: EditorDecisionsTable;
  training_runs: TrainingRunsTable;
}

/** An API token: only its SHA-256 digest is kept, so a leaked database leaks no usable token. */
export interface TokensTable {
  id: string;
  name: string;
  digest: string;
  /** JSON array of scopes: ingest, admin, viewer. */
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

export type UpdateRow = Selectable<UpdatesTable>;
export type NewUpdateRow = Insertable<UpdatesTable>;

export type SourceRow = Selectable<SourcesTable>;

/** A person of the newsroom; only an argon2id hash of the password is kept. */
export interface UsersTable {
  id: string;
  name: string;
  /** contributor, editor or admin. */
  role: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** A signed-in browser's server-side session (express-session's data, as JSON). */
export interface SessionsTable {
  sid: string;
  user_id: string | null;
  data: string;
  expires_at: string;
}

/** Values every node of one store shares. */
export interface SettingsTable {
  key: string;
  value: string;
}

/** One entry of the audit log: who (a user's name, `token`, or `cli`) did what, when, to what. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  event: string | null;
  target: string | null;
  /** JSON: what else is worth knowing (a role given, a count of items). */
  details: string | null;
}

/**
 * A draft or scheduled post (drafts/): never an update until published. `state` is draft, review,
 * scheduled, publishing (claimed by `claimed_by` at `claimed_at`) or published (as `update_id`).
 */
export interface DraftsTable {
  id: string;
  event: string;
  state: string;
  /** JSON: the draft's fields (shared/src/drafts.ts `DraftFields`). */
  fields: string;
  publish_at: string | null;
  created_by: string;
  /** The writer's user id; null for a machine's token. */
  created_by_id: string | null;
  created_at: string;
  updated_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  update_id: string | null;
  /** Null: written in the newsroom; `feed`: an item of a feed in review mode (migration 018). */
  origin: string | null;
  feed_id: string | null;
  /** JSON: what the feed item carried besides its fields (its feed's topics, categories, a guessed date). */
  flags: string | null;
  /** The dedup keys the item would have as an update; a re-poll matching any of them adds nothing. */
  external_id: string | null;
  content_key: string | null;
  url_key: string | null;
  /** Why an editor discarded it, and who decided. */
  reason: string | null;
  decided_by: string | null;
}

/**
 * One editor's decision (decisions/): on a topic of an update (`topic` set; verdict added, confirmed
 * or removed), or on two updates being one story (`other_id` set; verdict same or different).
 */
export interface EditorDecisionsTable {
  id: Generated<number>;
  event: string;
  at: string;
  actor: string;
  update_id: string;
  topic: string | null;
  other_id: string | null;
  verdict: string;
}

/** A training run of an event's topic model (understanding/runs.ts); `model` is set when it succeeded. */
export interface TrainingRunsTable {
  id: Generated<number>;
  event: string;
  trigger: string;
  status: string;
  actor: string;
  started_at: string;
  finished_at: string | null;
  /** PostgreSQL returns bigint as a string. */
  decisions_through: number | string;
  summary: string | null;
  version: string | null;
  model: string | null;
  error: string | null;
}
