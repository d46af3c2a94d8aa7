import express, { Router } from 'express';
import type { EventCatalog } from '../events.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { requireIngestToken } from './auth.js';
import { notFoundHandler } from './errors.js';
import { eventsRouter } from './events.js';
import { eventSourcesRouter, sourcesRouter } from './sources.js';
import { postUpdatesHandler, updatesRouter } from './updates.js';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  events: EventCatalog;
  pipeline: IngestPipeline;
  ingestToken: string;
}

/** The whole API route table. */
export function apiRouter(deps: ApiDeps): Router {
  const api = Router();
  const writer = requireIngestToken(deps.ingestToken);
  const json = express.json({ limit: '1mb' });

  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.use('/events', eventsRouter(deps));
  api.use('/events', eventSourcesRouter({ ...deps, writer, json }));
  api.use('/sources', sourcesRouter({ ...deps, writer, json }));
  api.post('/events/:slug/updates', writer, json, postUpdatesHandler(deps.pipeline));
  api.use('/updates', updatesRouter({ ...deps, writer, json }));
  api.use(notFoundHandler);
  return api;
}
