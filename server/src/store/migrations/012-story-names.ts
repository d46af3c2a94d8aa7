import type { Kysely } from 'kysely';

/** A story is called a story everywhere, the schema included (it was `cluster_id`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_cluster').execute();
  await db.schema.alterTable('updates').renameColumn('cluster_id', 'story_id').execute();
  await db.schema.createIndex('updates_story').on('updates').columns(['story_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_story').execute();
  await db.schema.alterTable('updates').renameColumn('story_id', 'cluster_id').execute();
  await db.schema.createIndex('updates_cluster').on('updates').columns(['cluster_id']).execute();
}
