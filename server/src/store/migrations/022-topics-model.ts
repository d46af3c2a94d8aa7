import type { Kysely } from 'kysely';

/**
 * Which topic model last decided an update's topics (`run:ID`, the training run that made it, or
 * the shipped model's `trainedAt`);
 * null: the rules' topics only, waiting for the background refinement (understanding/refiner.ts)
 * if its event has a model.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('updates').addColumn('topics_model', 'text').execute();
  await db.schema
    .createIndex('updates_topics_model')
    .on('updates')
    .columns(['event', 'topics_model', 'created_cursor'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('updates_topics_model').execute();
  await db.schema.alterTable('updates').dropColumn('topics_model').execute();
}
