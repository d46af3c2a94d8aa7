import type { TrainingRun, TrainingTrigger } from '@dayline/shared';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../errors.js';
import type { Database, TrainingRunsTable } from '../store/tables.js';
import { isUniqueViolation } from '../updates/queries.js';
import type { TopicModelFile } from './topic-model.js';

/** What a run learnt from and how it scored: the JSON of training_runs.summary. */
export type RunSummary = Pick<
  TrainingRun,
  | 'examples'
  | 'labelledUpdates'
  | 'editorUpdates'
  | 'editorDecisions'
  | 'splits'
  | 'crossValidated'
  | 'topics'
  | 'durationMs'
>;

export const emptySummary: RunSummary = {
  examples: 0,
  labelledUpdates: 0,
  editorUpdates: 0,
  editorDecisions: 0,
  splits: [],
  crossValidated: null,
  topics: {},
  durationMs: null,
};

type Row = Omit<Selectable<TrainingRunsTable>, 'model'>;

function toRun(row: Row): TrainingRun {
  const summary = row.summary ? (JSON.parse(row.summary) as RunSummary) : emptySummary;
  return {
    id: Number(row.id),
    event: row.event,
    trigger: row.trigger as TrainingTrigger,
    status: row.status as TrainingRun['status'],
    actor: row.actor,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    decisionsThrough: Number(row.decisions_through),
    version: row.version,
    error: row.error,
    ...emptySummary,
    ...summary,
  };
}

const listed = [
  'id',
  'event',
  'trigger',
  'status',
  'actor',
  'started_at',
  'finished_at',
  'decisions_through',
  'summary',
  'version',
  'error',
] as const;

/**
 * The training_runs table: every run of an event's topic model, and the model of each that
 * succeeded. One run per event at a time, whichever node or tool starts it (a unique index on the
 * running row): a second start is refused with 409.
 */
export class TrainingRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a run as running; refuses (409 conflict) while another run of the event is. */
  async start(run: {
    event: string;
    trigger: TrainingTrigger;
    actor: string;
    at: string;
    decisionsThrough: number;
  }): Promise<TrainingRun> {
    try {
      const row = await this.db
        .insertInto('training_runs')
        .values({
          event: run.event,
          trigger: run.trigger,
          status: 'running',
          actor: run.actor,
          started_at: run.at,
          decisions_through: run.decisionsThrough,
        })
        .returning(listed)
        .executeTakeFirstOrThrow();
      return toRun(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('conflict', `A training run of "${run.event}" is already running`);
      throw error;
    }
  }

  async succeed(
    id: number,
    done: { at: string; summary: RunSummary; version: string; model: TopicModelFile },
  ): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({
        status: 'succeeded',
        finished_at: done.at,
        summary: JSON.stringify(done.summary),
        version: done.version,
        model: JSON.stringify(done.model),
      })
      .where('id', '=', id)
      .execute();
  }

  async fail(id: number, failed: { at: string; error: string; summary?: RunSummary }): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({
        status: 'failed',
        finished_at: failed.at,
        error: failed.error.slice(0, 2000),
        ...(failed.summary ? { summary: JSON.stringify(failed.summary) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Runs left `running` by a process that died (started before `before`) are marked failed, so
   * the event can be trained again.
   */
  async failAbandoned(before: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('training_runs')
      .set({ status: 'failed', finished_at: at, error: 'Abandoned: the process running it stopped' })
      .where('status', '=', 'running')
      .where('started_at', '<', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The event's runs, newest first, without their models. */
  async list(event: string, limit = 50): Promise<TrainingRun[]> {
    const rows = await this.db
      .selectFrom('training_runs')
      .select(listed)
      .where('event', '=', event)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRun);
  }

  async get(id: number): Promise<TrainingRun | undefined> {
    const row = await this.db
      .selectFrom('training_runs')
      .select(listed)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  /** The event's newest run, whatever became of it. */
  async latest(event: string): Promise<TrainingRun | undefined> {
    return (await this.list(event, 1))[0];
  }

  /** The id of the event's newest run that succeeded: the model in use. */
  async currentId(event: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('training_runs')
      .select('id')
      .where('event', '=', event)
      .where('status', '=', 'succeeded')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  /** A succeeded run's model. */
  async model(id: number): Promise<TopicModelFile | undefined> {
    const row = await this.db
      .selectFrom('training_runs')
      .select('model')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.model ? (JSON.parse(row.model) as TopicModelFile) : undefined;
  }

  /** Editor topic decisions on the event after decision `afterId` (all: 0), and the newest one's id. */
  async topicDecisionsAfter(event: string, afterId: number): Promise<{ count: number; newest: number }> {
    const row = await this.db
      .selectFrom('editor_decisions')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('id').as('newest')])
      .where('event', '=', event)
      .where('topic', 'is not', null)
      .where('id', '>', afterId)
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), newest: Number(row?.newest ?? afterId) };
  }
}
