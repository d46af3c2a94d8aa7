import type { Kysely } from 'kysely';

/**
 * Topics removed from a console event, kept with the label and colour they last had (JSON, like
 * `topics`): stored updates may still carry them, and readers and editors see that label, never the
 * raw id. Written by the event store when a change drops a topic; a topic added again leaves it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('retired_topics', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('retired_topics').execute();
}
