import type { Kysely } from 'kysely';

/** Similar-story clusters and the reasons behind each topic. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('updates').addColumn('cluster_id', 'text').execute();
  await db.schema
    .alterTable('updates')
    .addColumn('topic_reasons', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('updates_cluster').on('updates').columns(['cluster_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_cluster').execute();
  await db.schema.alterTable('updates').dropColumn('topic_reasons').execute();
  await db.schema.alterTable('updates').dropColumn('cluster_id').execute();
}
