import { AuditLog } from '../accounts/audit.js';
import { randomUUID } from 'node:crypto';
import type { Change, StoryInfo, Update, UpdateVersion, VersionKind } from '@dayline/shared';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { appendChange, headCursor, lockChangeLog } from './change-log.js';
import { DayCountChanges, dayTotal, recountDays } from '../days/day-counts.js';
import { isPostgres } from './dialect.js';
import { inFullText, matchText } from './full-text.js';
import { findCopies } from '../updates/insert-updates.js';
import { transactionInserter, type UpdateInserter } from '../updates/update-inserter.js';
import { touchUpdates } from './touch.js';
import { storyOf, rowToUpdate, snapshot } from './rows.js';
import { chooseSearchPlan, defaultSearchTuning, type SearchTuning } from './search-plan.js';
import { SourceStore } from '../feeds/feed-store.js';
import { TokenStore } from '../access/token-store.js';
import { KyselySessionStore } from '../accounts/session-store.js';
import { SettingStore } from '../accounts/settings.js';
import { UserStore } from '../accounts/users.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import {
  DuplicateKeyError,
  type Copy,
  type DedupKeys,
  type InsertedUpdates,
  type LoggedChange,
  type EventClockRow,
  type ListFilter,
  type Mutation,
  type NewUpdate,
  type Store,
  type UpdateFields,
} from './store.js';
import type { Database, UpdateRow, UpdatesTable } from './tables.js';

type UpdatesBuilder = ExpressionBuilder<Database, 'updates'>;

/** The timeline's order, the timeline index's: newest first, ties broken by id. */
const newestFirst = sql`published_at desc, id desc`;

/** Camel-case fields to columns; only the keys present are set. */
function fieldsToColumns(fields: Partial<UpdateFields>): Partial<UpdatesTable> {
  const columns: Partial<UpdatesTable> = {};
  const set = <K extends keyof UpdatesTable>(key: K, value: UpdatesTable[K]) => {
    columns[key] = value;
  };
  if (fields.title !== undefined) set('title', fields.title);
  if (fields.summary !== undefined) set('summary', fields.summary);
  if (fields.url !== undefined) set('url', fields.url);
  if (fields.canonicalUrl !== undefined) set('canonical_url', fields.canonicalUrl);
  if (fields.urlKey !== undefined) set('url_key', fields.urlKey);
  if (fields.source !== undefined) {
    set('source_name', fields.source?.name ?? null);
    set('source_url', fields.source?.url ?? null);
  }
  if (fields.author !== undefined) set('author', fields.author);
  if (fields.publishedAt !== undefined) set('published_at', fields.publishedAt);
  if (fields.day !== undefined) set('day', fields.day);
  if (fields.topics !== undefined) set('topics', JSON.stringify(fields.topics));
  if (fields.topicReasons !== undefined) set('topic_reasons', JSON.stringify(fields.topicReasons));
  if (fields.contentKey !== undefined) set('content_key', fields.contentKey);
  if (fields.pinned !== undefined) set('pinned', fields.pinned ? 1 : 0);
  if (fields.status !== undefined) set('status', fields.status);
  if (fields.correctedAt !== undefined) set('corrected_at', fields.correctedAt);
  if (fields.correctionNote !== undefined) set('correction_note', fields.correctionNote);
  if (fields.retractedAt !== undefined) set('retracted_at', fields.retractedAt);
  if (fields.retractionReason !== undefined) set('retraction_reason', fields.retractionReason);
  return columns;
}

function hasAnyTopic(topics: string[]) {
  return (eb: UpdatesBuilder): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom('update_topics')
        .select(sql.lit(1).as('one'))
        .whereRef('update_topics.update_id', '=', 'updates.id')
        .where('update_topics.topic', 'in', topics),
    );
}

