import type { FeedMode, SourceErrorKind, SourceStatus, SourceView } from '@dayline/shared';
import { sql, type Kysely } from 'kysely';
import type { Updateable } from 'kysely';
import type { Database, SourceRow, SourcesTable } from '../store/tables.js';

/** A source as stored and as the poller needs it: settings, health and the validators of its last fetch. */
export interface Source extends Omit<SourceView, 'url' | 'hasCredentials'> {
  /** As saved, credentials included: for fetching, never for showing. */
  url: string;
  etag: string | null;
  lastModified: string | null;
  failures: number;
}

export interface SourceSettings {
  name: string;
  url: string;
  pollSeconds: number;
  topics: string[];
  enabled: boolean;
  mode: FeedMode;
}

/** What one poll found, written back with the next poll time; the lease is released. */
export interface PollRecord {
  at: string;
  status: SourceStatus;
  httpStatus: number | null;
  errorKind: SourceErrorKind | null;
  error: string | null;
  /** Set only after a fetch that returned a feed (or 304). */
  success: boolean;
  itemsSeen?: number;
  itemsNew?: number;
  failures: number;
  nextPollAt: string;
  etag?: string | null;
  lastModified?: string | null;
  /** A permanent failure (410 Gone) turns the source off. */
  disable?: boolean;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    event: row.event,
    name: row.name,
    url: row.url,
    pollSeconds: Number(row.poll_seconds),
    topics: JSON.parse(row.topics) as string[],
    enabled: Boolean(row.enabled),
    mode: row.mode === 'review' ? 'review' : 'publish',
    status: row.status as SourceStatus,
    errorKind: row.error_kind as SourceErrorKind | null,
    error: row.error,
    lastFetchAt: row.last_fetch_at,
    lastSuccessAt: row.last_success_at,
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    itemsSeen: Number(row.items_seen),
    itemsNew: Number(row.items_new),
    nextPollAt: row.enabled ? row.next_poll_at : null,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: Number(row.failures),
  };
}

/** The URL without its `user:pass@`, and whether it had any. */
function withoutCredentials(url: string): { url: string; hasCredentials: boolean } {
  try {
    const parsed = new URL(url);
    const hasCredentials = parsed.username !== '' || parsed.password !== '';
    parsed.username = '';
    parsed.password = '';
    return { url: parsed.href, hasCredentials };
  } catch {
    return { url: '', hasCredentials: false };
  }
}

/**
 * What a caller is shown of a source. Everyone: the outlet, its health and the kind of error.
 * Admins also: the URL without credentials (never shown once saved) and the detailed error, which
 * can name internal addresses that a hostile feed's redirects could otherwise map.
 */
export function sourceView(source: Source, { admin }: { admin: boolean }): SourceView {
  const { etag: _etag, lastModified: _lastModified, url, error, ...health } = source;
  return admin ? { ...health, ...withoutCredentials(url), error } : { ...health, error: null };
}

function settingsColumns(settings: Partial<SourceSettings>): Updateable<SourcesTable> {
  return {
    ...(settings.name !== undefined ? { name: settings.name } : {}),
    ...(settings.url !== undefined ? { url: settings.url } : {}),
    ...(settings.pollSeconds !== undefined ? { poll_seconds: settings.pollSeconds } : {}),
    ...(settings.topics !== undefined ? { topics: JSON.stringify(settings.topics) } : {}),
    ...(settings.enabled !== undefined ? { enabled: settings.enabled ? 1 : 0 } : {}),
    ...(settings.mode !== undefined ? { mode: settings.mode } : {}),
  };
}

/** Feeds (polled sources; table `sources`) in the store, shared by every node: settings, health and the polling lease. */
export class FeedStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(event: string): Promise<Source[]> {
    const rows = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('event', '=', event)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toSource);
  }

  async get(id: string): Promise<Source | undefined> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSource(row);
  }

  async findByUrl(event: string, url: string): Promise<Source | undefined> {
    const row = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('event', '=', event)
      .where('url', '=', url)
      .executeTakeFirst();
    return row && toSource(row);
  }

  /** Adds a source, due for polling at once. */
  async create(
    source: SourceSettings & { id: string; event: string; fromConfig: boolean; at: string },
  ): Promise<Source> {
    const row = await this.db
      .insertInto('sources')
      .values({
        id: source.id,
        event: source.event,
        name: source.name,
        url: source.url,
        poll_seconds: source.pollSeconds,
        topics: JSON.stringify(source.topics),
        enabled: source.enabled ? 1 : 0,
        mode: source.mode,
        from_config: source.fromConfig ? 1 : 0,
        status: source.enabled ? 'pending' : 'disabled',
        next_poll_at: source.at,
        created_at: source.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  /** Changes settings; a changed URL forgets the old validators and polls again now. */
  async update(id: string, settings: Partial<SourceSettings>, at: string): Promise<Source | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const urlChanged = settings.url !== undefined && settings.url !== current.url;
    const enabling = settings.enabled === true && !current.enabled;
    const disabling = settings.enabled === false;
    const row = await this.db
      .updateTable('sources')
      .set({
        ...settingsColumns(settings),
        ...(urlChanged ? { etag: null, last_modified: null } : {}),
        ...(urlChanged || enabling
          ? { next_poll_at: at, failures: 0, status: 'pending', error_kind: null, error: null }
          : {}),
        ...(disabling ? { status: 'disabled' } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Claims up to `limit` due sources for `owner` until `leaseUntil`. The UPDATE re-checks the lease
   * condition on each row, so two nodes never claim the same source (on PostgreSQL, a row another
   * transaction just claimed is re-read and skipped).
   */
  async claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<Source[]> {
    if (limit <= 0) return [];
    const free = sql<boolean>`(lease_until is null or lease_until < ${now})`;
    const due = this.db
      .selectFrom('sources')
      .select('id')
      .where('enabled', '=', 1)
      .where('next_poll_at', '<=', now)
      .where(free)
      .orderBy('next_poll_at')
      .limit(limit);
    const rows = await this.db
      .updateTable('sources')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where('id', 'in', due)
      .where(free)
      .returningAll()
      .execute();
    return rows.map(toSource);
  }

  /** Writes a poll's outcome and releases the lease, unless another node took the source over. */
  async recordPoll(id: string, owner: string, record: PollRecord): Promise<void> {
    await this.db
      .updateTable('sources')
      .set({
        status: record.disable ? 'disabled' : record.status,
        error_kind: record.errorKind,
        error: record.error,
        http_status: record.httpStatus,
        last_fetch_at: record.at,
        failures: record.failures,
        next_poll_at: record.nextPollAt,
        lease_owner: null,
        lease_until: null,
        ...(record.success
          ? {
              last_success_at: record.at,
              items_seen: record.itemsSeen ?? 0,
              items_new: record.itemsNew ?? 0,
            }
          : {}),
        ...(record.etag !== undefined ? { etag: record.etag } : {}),
        ...(record.lastModified !== undefined ? { last_modified: record.lastModified } : {}),
        ...(record.disable ? { enabled: 0 } : {}),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }
}
