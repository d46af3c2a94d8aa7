import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { TrainingRun, TrainingTrigger } from '@dayline/shared';
import type { Clock } from '../clock.js';
import { exportLabels } from '../decisions/labels.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { TopicModels } from './current-model.js';
import type { Embed } from './embedder.js';
import type { RunSummary } from './runs.js';
import { trainTopicModel, type TopicModelFile, type TrainingExample } from './topic-model.js';
import { readLabelledSet, toExamples, type EditorLabels } from './train.js';
import { trainInThread, type TrainJob } from './train-worker.js';

/** Where and when an event's topic model is trained (config.ts: DAYLINE_RETRAIN_AFTER and the labels). */
export interface TrainingSettings {
  /** Train again after this many new editor topic decisions on an event; 0: only when asked. */
  retrainAfter: number;
  /** The labelled set (a tagging fixture); unset: editors' decisions only. */
  labels: string | undefined;
  /** Its splits to learn from. */
  splits: string[];
}

/** How often the server counts new editor decisions (one indexed query per event). */
export const defaultRetrainCheckMs = 30_000;
/** A run still `running` this long after it started belongs to a process that died. */
const abandonedAfterMs = 3600_000;

/** A sentence vector per text, kept: a retrain embeds only the texts it has not seen. */
class RememberingEmbed implements Embed {
  readonly #vectors = new Map<string, Float32Array>();
  constructor(private readonly embedder: Embed) {}

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.#vectors.has(t)))];
    const vectors = await this.embedder.embed(missing);
    // A bounded memory: 512 floats (2 kB) per text, at most 20,000 texts.
    if (this.#vectors.size + missing.length > 20_000) this.#vectors.clear();
    missing.forEach((text, i) => this.#vectors.set(text, vectors[i]!));
    return texts.map((t) => this.#vectors.get(t) ?? vectors[missing.indexOf(t)]!);
  }

  close(): Promise<void> {
    return this.embedder.close();
  }
}

/** A short name of a model's weights and thresholds: two runs with the same data share it. */
export function modelVersion(model: TopicModelFile): string {
  return createHash('sha256').update(JSON.stringify(model.topics)).digest('hex').slice(0, 12);
}

/**
 * Trains events' topic models from their labelled set and every editor topic decision in the store
 * (the data `npm run export-labels` writes), records each run in training_runs, and keeps the model
 * of each run that succeeded there for the server to use (TopicModels). The texts are embedded by
 * the embedder's worker thread and the classifiers fitted on a thread of their own, so the event
 * loop only gathers the data. One run per event at a time (across nodes, by the store), and one
 * fit at a time in a process. Starts runs itself after `retrainAfter` new editor topic decisions.
 */
export class Trainer {
  readonly #embed: RememberingEmbed;
  /** Fits in this process, one after another. */
  #fitting: Promise<unknown> = Promise.resolve();
  readonly #active = new Set<Promise<TrainingRun>>();
  #timer: NodeJS.Timeout | undefined;
  #checking = false;

  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      embedder: Embed;
      clock: Clock;
      logger: Logger;
      settings: TrainingSettings;
      /** The models in use: told of a run that succeeded (the server also refines with it). */
      models?: Pick<TopicModels, 'invalidate'>;
      /** Fit on a worker thread (the server); false fits on the calling thread (the CLI). */
      inThread?: boolean;
    },
  ) {
    this.#embed = new RememberingEmbed(deps.embedder);
  }

  get settings(): TrainingSettings {
    return this.deps.settings;
  }

  /** Whether a run started by this process is still going. */
  get busy(): boolean {
    return this.#active.size > 0;
  }