/** Whether `a` heads a story before `b`: pinned first, then the earliest published, then the lower id. */
function isFirstReport(
  a: Pick<UpdateRow, 'id' | 'published_at' | 'pinned'>,
  b: Pick<UpdateRow, 'id' | 'published_at' | 'pinned'>,
): boolean {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return Boolean(a.pinned);
  if (a.published_at !== b.published_at) return a.published_at < b.published_at;
  return a.id < b.id;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export class KyselyStore implements Store {
  readonly sources: SourceStore;
  readonly tokens: TokenStore;
  readonly users: UserStore;
  readonly sessions: KyselySessionStore;
  readonly settings: SettingStore;
  readonly audit: AuditLog;
  readonly #id = randomUUID();
  #origin = `tool:${this.#id}`;

  private readonly searchTuning: SearchTuning;
  private readonly inserter: UpdateInserter;

  constructor(
    private readonly db: Kysely<Database>,
    options: { searchTuning?: SearchTuning; inserter?: UpdateInserter } = {},
  ) {
    this.searchTuning = options.searchTuning ?? defaultSearchTuning;
    this.inserter = options.inserter ?? transactionInserter(db);
    this.sources = new SourceStore(db);
    this.tokens = new TokenStore(db);
    this.users = new UserStore(db);
    this.sessions = new KyselySessionStore(db);
    this.settings = new SettingStore(db);
    this.audit = new AuditLog(db);
  }

  get origin(): string {
    return this.#origin;
  }

  actAsServerNode(): void {
    this.#origin = `node:${this.#id}`;
  }

  async lastChangeSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('last'))
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  async changesAfterSeq(seq: number, limit: number): Promise<LoggedChange[]> {
    const rows = await this.db
      .selectFrom('changes')
      .select(['seq', 'event', 'update_id', 'kind', 'cursor', 'origin'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: row.event,
      updateId: row.update_id,
      kind: row.kind as LoggedChange['kind'],
      cursor: Number(row.cursor ?? row.seq),
      origin: row.origin,
    }));
  }

  async getUpdates(ids: readonly string[]): Promise<Update[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('updates')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return this.present(rows);
  }

  async syncEvents(
    events: EventClockRow[],
    dayOf: (publishedAt: string, event: EventClockRow) => number,
  ): Promise<void> {
    for (const event of events) {
      await this.db.transaction().execute(async (trx) => {
        const known = await trx
          .selectFrom('events')
          .selectAll()
          .where('slug', '=', event.slug)
          .executeTakeFirst();
        if (known && known.start_date === event.startDate && known.time_zone === event.timeZone) return;
        const row = { slug: event.slug, start_date: event.startDate, time_zone: event.timeZone };
        if (known) await trx.updateTable('events').set(row).where('slug', '=', event.slug).execute();
        else {
          // An event back in the config after a while away goes on from its stored cursors.
          const { head } = await trx
            .selectFrom('updates')
            .select((eb) => eb.fn.max('cursor').as('head'))
            .where('event', '=', event.slug)
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('events')
            .values({ ...row, head_cursor: Number(head ?? 0) })
            .execute();
        }
        // The event's clock changed: every stored day number of it is stale.
        const stored = await trx
          .selectFrom('updates')
          .select(['id', 'published_at', 'day'])
          .where('event', '=', event.slug)
          .execute();
        let moved = false;
        for (const update of stored) {
          const day = dayOf(update.published_at, event);
          if (day === Number(update.day)) continue;
          await trx.updateTable('updates').set({ day }).where('id', '=', update.id).execute();
          moved = true;
        }
        if (moved) await recountDays(trx, event.slug);
      });
    }
  }

  async findCopies(updates: readonly DedupKeys[]): Promise<Copy[]> {
    const copies = await findCopies(this.db, updates);
    const rows = copies.flatMap((c) => (c && 'stored' in c ? [c.stored] : []));
    const presented = new Map((await this.present(rows)).map((u) => [u.id, u]));
    return copies.map((c) => (c && 'stored' in c ? { stored: presented.get(c.stored.id) as Update } : c));
  }

  async insertUpdates(updates: readonly NewUpdate[]): Promise<InsertedUpdates> {
    if (updates.length === 0) return { results: [], grown: [] };
    for (let attempt = 1; ; attempt++) {
      try {
        const { stored, grown } = await this.inserter.insert(updates, this.#origin);
        const presented = await this.present([...stored.map((s) => s.row), ...grown]);
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

  async getUpdate(id: string): Promise<Update | undefined> {
    const row = await this.db.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await this.present([row]))[0];
  }

  async mutateUpdate(
    id: string,
    decide: (current: Update) => Mutation | undefined,
  ): Promise<{ update: Update; changed: boolean; touched: Update[] } | undefined> {
    try {
      const result = await this.mutateInTransaction(id, decide);
      if (!result) return undefined;
      const [update, ...touched] = await this.present([result.row, ...result.touched]);
      return { update: update as Update, changed: result.changed, touched };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DuplicateKeyError('Dedup key taken by another update', { cause: error });
      throw error;
    }
  }

  private mutateInTransaction(id: string, decide: (current: Update) => Mutation | undefined) {
    return this.db.transaction().execute(async (trx) => {
      await lockChangeLog(trx);
      const row = await trx.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const current = rowToUpdate(row);
      const mutation = decide(current);
      if (!mutation) return { row, changed: false, touched: [] };
      const cursor = await appendChange(
        trx,
        {
          event: current.event,
          updateId: id,
          kind: mutation.kind === 'retracted' ? 'retracted' : 'changed',
          at: mutation.at,
        },
        this.#origin,
      );
      const columns = {
        ...fieldsToColumns(mutation.fields),
        version: current.version + 1,
        updated_at: mutation.at,
        cursor,
      };
      const updated = await trx
        .updateTable('updates')
        .set(columns)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (mutation.fields.topics) await this.setTopics(trx, id, current.event, mutation.fields.topics, true);
      const counts = new DayCountChanges();
      counts.replace(row, updated);
      await counts.apply(trx);
      await this.keepVersion(trx, rowToUpdate(updated), mutation.kind, mutation.at, mutation.note);
      const touched = await touchUpdates(trx, mutation.touch ?? [], mutation.at, this.#origin);
      return { row: updated, changed: true, touched };
    });
  }

  async listVersions(id: string): Promise<UpdateVersion[]> {
    const rows = await this.db
      .selectFrom('update_versions')
      .selectAll()
      .where('update_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      version: Number(row.version),
      kind: row.kind as VersionKind,
      at: row.at,
      ...(JSON.parse(row.content) as ReturnType<typeof snapshot>),
      ...(row.note ? { note: row.note } : {}),
    }));
  }

  private async setTopics(
    trx: Transaction<Database>,
    updateId: string,
    event: string,
    topics: string[],
    replace = false,
  ): Promise<void> {
    if (replace) await trx.deleteFrom('update_topics').where('update_id', '=', updateId).execute();
    if (topics.length === 0) return;
    await trx
      .insertInto('update_topics')
      .values([...new Set(topics)].map((topic) => ({ update_id: updateId, event, topic })))
      .execute();
  }

  private async keepVersion(
    trx: Transaction<Database>,
    update: Update,
    kind: VersionKind,
    at: string,
    note?: string,
  ): Promise<void> {
    await trx
      .insertInto('update_versions')
      .values({
        update_id: update.id,
        version: update.version,
        kind,
        at,
        content: JSON.stringify(snapshot(update)),
        note: note ?? null,
      })
      .execute();
  }

  /**
   * Rows as readers see them, each with its story (size, outlets, first report) when it has other
   * reports. The first report is the pinned one, else the earliest published (then lowest id), so
   * it stays right when reports arrive out of order.
   */
  private async present(rows: UpdateRow[]): Promise<Update[]> {
    const storyIds = [...new Set(rows.map(storyOf))];
    if (storyIds.length === 0) return [];
    const members = await this.db
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

  async storyMembers(storyId: string): Promise<Update[]> {
    const rows = await this.db
      .selectFrom('updates')
      .selectAll()
      .where((eb) =>
        eb.or([eb('story_id', '=', storyId), eb.and([eb('id', '=', storyId), eb('story_id', 'is', null)])]),
      )
      .where('status', '!=', 'retracted')
      .orderBy('published_at')
      .orderBy('id')
      .execute();
    return this.present(rows);
  }

  async regroup(moves: { id: string; storyId: string }[], touched: string[], at: string): Promise<Update[]> {
    const ids = [...moves.map((m) => m.id), ...touched];
    const stories = new Map(moves.map((m) => [m.id, m.storyId]));
    const rows = await this.db.transaction().execute(async (trx) => {
      await lockChangeLog(trx);
      return touchUpdates(trx, ids, at, this.#origin, stories);
    });
    return this.present(rows);
  }

  async clusteringFeed(event: string, afterCursor: number, from: string) {
    const rows = await this.db
      .selectFrom('updates')
      .select([
        'id',
        'title',
        'summary',
        'published_at',
        'source_name',
        'story_id',
        'created_cursor',
        'status',
      ])
      .where('event', '=', event)
      .where('created_cursor', '>', afterCursor)
      .where('published_at', '>=', from)
      .orderBy('created_cursor')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      publishedAt: row.published_at,
      ...(row.source_name ? { source: row.source_name } : {}),
      storyId: storyOf(row),
      createdCursor: Number(row.created_cursor),
      status: row.status,
    }));
  }

  async listUpdates(event: string, filter: ListFilter): Promise<{ items: Update[]; next: string | null }> {
    const rows = await this.pageRows(event, filter);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const next =
      rows.length > filter.limit && last
        ? encodePageToken({ publishedAt: last.published_at, id: last.id })
        : null;
    return { items: await this.present(page), next };
  }

  /** A page's rows and one more, which says whether another page follows. */
  private async pageRows(event: string, filter: ListFilter): Promise<UpdateRow[]> {
    const take = filter.limit + 1;
    const plan =
      filter.q && !isPostgres(this.db)
        ? await chooseSearchPlan(this.db, filter.q, take, this.searchTuning)
        : undefined;
    if (!plan) {
      const listed = this.listed(event, filter);
      return (filter.q ? listed.where(matchText(this.db, filter.q)) : listed).limit(take).execute();
    }
    if (plan.kind === 'window') {
      const found = await this.windowRows(event, filter, plan.query, plan.candidates);
      if (found) return found;
    }
    return this.listed(event, filter, plan.kind === 'drive')
      .where(inFullText(plan.query))
      .limit(take)
      .execute();
  }

  /**
   * The updates `filter` keeps, leaving its search to the caller, newest first. `drive`: SQLite
   * starts from the search's matches; unary + keeps it from walking the event's index instead.
   */
  private listed(event: string, filter: ListFilter, drive = false) {
    let query = this.db
      .selectFrom('updates')
      .selectAll()
      .where((eb) => eb(drive ? sql<string>`+updates.event` : eb.ref('event'), '=', event))
      .where('status', '!=', 'retracted');
    if (filter.topics?.length) query = query.where(hasAnyTopic(filter.topics));
    if (filter.source) query = query.where('source_name', '=', filter.source);
    if (filter.day !== undefined) query = query.where('day', '=', filter.day);
    if (filter.pinned !== undefined) query = query.where('pinned', '=', filter.pinned ? 1 : 0);
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
  private async windowRows(
    event: string,
    filter: ListFilter,
    query: string,
    candidates: number,
  ): Promise<UpdateRow[] | undefined> {
    const take = filter.limit + 1;
    const timeline = this.listed(event, filter).limit(candidates);
    const found = await this.db
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
    const { count } = await this.db
      .selectFrom(timeline.as('timeline'))
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count) < candidates ? found : undefined;
  }

  async countDays(event: string, filter: Pick<ListFilter, 'topics' | 'q' | 'source'>) {
    const { topics, q, source } = filter;
    // Several topics need distinct updates (one may carry two), which the kept counts cannot give.
    if (!q && !source && (topics?.length ?? 0) <= 1) return this.keptDayCounts(event, topics?.[0]);
    let totals = this.db
      .selectFrom('updates')
      .select(['day', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('event', '=', event)
      .where('status', '!=', 'retracted');
    if (topics?.length) totals = totals.where(hasAnyTopic(topics));
    if (source) totals = totals.where('source_name', '=', source);
    if (q) totals = totals.where(matchText(this.db, q));
    let perTopic = this.db
      .selectFrom('update_topics')
      .innerJoin('updates', 'updates.id', 'update_topics.update_id')
      .select(['updates.day', 'update_topics.topic', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('update_topics.event', '=', event)
      .where('updates.status', '!=', 'retracted');
    if (topics?.length) perTopic = perTopic.where('update_topics.topic', 'in', topics);
    if (source) perTopic = perTopic.where('updates.source_name', '=', source);
    if (q) perTopic = perTopic.where(matchText(this.db, q));

    const [dayRows, topicRows] = await Promise.all([
      totals.groupBy('day').orderBy('day', 'desc').execute(),
      perTopic.groupBy(['updates.day', 'update_topics.topic']).execute(),
    ]);
    const days = dayRows.map((r) => ({
      day: Number(r.day),
      count: Number(r.count),
      topics: {} as Record<string, number>,
    }));
    const byDay = new Map(days.map((d) => [d.day, d]));
    for (const r of topicRows) {
      const day = byDay.get(Number(r.day));
      if (day) day.topics[r.topic] = Number(r.count);
    }
    return days;
  }

  /** Day counts from `day_counts`: all of them, or one topic's (which is then also the total). */
  private async keptDayCounts(event: string, topic?: string) {
    const rows = await this.db
      .selectFrom('day_counts')
      .select(['day', 'topic', 'count'])
      .where('event', '=', event)
      .where('count', '>', 0)
      .$if(topic !== undefined, (q) => q.where('topic', '=', topic as string))
      .orderBy('day', 'desc')
      .execute();
    const days: { day: number; count: number; topics: Record<string, number> }[] = [];
    const byDay = new Map<number, (typeof days)[number]>();
    for (const r of rows) {
      const number = Number(r.day);
      let day = byDay.get(number);
      if (!day) {
        day = { day: number, count: 0, topics: {} };
        byDay.set(number, day);
        days.push(day);
      }
      if (r.topic === dayTotal || topic !== undefined) day.count = Number(r.count);
      if (r.topic !== dayTotal) day.topics[r.topic] = Number(r.count);
    }
    // A day with topic counts but no live update cannot happen; a zero total is left out all the same.
    return days.filter((d) => d.count > 0);
  }

  async lastPublishedAt(event: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('updates')
      .select((eb) => eb.fn.max('published_at').as('last'))
      .where('event', '=', event)
      .where('status', '!=', 'retracted')
      .executeTakeFirst();
    return row?.last ?? null;
  }

  async changesSince(
    event: string,
    since: number,
    options: { topics?: string[]; limit: number; overlapMs?: number },
  ) {
    const { topics, limit, overlapMs = 0 } = options;
    const sinceAt = overlapMs > 0 ? await this.changeTime(event, since) : undefined;
    const overlapFrom = sinceAt && new Date(new Date(sinceAt).getTime() - overlapMs).toISOString();
    let query = this.db
      .selectFrom('updates')
      .selectAll()
      .where('event', '=', event)
      .where((eb) =>
        overlapFrom
          ? eb.or([eb('cursor', '>', since), eb('updated_at', '>=', overlapFrom)])
          : eb('cursor', '>', since),
      );
    if (topics?.length) query = query.where(hasAnyTopic(topics));
    const rows = await query
      .orderBy('cursor')
      .limit(limit + 1)
      .execute();
    const presented = await this.present(rows.slice(0, limit));
    const changes: Change[] = rows.slice(0, limit).map((row, i) => {
      const update = presented[i] as Update;
      const kind =
        update.status === 'retracted'
          ? 'retracted'
          : Number(row.first_cursor ?? row.created_cursor) > since
            ? 'new'
            : 'changed';
      return { kind, cursor: update.cursor, update };
    });
    return { changes, complete: rows.length <= limit };
  }

  private async changeTime(event: string, cursor: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('changes')
      .select('at')
      .where('event', '=', event)
      .where('cursor', '=', cursor)
      .executeTakeFirst();
    return row?.at;
  }

  headCursor(event: string): Promise<number> {
    return headCursor(this.db, event);
  }

  async oldestCursor(event: string): Promise<number> {
    const row = await this.db
      .selectFrom('changes')
      .select((eb) => eb.fn.min('cursor').as('oldest'))
      .where('event', '=', event)
      .executeTakeFirst();
    return Number(row?.oldest ?? 0);
  }

  async pruneChanges(before: string): Promise<number> {
    // Each event keeps its newest change, so the log always says how far back it reaches.
    const result = await this.db
      .deleteFrom('changes')
      .where('at', '<', before)
      .where((eb) =>
        eb(
          'cursor',
          '<',
          eb.selectFrom('events').select('events.head_cursor').whereRef('events.slug', '=', 'changes.event'),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countUpdates(event: string): Promise<number> {
    const row = await this.db
      .selectFrom('updates')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('event', '=', event)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.inserter.close();
    await this.db.destroy();
  }
}
