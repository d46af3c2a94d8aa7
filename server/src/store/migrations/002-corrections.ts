import type { Kysely } from 'kysely';

/** Corrections, retractions and the kept versions of each update. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['corrected_at', 'correction_note', 'retracted_at', 'retraction_reason']) {
    await db.schema.alterTable('updates').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('update_versions')
    .addColumn('update_id', 'text', (c) => c.notNull().references('updates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** JSON of the content as it was in this version. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('update_versions_pk', ['update_id', 'version'])
    .execute();
  await db.schema.createIndex('changes_at').on('changes').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('changes_at').execute();
  await db.schema.dropTable('update_versions').execute();
  for (const column of ['corrected_at', 'correction_note', 'retracted_at', 'retraction_reason']) {
    await db.schema.alterTable('updates').dropColumn(column).execute();
  }
}
