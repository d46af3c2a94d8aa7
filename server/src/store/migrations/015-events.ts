import type { Kysely } from 'kysely';

/**
 * Events defined in the console, stored beside the clock columns each event already has. A row's
 * `origin` says where the event is defined: `file` (dayline.yaml or the built-in demo; only its
 * clock and cursors are kept here) or `console` (every field is here, and this row is the truth).
 * `revision` goes up with every change of a console event: nodes compare the sum over console rows
 * to notice a change another node made, and a change based on an older revision is refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('file'))
    .execute();
  await db.schema.alterTable('events').addColumn('title', 'text').execute();
  await db.schema.alterTable('events').addColumn('standfirst', 'text').execute();
  await db.schema.alterTable('events').addColumn('visibility', 'text').execute();
  await db.schema
    .alterTable('events')
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // JSON: the topics with their labels, colours and rules.
  await db.schema.alterTable('events').addColumn('topics', 'text').execute();
  await db.schema
    .alterTable('events')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('events').addColumn('created_at', 'text').execute();
  await db.schema.alterTable('events').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('events').addColumn('updated_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'updated_by',
    'updated_at',
    'created_at',
    'revision',
    'topics',
    'closed',
    'visibility',
    'standfirst',
    'title',
    'origin',
  ]) {
    await db.schema.alterTable('events').dropColumn(column).execute();
  }
}
