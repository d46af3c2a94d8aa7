import { batchInputSchema } from '@dayline/shared';
import { Router, type Request, type RequestHandler } from 'express';
import type { Access } from '../access.js';
import type { EventCatalog } from '../events.js';
import { canView } from './auth.js';
import { AppError } from '../errors.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import { parseOr400 } from './validate.js';

/** POST one update (201, or 200 with the existing one when it is a duplicate) or a batch. */
export function postUpdatesHandler(
  pipeline: IngestPipeline,
  metrics: Metrics,
): RequestHandler<{ slug: string }> {
  return async (req, res) => {
    const body: unknown = req.body;
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new AppError('invalid_input', 'Send one update or { "items": [...] } as a JSON object', {
        issues: [{ path: '(root)', message: 'Expected a JSON object with Content-Type: application/json' }],
      });
    }
    if ('items' in body) {
      const { items } = parseOr400(batchInputSchema, body);
      const results = await pipeline.ingestBatch(req.params.slug, items);
      for (const result of results) metrics.ingested(req.params.slug, 'api', result);
      res.json({ results });
      return;
    }
    const { update, created } = await pipeline.ingest(req.params.slug, body);
    metrics.ingested(update.event, 'api', { status: created ? 'created' : 'duplicate' });
    res.status(created ? 201 : 200).json(update);
  };
}

type ById = RequestHandler<{ id: string }>;

/** One update: read it, its versions; correct or retract it (bearer token). */
export function updatesRouter(deps: {
  store: Store;
  events: EventCatalog;
  access: Access;
  pipeline: IngestPipeline;
  writer: RequestHandler;
  json: RequestHandler;
}): Router {
  const { store, pipeline, writer, json, access, events } = deps;
  /** The update, if it exists and the caller may see its event. */
  const visible = async (req: Request<{ id: string }>) => {
    const update = await store.getUpdate(req.params.id);
    const allowed = await canView(access, req, update && events.find(update.event));
    if (!update || !allowed) throw AppError.notFound(`Update "${req.params.id}"`);
    return update;
  };
  const read: ById = async (req, res) => {
    res.json(await visible(req));
  };
  const versions: ById = async (req, res) => {
    await visible(req);
    res.json({ items: await pipeline.versions(req.params.id) });
  };
  const correct: ById = async (req, res) => {
    res.json(await pipeline.correct(req.params.id, req.body));
  };
  const retract: ById = async (req, res) => {
    res.json(await pipeline.retract(req.params.id, req.body));
  };

  const router = Router();
  router.get('/:id', read);
  router.get('/:id/versions', versions);
  router.patch('/:id', writer, json, correct);
  router.delete('/:id', writer, json, retract);
  return router;
}
