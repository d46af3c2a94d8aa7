import type { Change, Update, UpdateStatus } from '@dayline/shared';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { decodePageToken, encodePageToken } from './page-token.js';
import type { EventClockRow, ListFilter, NewUpdate, Store } from './store.js';
import type { Database, UpdateRow } from './tables.js';

type UpdatesBuilder = ExpressionBuilder<Database, 'updates'>;

function rowToUpdate(row: UpdateRow): Update {
  return {
    id: row.id,
    event: row.event,
    title: row.title,
    summary: row.summary,
    ...(row.url ? { url: row.url } : {}),
    ...(row.source_name
      ? { source: { name: row.source_name, ...(row.source_url ? { url: row.source_url } : {}) } }
      : {}),
    ...(row.author ? { author: row.author } : {}),
    publishedAt: row.published_at,
    topics: JSON.parse(row.topics) as string[],
    ...(row.external_id ? { externalId: row.external_id } : {}),
    pinned: Boolean(row.pinned),
    day: Number(row.day),
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    status: row.status as UpdateStatus,
    // PostgreSQL returns bigint as a string; cursors stay far below 2^53.
    cursor: Number(row.cursor),
  };
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

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export class KyselyStore implements Store {
  constructor(private readonly db: Kysely<Database>) {}

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
        else await trx.insertInto('events').values(row).execute();
        // The event's clock changed: every stored day number of it is stale.
        const stored = await trx
          .selectFrom('updates')
          .select(['id', 'published_at', 'day'])
          .where('event', '=', event.slug)
          .execute();
        for (const update of stored) {
          const day = dayOf(update.published_at, event);
          if (day !== Number(update.day))
            await trx.updateTable('updates').set({ day }).where('id', '=', update.id).execute();
        }
      });
    }
  }

  async insertUpdate(update: NewUpdate): Promise<{ update: Update; created: boolean }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const existing = await this.findDuplicate(trx, update);
        if (existing) return { update: rowToUpdate(existing), created: false };
        const { seq } = await trx
          .insertInto('changes')
          .values({ event: update.event, update_id: update.id, kind: 'new', at: update.at })
          .returning('seq')
          .executeTakeFirstOrThrow();
        const row: UpdateRow = {
          id: update.id,
          event: update.event,
          title: update.title,
          summary: update.summary,
          url: update.url ?? null,
          canonical_url: update.canonicalUrl ?? null,
          source_name: update.source?.name ?? null,
          source_url: update.source?.url ?? null,
          author: update.author ?? null,
          published_at: update.publishedAt,
          day: update.day,
          topics: JSON.stringify(update.topics),
          external_id: update.externalId ?? null,
          url_key: update.urlKey ?? null,
          content_key: update.contentKey,
          pinned: update.pinned ? 1 : 0,
          status: 'published',
          version: 1,
          ingested_at: update.at,
          updated_at: update.at,
          cursor: Number(seq),
          created_cursor: Number(seq),
        };
        await trx.insertInto('updates').values(row).execute();
        if (update.topics.length > 0) {
          await trx
            .insertInto('update_topics')
            .values(update.topics.map((topic) => ({ update_id: update.id, event: update.event, topic })))
            .execute();
        }
        return { update: rowToUpdate(row), created: true };
      });
    } catch (error) {
      // Another writer stored the same item between our look-up and insert: theirs wins.
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.findDuplicate(this.db, update);
      if (!existing) throw error;
      return { update: rowToUpdate(existing), created: false };
    }
  }

  private findDuplicate(db: Kysely<Database>, update: NewUpdate): Promise<UpdateRow | undefined> {
    return db
      .selectFrom('updates')
      .selectAll()
      .where('event', '=', update.event)
      .where((eb) =>
        eb.or([
          eb('content_key', '=', update.contentKey),
          ...(update.externalId ? [eb('external_id', '=', update.externalId)] : []),
          ...(update.urlKey ? [eb('url_key', '=', update.urlKey)] : []),
        ]),
      )
      .orderBy('created_cursor')
      .limit(1)
      .executeTakeFirst();
  }

  async getUpdate(id: string): Promise<Update | undefined> {
    const row = await this.db.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && rowToUpdate(row);
  }

  async listUpdates(event: string, filter: ListFilter): Promise<{ items: Update[]; next: string | null }> {
    let query = this.db
      .selectFrom('updates')
      .selectAll()
      .where('event', '=', event)
      .where('status', '!=', 'retracted');
    if (filter.topics?.length) query = query.where(hasAnyTopic(filter.topics));
    if (filter.source) query = query.where('source_name', '=', filter.source);
    if (filter.day !== undefined) query = query.where('day', '=', filter.day);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where((eb) =>
        eb.or([
          sql<SqlBool>`lower(title) like lower(${pattern}) escape '\\'`,
          sql<SqlBool>`lower(summary) like lower(${pattern}) escape '\\'`,
        ]),
      );
    }
    if (filter.before) {
      const key = decodePageToken(filter.before);
      query = query.where((eb) =>
        eb.or([
          eb('published_at', '<', key.publishedAt),
          eb.and([eb('published_at', '=', key.publishedAt), eb('id', '<', key.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const next =
      rows.length > filter.limit && last
        ? encodePageToken({ publishedAt: last.published_at, id: last.id })
        : null;
    return { items: page.map(rowToUpdate), next };
  }

  async countDays(event: string, topics?: string[]) {
    let totals = this.db
      .selectFrom('updates')
      .select(['day', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('event', '=', event)
      .where('status', '!=', 'retracted');
    if (topics?.length) totals = totals.where(hasAnyTopic(topics));
    let perTopic = this.db
      .selectFrom('update_topics')
      .innerJoin('updates', 'updates.id', 'update_topics.update_id')
      .select(['updates.day', 'update_topics.topic', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('update_topics.event', '=', event)
      .where('updates.status', '!=', 'retracted');
    if (topics?.length) perTopic = perTopic.where('update_topics.topic', 'in', topics);

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

  async changesSince(event: string, since: number, topics: string[] | undefined, limit: number) {
    let query = this.db
      .selectFrom('updates')
      .selectAll()
      .where('event', '=', event)
      .where('cursor', '>', since);
    if (topics?.length) query = query.where(hasAnyTopic(topics));
    const rows = await query
      .orderBy('cursor')
      .limit(limit + 1)
      .execute();
    const changes: Change[] = rows.slice(0, limit).map((row) => {
      const update = rowToUpdate(row);
      const kind =
        update.status === 'retracted' ? 'retracted' : Number(row.created_cursor) > since ? 'new' : 'changed';
      return { kind, cursor: update.cursor, update };
    });
    return { changes, complete: rows.length <= limit };
  }

  async headCursor(): Promise<number> {
    const row = await this.db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('head'))
      .executeTakeFirst();
    return Number(row?.head ?? 0);
  }

  async countUpdates(event: string): Promise<number> {
    const row = await this.db
      .selectFrom('updates')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('event', '=', event)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
