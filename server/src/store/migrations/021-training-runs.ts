import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Training runs of an event's topic model: what started each, on what it learnt, its metrics, and
 * (when it succeeded) the model itself as JSON, which the server then uses for the event. At most
 * one run per event is `running` at a time, across every node (the partial unique index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = db.schema.createTable('training_runs');
  await (
    isPostgres(db)
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('decisions_through', 'bigint', (c) => c.notNull().defaultTo(0))
    // Counts, splits, per-topic and overall metrics (shared/src/training.ts), as JSON.
    .addColumn('summary', 'text')
    .addColumn('version', 'text')
    .addColumn('model', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('training_runs_event').on('training_runs').columns(['event', 'id']).execute();
  await db.schema
    .createIndex('training_runs_one_running')
    .on('training_runs')
    .column('event')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_runs').execute();
}
