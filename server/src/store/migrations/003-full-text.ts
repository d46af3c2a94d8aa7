import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Full-text search on title and summary. Raw SQL because each database does this its own way. In
 * SQLite the index is keyed by `created_cursor`, which never changes (rowids may, on VACUUM).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index updates_fts on updates using gin (to_tsvector('simple', title || ' ' || summary))`.execute(
      db,
    );
    return;
  }
  await db.schema
    .createIndex('updates_created_cursor')
    .on('updates')
    .column('created_cursor')
    .unique()
    .execute();
  for (const statement of [
    sql`create virtual table updates_fts using fts5(title, summary, content='updates', content_rowid='created_cursor', tokenize='unicode61 remove_diacritics 2')`,
    sql`create trigger updates_fts_insert after insert on updates begin
          insert into updates_fts(rowid, title, summary) values (new.created_cursor, new.title, new.summary);
        end`,
    sql`create trigger updates_fts_delete after delete on updates begin
          insert into updates_fts(updates_fts, rowid, title, summary) values ('delete', old.created_cursor, old.title, old.summary);
        end`,
    sql`create trigger updates_fts_update after update of title, summary on updates begin
          insert into updates_fts(updates_fts, rowid, title, summary) values ('delete', old.created_cursor, old.title, old.summary);
          insert into updates_fts(rowid, title, summary) values (new.created_cursor, new.title, new.summary);
        end`,
    sql`insert into updates_fts(updates_fts) values ('rebuild')`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index updates_fts`.execute(db);
    return;
  }
  for (const name of ['updates_fts_insert', 'updates_fts_delete', 'updates_fts_update']) {
    await sql`drop trigger ${sql.ref(name)}`.execute(db);
  }
  await sql`drop table updates_fts`.execute(db);
  await db.schema.dropIndex('updates_created_cursor').execute();
}