  /**
   * Records a run of the event's model as running and carries it out in the background: `run` is
   * the run as recorded, `done` the run as it ended (it never rejects: a failure is a failed run).
   * Refuses with 409 while a run of the event is going.
   */
  async start(
    slug: string,
    trigger: TrainingTrigger,
    actor: string,
    /** Editors' decisions from elsewhere (an export file), besides the store's. */
    extra: { editor?: readonly EditorLabels[] } = {},
  ): Promise<{ run: TrainingRun; done: Promise<TrainingRun> }> {
    const { store, events, clock } = this.deps;
    events.get(slug);
    const now = clock.now();
    await store.trainingRuns.failAbandoned(
      new Date(now.getTime() - abandonedAfterMs).toISOString(),
      now.toISOString(),
    );
    const { newest } = await store.trainingRuns.topicDecisionsAfter(slug, 0);
    const run = await store.trainingRuns.start({
      event: slug,
      trigger,
      actor,
      at: now.toISOString(),
      decisionsThrough: newest,
    });
    const done = this.#carryOut(run, extra.editor ?? []);
    this.#active.add(done);
    void done.finally(() => this.#active.delete(done));
    return { run, done };
  }

  async #carryOut(run: TrainingRun, extraEditor: readonly EditorLabels[]): Promise<TrainingRun> {
    const { store, events, logger, settings } = this.deps;
    const started = performance.now();
    let summary: RunSummary | undefined;
    try {
      const event = events.get(run.event);
      const eventTopics = event.config.topics.map((t) => t.id);
      const set = settings.labels ? await readLabelledSet(settings.labels, settings.splits) : undefined;
      const labelled = set?.items ?? [];
      const stored: EditorLabels[] = (await exportLabels(store, run.event)).tagging.items;
      const editor = [...stored, ...extraEditor].filter((item) =>
        [...item.topics, ...(item.removed ?? [])].some((t) => eventTopics.includes(t)),
      );
      if (!labelled.length && !editor.length)
        throw new Error('Nothing to train on: no labelled updates and no editor topic decisions');
      const examples = await toExamples(labelled, event.tagger, this.#embed, editor, set?.topics);
      const labelledFor = (topic: string) => examples.filter((e) => !e.known || e.known.includes(topic));
      // A topic is learnt only from examples of both kinds; without, the rules alone decide it.
      const topics = eventTopics.filter((topic) => {
        const mine = labelledFor(topic);
        const positives = mine.filter((e) => e.topics.includes(topic)).length;
        return positives > 0 && positives < mine.length;
      });
      summary = {
        examples: examples.length,
        labelledUpdates: labelled.length,
        editorUpdates: editor.length,
        editorDecisions: editor.reduce((n, item) => n + item.topics.length + (item.removed?.length ?? 0), 0),
        splits: set ? set.splits : [],
        crossValidated: null,
        topics: {},
        durationMs: null,
      };
      if (!topics.length) throw new Error('No topic has both labelled examples with it and without it');
      const job: TrainJob = {
        examples,
        topics,
        meta: {
          event: run.event,
          splits: [...summary.splits, ...(editor.length ? ['editor'] : [])],
          editorDecisions: editor.length,
          trainedAt: run.startedAt,
        },
        options: {},
      };
      const model = await this.#fit(job);
      summary.crossValidated = model.crossValidated;
      summary.topics = Object.fromEntries(
        Object.entries(model.topics).map(([topic, c]) => [
          topic,
          {
            veto: c.veto,
            add: c.add,
            positives: c.positives,
            labelled: labelledFor(topic).length,
            crossValidated: c.crossValidated,
          },
        ]),
      );
      summary.durationMs = Math.round(performance.now() - started);
      const version = modelVersion(model);
      await store.trainingRuns.succeed(run.id, {
        at: this.deps.clock.now().toISOString(),
        summary,
        version,
        model,
      });
      this.deps.models?.invalidate(run.event);
      logger.info(
        {
          event: run.event,
          run: run.id,
          trigger: run.trigger,
          examples: summary.examples,
          f1: model.crossValidated.f1,
          ms: summary.durationMs,
        },
        'topic model trained',
      );
    } catch (error) {
      logger.error({ err: error, event: run.event, run: run.id }, 'topic model training failed');
      if (summary) summary.durationMs = Math.round(performance.now() - started);
      await store.trainingRuns
        .fail(run.id, {
          at: this.deps.clock.now().toISOString(),
          error: (error as Error).message ?? String(error),
          ...(summary ? { summary } : {}),
        })
        .catch((e: unknown) =>
          logger.error({ err: e, run: run.id }, 'could not record the failed training run'),
        );
    }
    return (await store.trainingRuns.get(run.id)) ?? run;
  }

  #fit(job: TrainJob): Promise<TopicModelFile> {
    const fit = this.#fitting.then(() =>
      this.deps.inThread === false
        ? trainTopicModel(job.examples as TrainingExample[], job.topics, job.meta, job.options)
        : trainInThread(job),
    );
    this.#fitting = fit.catch(() => undefined);
    return fit;
  }

  /**
   * Starts an automatic run of each event with `retrainAfter` or more editor topic decisions since
   * its last run (or since ever, without one). Skipped while this process is training.
   */
  async checkAuto(): Promise<void> {
    const { store, events, logger, settings } = this.deps;
    if (settings.retrainAfter <= 0 || this.busy || this.#checking) return;
    this.#checking = true;
    try {
      for (const event of events.list()) {
        const slug = event.config.slug;
        const last = await store.trainingRuns.latest(slug);
        if (last?.status === 'running') continue;
        const { count } = await store.trainingRuns.topicDecisionsAfter(slug, last?.decisionsThrough ?? 0);
        if (count < settings.retrainAfter) continue;
        try {
          await this.start(slug, 'auto', 'auto');
          logger.info(
            { event: slug, decisions: count },
            'retraining the topic model after new editor decisions',
          );
          return;
        } catch (error) {
          if (error instanceof AppError && error.code === 'conflict') continue;
          throw error;
        }
      }
    } finally {
      this.#checking = false;
    }
  }

  /** Counts new editor decisions every `intervalMs` and retrains when there are enough. */
  startAuto(intervalMs = defaultRetrainCheckMs): void {
    if (this.deps.settings.retrainAfter <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      this.checkAuto().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'automatic retraining check failed'),
      );
    }, intervalMs).unref();
  }

  /** Stops the checks and waits for the runs in hand to be recorded. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await Promise.all([...this.#active]);
  }
}
