import { trainingRunRequestSchema, type TrainingRuns } from '@dayline/shared';
import type { RequestHandler } from 'express';
import { actorName } from '../accounts/audit.js';
import type { Actor } from '../access/guards.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import type { TopicModels } from './current-model.js';
import type { TopicModelFile } from './topic-model.js';
import type { Trainer } from './trainer.js';

/** What admins see of a trained topic model: how and on what it was trained, and its metrics; no weights. */
export function topicModelSummary(model: TopicModelFile) {
  return {
    event: model.event,
    embedding: model.embedding,
    trainedAt: model.trainedAt,
    data: model.data,
    options: model.options,
    crossValidated: model.crossValidated,
    topics: Object.fromEntries(
      Object.entries(model.topics).map(([topic, c]) => [
        topic,
        { veto: c.veto, add: c.add, positives: c.positives, crossValidated: c.crossValidated },
      ]),
    ),
  };
}

export function understandingHandlers(deps: {
  events: EventCatalog;
  store: Store;
  topicModels: TopicModels;
  trainer: Trainer;
}) {
  /**
   * GET /api/events/:slug/topic-model: the model the event's topics are decided with now (the newest
   * training run that succeeded, else the shipped one), how it was trained and its metrics.
   */
  const topicModel: RequestHandler = async (req, res) => {
    const event = deps.events.get(req.params.slug as string);
    const current = await deps.topicModels.current(event.config.slug);
    if (!current) throw AppError.notFound(`Topic model of "${event.config.slug}"`);
    res.json({ ...topicModelSummary(current.model), run: current.runId });
  };

  /** GET /api/events/:slug/training-runs: the event's runs, newest first (editors and admins). */
  const trainingRuns: RequestHandler = async (req, res) => {
    const slug = deps.events.get(req.params.slug as string).config.slug;
    const runs = await deps.store.trainingRuns.list(slug);
    const current = await deps.topicModels.current(slug);
    const last = runs[0];
    const { count } = await deps.store.trainingRuns.topicDecisionsAfter(slug, last?.decisionsThrough ?? 0);
    const body: TrainingRuns = {
      event: slug,
      runs,
      currentRun: current?.runId ?? null,
      retrainAfter: deps.trainer.settings.retrainAfter,
      newDecisions: count,
    };
    res.json(body);
  };

  /** POST /api/events/:slug/training-runs (admins): retrain now; 202 with the run, 409 while one runs. */
  const train: RequestHandler = async (req, res) => {
    const slug = deps.events.get(req.params.slug as string).config.slug;
    parseInput(trainingRunRequestSchema, req.body ?? {});
    const { run } = await deps.trainer.start(slug, 'admin', actorName(res.locals.actor as Actor | undefined));
    res.status(202).json(run);
  };

  return { topicModel, trainingRuns, train };
}
