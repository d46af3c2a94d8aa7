import { eventDay, type EventDefinitionFields, type Topic } from '@dayline/shared';
import type { Kysely, Selectable } from 'kysely';
import { isPostgres } from '../store/dialect.js';
import { isUniqueViolation } from '../updates/queries.js';
import type { Database, EventsTable } from '../store/tables.js';
import { recomputeDays, storedHead } from './queries.js';
import { storedRetiredTopics, storedTopics, topicsChange } from './retired-topics.js';

/** A console event as stored: its definition and who changed it last. */
export interface StoredEvent {
  definition: EventDefinitionFields;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Topics the event once had, with their last label and colour (see `Event.retiredTopics`). */
  retiredTopics: Topic[];
}

/** Why a save was refused; the event service turns each into its HTTP answer. */
export type SaveRefusal =
  { refused: 'exists' } | { refused: 'missing' } | { refused: 'stale'; current: StoredEvent };

function fromRow(row: Selectable<EventsTable>): StoredEvent {
  return {
    definition: {
      slug: row.slug,
      title: row.title ?? row.slug,
      standfirst: row.standfirst ?? '',
      startDate: row.start_date,
      timeZone: row.time_zone,
      visibility: row.visibility === 'private' ? 'private' : 'public',
      closed: Number(row.closed) === 1,
      topics: storedTopics(row),
    },
    revision: Number(row.revision),
    createdAt: row.created_at ?? '',
    updatedAt: row.updated_at ?? '',
    updatedBy: row.updated_by ?? '',
    retiredTopics: storedRetiredTopics(row),
  };
}

const definitionColumns = (d: EventDefinitionFields) => ({
  title: d.title,
  standfirst: d.standfirst,
  start_date: d.startDate,
  time_zone: d.timeZone,
  visibility: d.visibility,
  closed: d.closed ? 1 : 0,
});

/**
 * Events defined in the console, in the `events` table (the same Kysely code on SQLite and
 * PostgreSQL). A save writes the definition, its new revision and, when the start date or zone
 * changed, every stored day number of the event, in one transaction.
 */
export class EventStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('origin', '=', 'console')
      .orderBy('created_at')
      .orderBy('slug')
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Changes whenever any console event is created or changed, whatever the order transactions
   * commit in: revisions only go up and rows are never deleted, so the count and the sum of
   * revisions grow with every committed save. Nodes compare it to notice another node's change.
   */
  async signature(): Promise<string> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum<number>('revision').as('revisions')])
      .where('origin', '=', 'console')
      .executeTakeFirstOrThrow();
    return `${Number(row.count)}:${Number(row.revisions ?? 0)}`;
  }

  /** The clock the store recorded for an event of any origin (absent before its first start). */
  async clockOf(slug: string): Promise<{ startDate: string; timeZone: string } | undefined> {
    const row = await this.db
      .selectFrom('events')
      .select(['start_date', 'time_zone'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && { startDate: row.start_date, timeZone: row.time_zone };
  }

  /**
   * A new console event. A slug some event already has is refused; a row of an event that left the
   * config file is taken over (with its stored updates and cursors).
   */
  async create(
    definition: EventDefinitionFields,
    at: string,
    by: string,
  ): Promise<StoredEvent | SaveRefusal> {
    try {
      return await this.insert(definition, at, by);
    } catch (error) {
      // Another node created the same slug between our look and our insert.
      if (isUniqueViolation(error)) return { refused: 'exists' };
      throw error;
    }
  }

  private insert(
    definition: EventDefinitionFields,
    at: string,
    by: string,
  ): Promise<StoredEvent | SaveRefusal> {
    return this.db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('events')
        .select(['origin', 'topics', 'retired_topics'])
        .where('slug', '=', definition.slug)
        .executeTakeFirst();
      if (known?.origin === 'console') return { refused: 'exists' } as const;
      // Taking over a file event's row: its stored updates may carry the topics it had.
      const { columns, retiredTopics } = topicsChange(known, definition.topics);
      const row = {
        ...definitionColumns(definition),
        ...columns,
        origin: 'console',
        revision: 1,
        created_at: at,
        updated_at: at,
        updated_by: by,
      };
      if (known) await trx.updateTable('events').set(row).where('slug', '=', definition.slug).execute();
      else
        await trx
          .insertInto('events')
          .values({ ...row, slug: definition.slug, head_cursor: await storedHead(trx, definition.slug) })
          .execute();
      await recomputeDays(trx, definition, eventDay);
      return { definition, revision: 1, createdAt: at, updatedAt: at, updatedBy: by, retiredTopics };
    });
  }

  /**
   * Changes a console event as `decide` says from its current definition, when it is still at
   * `expectedRevision` (when given).
   */
  async change(
    slug: string,
    decide: (current: EventDefinitionFields) => EventDefinitionFields,
    expectedRevision: number | undefined,
    at: string,
    by: string,
  ): Promise<StoredEvent | SaveRefusal> {
    return this.db.transaction().execute(async (trx) => {
      const query = trx
        .selectFrom('events')
        .selectAll()
        .where('slug', '=', slug)
        .where('origin', '=', 'console');
      // Two admins saving at once: the second waits and then sees the first's revision. (SQLite has
      // one writer at a time already.)
      const row = await (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirst();
      if (!row) return { refused: 'missing' } as const;
      const current = fromRow(row);
      if (expectedRevision !== undefined && expectedRevision !== current.revision)
        return { refused: 'stale', current } as const;
      const definition = decide(current.definition);
      const revision = current.revision + 1;
      const { columns, retiredTopics } = topicsChange(row, definition.topics);
      await trx
        .updateTable('events')
        .set({
          ...definitionColumns(definition),
          ...columns,
          revision,
          updated_at: at,
          updated_by: by,
        })
        .where('slug', '=', slug)
        .execute();
      if (definition.startDate !== row.start_date || definition.timeZone !== row.time_zone)
        await recomputeDays(trx, definition, eventDay);
      return { ...current, definition, retiredTopics, revision, updatedAt: at, updatedBy: by };
    });
  }
}
