import type { Change, DayCount, Update } from '@dayline/shared';

/** What the pipeline hands the store: a validated, normalised, tagged update. */
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
  /** When the store accepted it (from the injected clock). */
  at: string;
}

export interface ListFilter {
  topics?: string[];
  source?: string;
  day?: number;
  q?: string;
  /** Opaque keyset token from a previous page's `next`. */
  before?: string;
  limit: number;
}

export interface EventClockRow {
  slug: string;
  startDate: string;
  timeZone: string;
}

/** The single source of truth. Callers never see SQL; SQLite and PostgreSQL share one implementation. */
export interface Store {
  /** Records each event's clock; recomputes stored days when an event's start or zone changed. */
  syncEvents(
    events: EventClockRow[],
    dayOf: (publishedAt: string, event: EventClockRow) => number,
  ): Promise<void>;
  /** Stores the update unless one with the same dedup key exists; then returns that one. */
  insertUpdate(update: NewUpdate): Promise<{ update: Update; created: boolean }>;
  getUpdate(id: string): Promise<Update | undefined>;
  /** Newest first (publishedAt desc, id desc); retracted updates are left out. */
  listUpdates(event: string, filter: ListFilter): Promise<{ items: Update[]; next: string | null }>;
  countDays(event: string, topics?: string[]): Promise<Omit<DayCount, 'date'>[]>;
  /** Changes after `since`, oldest first, one per update (its latest state); at most `limit`. */
  changesSince(
    event: string,
    since: number,
    topics: string[] | undefined,
    limit: number,
  ): Promise<{ changes: Change[]; complete: boolean }>;
  /** The newest cursor in the change log (0 when empty). */
  headCursor(): Promise<number>;
  countUpdates(event: string): Promise<number>;
  close(): Promise<void>;
}

/** A `before` token the store cannot read. */
export class InvalidPageToken extends Error {
  override name = 'InvalidPageToken';
}
