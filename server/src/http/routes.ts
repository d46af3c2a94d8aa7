import express, { Router } from 'express';
import type { EventCatalog } from '../events.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.js';
import type { Access } from '../access.js';
import type { Metrics } from '../metrics.js';
import { requireRole } from '../accounts/guards.js';
import { sessionHandlers } from '../accounts/sessions.js';
import type { Logger } from '../logger.js';
import { both } from './auth.js';
import { notFoundHandler } from './errors.js';
import { storiesRouter } from './stories.js';
import { eventsRouter } from './events.js';
import { countIngestRejections } from './metrics.js';
import { firstViewHandler } from './first-view.js';
import { eventSourcesRouter, sourcesRouter } from './sources.js';
import { postUpdatesHandler, updatesRouter } from './updates.js';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  events: EventCatalog;
  pipeline: IngestPipeline;
  access: Access;
  metrics: Metrics;
  writesPerMinute: number;
  logger: Logger;
}

/** The whole API route table. */
export function apiRouter(deps: ApiDeps): Router {
  const api = Router();
  // A flood of writes gets 429s early and cheaply; reads and live readers are never limited.
  const writeLimit = rateLimit({
    windowMs: 60_000,
    limit: deps.writesPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'Too many writes; slow down and retry')),
  });
  // Machines with a bearer token, people signed in by cookie (with the session's CSRF token).
  const writer = both(writeLimit, requireRole(deps, 'editor'));
  const admin = both(writeLimit, requireRole(deps, 'admin'));
  const json = express.json({ limit: '1mb' });
  const session = sessionHandlers(deps);

  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.get('/first-view', firstViewHandler(deps));
  api.post('/session', json, ...session.signInLimits, session.signIn);
  api.get('/session', session.current);
  api.delete('/session', session.signOut);
  api.post('/setup', json, ...session.signInLimits, session.setUp);
  api.use('/events', eventsRouter(deps));
  api.use('/events', eventSourcesRouter({ ...deps, writer: admin, json }));
  api.use('/sources', sourcesRouter({ ...deps, writer: admin, json }));
  api.post(
    '/events/:slug/updates',
    writer,
    json,
    postUpdatesHandler(deps.pipeline, deps.metrics),
    countIngestRejections(deps.metrics),
  );
  api.use('/updates', updatesRouter({ ...deps, writer, json }));
  api.use('/stories', storiesRouter({ ...deps, writer, json }));
  // The old name of /api/stories, for clients written before the rename (docs/api.md).
  api.use('/clusters', (req, res) =>
    res.redirect(308, `${req.baseUrl.replace(/clusters$/, 'stories')}${req.url}`),
  );
  api.use(notFoundHandler);
  return api;
}
