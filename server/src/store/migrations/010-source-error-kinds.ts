import { sql, type Kysely } from 'kysely';

/**
 * The kind of a feed source's error (SourceErrorKind), which readers may see; the detailed message,
 * which can name internal addresses, is for admins only. Existing errors are sorted by their wording.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('error_kind', 'text').execute();
  await sql`update sources set error_kind = case
      when error is null then null
      when error like 'Refused%' or error like 'Invalid feed URL%' then 'refused'
      when error like 'DNS%' then 'dns'
      when error like 'Timed out%' or error like 'Could not connect%' then 'timeout'
      when error like 'TLS%' then 'tls'
      when error like 'HTTP%' then 'http'
      when error like 'Gone%' then 'gone'
      when error like '%redirect%' or error like 'Redirect%' then 'redirect'
      when error like 'Body larger%' then 'too_large'
      when error like 'Internal%' then 'internal'
      when error like 'Connection%' or error like 'Fetch failed%' then 'connection'
      else 'not_a_feed' end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sources').dropColumn('error_kind').execute();
}
