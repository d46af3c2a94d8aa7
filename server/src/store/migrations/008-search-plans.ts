import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/** The full-text table of 003, with `options` added; `rebuild` indexes every stored update. */
async function createFullText(db: Kysely<unknown>, options: string): Promise<void> {
  await sql
    .raw(
      `create virtual table updates_fts using fts5(title, summary, content='updates', content_rowid='created_cursor', tokenize='unicode61 remove_diacritics 2'${options})`,
    )
    .execute(db);
  await sql`insert into updates_fts(updates_fts) values ('rebuild')`.execute(db);
}

async function replaceTimelineIndex(db: Kysely<unknown>, columns: string[]): Promise<void> {
  await db.schema.dropIndex('updates_event_published').execute();
  await db.schema.createIndex('updates_event_published').on('updates').columns(columns).execute();
}

/**
 * What SQLite needs to search a large timeline quickly (store/search-plan.ts says how each is used):
 * - prefix indexes of 1 to 3 characters, so that a short last word is one list in the index, read as
 *   far as needed, instead of a merge of the lists of every term it begins (240 ms for "lo" at 1M
 *   updates). They make the index about three times larger; building them takes about 25 s at 1M;
 * - `updates_fts_terms` (fts5vocab, a row per term instance), to list the terms a longer word begins;
 *   `instance`, not `row`, since a `row` table counts a term's whole list before it answers (0.4–2 ms
 *   a look-up at 1M updates, against 0.04–0.1 ms);
 * - `created_cursor` last in the timeline index, so that a walk along the timeline checks each
 *   update against the matches without reading its row.
 * 003's triggers name the table, so they go on working with the new one. PostgreSQL needs none of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`drop table updates_fts`.execute(db);
  await createFullText(db, ", prefix='1 2 3'");
  await sql`create virtual table updates_fts_terms using fts5vocab(updates_fts, instance)`.execute(db);
  await replaceTimelineIndex(db, ['event', 'published_at', 'id', 'created_cursor']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return;
  await replaceTimelineIndex(db, ['event', 'published_at', 'id']);
  await sql`drop table updates_fts_terms`.execute(db);
  await sql`drop table updates_fts`.execute(db);
  await createFullText(db, '');
}
