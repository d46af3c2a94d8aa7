import type { UpdatePage } from '@dayline/shared';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../store/dialect.js';
import { inFullText, matchText } from '../store/full-text.js';
import { decodePageToken, encodePageToken } from '../store/page-token.js';
import { chooseSearchPlan, type SearchTuning } from '../store/search-plan.js';
import type { ListFilter } from '../store/store.js';
import type { Database, UpdateRow } from '../store/tables.js';
import { presentUpdates } from '../stories/queries.js';
import { hasAnyTopic } from '../topics/queries.js';

/** The timeline's order, the timeline index's: newest first, ties broken by id. */
const newestFirst = sql`published_at desc, id desc`;
/** Reading the timeline the other way: the page just newer than a token. */
const oldestFirst = sql`published_at asc, id asc`;

/** An event's timeline page, newest first (publishedAt desc, id desc); retracted updates are left out. */
export async function listUpdates(
  db: Kysely<Database>,
  event: string,
  filter: ListFilter,
  tuning: SearchTuning,
): Promise<UpdatePage> {
  const rows = await pageRows(db, event, filter, tuning);
  const page = rows.slice(0, filter.limit);
  const token = (row: UpdateRow | undefined) =>
    row ? encodePageToken({ publishedAt: row.published_at, id: row.id }) : null;
  if (filter.after) {
    // Read oldest first from the token; shown newest first like every page.
    const newest = rows.length > filter.limit ? token(page.at(-1)) : null;
    return { items: await presentUpdates(db, page.reverse()), next: null, newer: newest };
  }
  const next = rows.length > filter.limit ? token(page.at(-1)) : null;
  // A page that does not start at the newest can be scrolled up from its first update.
  const newer = filter.from || filter.before ? { newer: token(page[0]) } : {};
  return { items: await presentUpdates(db, page), next, ...newer };
}

/** A page's rows and one more, which says whether another page follows. */
async function pageRows(
  db: Kysely<Database>,
  event: string,
  filter: ListFilter,
  tuning: SearchTuning,
): Promise<UpdateRow[]> {
  const take = filter.limit + 1;
  const plan =
    filter.q && !filter.after && !isPostgres(db)
      ? await chooseSearchPlan(db, filter.q, take, tuning)
      : undefined;
  if (!plan) {
    const all = listed(db, event, filter);
    return (filter.q ? all.where(matchText(db, filter.q)) : all).limit(take).execute();
  }
  if (plan.kind === 'window') {
    const found = await windowRows(db, event, filter, plan.query, plan.candidates);
    if (found) return found;
  }
  return listed(db, event, filter, plan.kind === 'drive')
    .where(inFullText(plan.query))
    .limit(take)
    .execute();
}

/**
 * The updates `filter` keeps, leaving its search to the caller, newest first. `drive`: SQLite
 * starts from the search's matches; unary + keeps it from walking the event's index instead.
 */
function listed(db: Kysely<Database>, event: string, filter: ListFilter, drive = false) {
  let query = db
    .selectFrom('updates')
    .selectAll()
    .where((eb) => eb(drive ? sql<string>`+updates.event` : eb.ref('event'), '=', event))
    .where('status', '!=', 'retracted');
  if (filter.topics?.length) query = query.where(hasAnyTopic(filter.topics));
  if (filter.source) query = query.where('source_name', '=', filter.source);
  if (filter.day !== undefined) query = query.where('day', '=', filter.day);
  if (filter.pinned !== undefined) query = query.where('pinned', '=', filter.pinned ? 1 : 0);
  if (filter.sticky !== undefined) query = query.where('sticky', '=', filter.sticky ? 1 : 0);
  if (filter.after) {
    const key = decodePageToken(filter.after);
    return query
      .where('published_at', '>=', key.publishedAt)
      .where((eb) => eb.or([eb('published_at', '>', key.publishedAt), eb('id', '>', key.id)]))
      .orderBy(oldestFirst);
  }
  if (filter.from) query = query.where('published_at', '<=', filter.from);
  if (filter.before) {
    const key = decodePageToken(filter.before);
    // The same as `published_at < P or (published_at = P and id < I)`, written so that the index
    // range starts at P: with bound parameters SQLite scans the whole event for the plain OR.
    query = query
      .where('published_at', '<=', key.publishedAt)
      .where((eb) => eb.or([eb('published_at', '<', key.publishedAt), eb('id', '<', key.id)]));
  }
  return query.orderBy(newestFirst);
}

/**
 * The window plan's rows: the first `candidates` updates of the timeline, checked against the
 * matches within their range of created cursors (one cheap read of the index). Undefined when
 * they hold less than a page but are not the whole timeline: the caller then materialises.
 */
async function windowRows(
  db: Kysely<Database>,
  event: string,
  filter: ListFilter,
  query: string,
  candidates: number,
): Promise<UpdateRow[] | undefined> {
  const take = filter.limit + 1;
  const timeline = listed(db, event, filter).limit(candidates);
  const found = await db
    .with('candidates', () => timeline)
    .selectFrom('candidates')
    .selectAll()
    .where(
      inFullText(
        query,
        'candidates',
        sql` and rowid between (select min(created_cursor) from candidates) and (select max(created_cursor) from candidates)`,
      ),
    )
    .orderBy(newestFirst)
    .limit(take)
    .execute();
  if (found.length === take) return found;
  const { count } = await db
    .selectFrom(timeline.as('timeline'))
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count) < candidates ? found : undefined;
}
