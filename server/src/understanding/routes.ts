import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { TopicModelFile } from './topic-model.js';
import { readTopicModel } from './train.js';

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

export function understandingHandlers(deps: { events: EventCatalog }) {
  /** GET /api/events/:slug/topic-model: the event's trained topic model, its last run's metrics. */
  const topicModel: RequestHandler = async (req, res) => {
    const event = deps.events.get(req.params.slug as string);
    const model = await readTopicModel(event.config.slug);
    if (!model) throw AppError.notFound(`Topic model of "${event.config.slug}"`);
    res.json(topicModelSummary(model));
  };
  return { topicModel };
}
