import express, { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Access } from './access/access.js';
import { both, requireRole } from './access/guards.js';
import { audited, auditHandler, byName, bySlug, draftAction, eventPatchAction } from './accounts/audit.js';
import { accountHandlers } from './accounts/routes.js';
import { sessionHandlers, signedIn, withSession, type LimitStores } from './accounts/sessions.js';
import type { Clock } from './clock.js';
import { dayHandlers } from './days/routes.js';
import { draftHandlers } from './drafts/routes.js';
import type { DraftService } from './drafts/service.js';
import { AppError } from './errors.js';
import type { EventCatalog } from './events/catalog.js';
import { firstViewHandler } from './events/first-view.js';
import { eventAdminHandlers, eventHandlers } from './events/routes.js';
import type { EventService } from './events/service.js';
import { feedHandlers, feedManagers } from './feeds/routes.js';
import { apiCacheHeaders } from './http/caching.js';
import { notFoundHandler } from './http/errors.js';
import { alive, readiness } from './http/health.js';
import { countIngestRejections, metricsHandler } from './http/metrics.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Store } from './store/store.js';
import { storyHandlers } from './stories/routes.js';
import { feedOutHandlers } from './updates/feeds-out.js';
import type { UpdateService } from './updates/service.js';
import type { StoryService } from './stories/service.js';
import { queueHandlers } from './queue/routes.js';
import type { QueueService } from './queue/service.js';
import { updateHandlers } from './updates/routes.js';
import type { TopicModels } from './understanding/current-model.js';
import { understandingHandlers } from './understanding/routes.js';
import type { Trainer } from './understanding/trainer.js';

export interface RouteDeps {
  store: Store;
  clock: Clock;
  events: EventCatalog;
  eventAdmin: EventService;
  updates: UpdateService;
  stories: StoryService;
  drafts: DraftService;
  /** The incoming queue (review-mode feeds' items and submitted drafts). */
  queue: QueueService;
  /** An event's feeds changed: consoles at its desk read them again. */
  feedsChanged?: (event: string) => void;
  /** Feeds may reach private networks (DAYLINE_ALLOW_PRIVATE_FEEDS; the config file's switch). */
  allowPrivateNetworks: boolean;
  access: Access;
  metrics: Metrics;
  redis: { ready(): boolean } | undefined;
  metricsToken: string | undefined;
  writesPerMinute: number;
  /** CORS for /api, when origins are configured. */
  cors: RequestHandler | undefined;
  /** express-session for signed-in people (accounts/sessions.ts). */
  sessions: RequestHandler;
  /** Where failed sign-ins are counted when several nodes share them (Redis); else per process. */
  limitStores?: LimitStores;
  logger: Logger;
  /** Each event's current topic model, and the training runs that make them (understanding/). */
  topicModels: TopicModels;
  trainer: Trainer;
}

/**
 * Every route of Dayline's HTTP API on one screen: method, path, guard, handler. The handlers live
 * with their feature; docs/api.md describes each. Reads are public unless an event is private.
 */
export function routes(deps: RouteDeps): Router {
  // A flood of writes gets 429s early and cheaply; reads and live readers are never limited.
  const writeLimit = rateLimit({
    windowMs: 60_000,
    limit: deps.writesPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'Too many writes; slow down and retry')),
  });
  // Machines with a bearer token, or people signed in by cookie (with the session's CSRF token).
  const writer = both(writeLimit, requireRole(deps, 'editor'));
  // Contributors write drafts and submit them; drafts/rules.ts keeps publishing to editors.
  const contributor = both(writeLimit, requireRole(deps, 'contributor'));
  const newsroomReads = requireRole(deps, 'contributor');
  const admin = both(writeLimit, requireRole(deps, 'admin'));
  const json = express.json({ limit: '1mb' });

  const events = eventHandlers(deps);
  const eventAdmin = eventAdminHandlers(deps);
  const days = dayHandlers(deps);
  const updates = updateHandlers(deps);
  const stories = storyHandlers(deps);
  const drafts = draftHandlers(deps);
  const feeds = feedHandlers({ ...deps, feedFetch: { allowPrivateNetworks: deps.allowPrivateNetworks } });
  const queue = queueHandlers(deps);
  const editorReads = requireRole(deps, 'editor');
  // Editors and admins in the console; machines with an admin token (feeds/routes.ts).
  const feedManager = both(writer, feedManagers);
  const feedsOut = feedOutHandlers(deps);
  const session = sessionHandlers(deps);
  const startsSession = withSession(deps.sessions, deps.store);
  const audit = (action: Parameters<typeof audited>[1], target?: Parameters<typeof audited>[2]) =>
    audited(deps, action, target);
  const accounts = accountHandlers(deps);
  const understanding = understandingHandlers(deps);
  const adminReads = requireRole(deps, 'admin');

  const r = Router();
  r.get('/healthz', alive);
  r.get('/readyz', readiness(deps));
  r.get('/metrics', metricsHandler({ metrics: deps.metrics, access: deps.access, token: deps.metricsToken }));

  if (deps.cors) r.use('/api', deps.cors);
  r.use('/api', apiCacheHeaders());
  r.use('/api', signedIn(deps.sessions, deps.store));
  r.get('/api/health', alive);
  r.post('/api/session', startsSession, json, ...session.signInLimits, session.signIn);
  r.get('/api/session', session.current);
  r.delete('/api/session', session.signOut);
  r.post('/api/setup', startsSession, json, ...session.signInLimits, session.setUp);
  r.get('/api/audit', adminReads, auditHandler(deps.store));
  r.get('/api/users', adminReads, accounts.users);
  r.post('/api/users', admin, audit('user.create', byName), json, accounts.createUser);
  r.patch('/api/users/:name', admin, audit('user.change', byName), json, accounts.changeUser);
  r.get('/api/tokens', adminReads, accounts.tokens);
  r.post('/api/tokens', admin, audit('token.create', byName), json, accounts.createToken);
  r.delete('/api/tokens/:name', admin, audit('token.revoke', byName), accounts.revokeToken);
  r.get('/api/first-view', firstViewHandler(deps));
  r.get('/api/events', events.list);
  r.get('/api/event-definitions', adminReads, eventAdmin.definitions);
  r.post('/api/events', admin, audit('event.create', bySlug), json, eventAdmin.create);
  r.patch('/api/events/:slug', admin, audit(eventPatchAction, bySlug), json, eventAdmin.change);
  r.post('/api/events/:slug/retag', admin, audit('event.retag', bySlug), eventAdmin.retag);
  r.get('/api/retag-jobs/:id', adminReads, eventAdmin.retagJob);
  r.get('/api/events/:slug/topic-model', adminReads, understanding.topicModel);
  r.get('/api/events/:slug/training-runs', editorReads, understanding.trainingRuns);
  r.post(
    '/api/events/:slug/training-runs',
    admin,
    audit('event.train', (_req, answer) => (answer?.id === undefined ? undefined : String(answer.id))),
    json,
    understanding.train,
  );
  r.get('/api/events/:slug/updates', updates.timeline);
  r.post(
    '/api/events/:slug/updates',
    contributor,
    audit(draftAction),
    json,
    drafts.createIfDraft,
    drafts.publishersOnly,
    updates.post,
    countIngestRejections(deps.metrics),
  );
  r.get('/api/events/:slug/drafts', newsroomReads, drafts.list);
  r.get('/api/drafts/:id', newsroomReads, drafts.read);
  r.put('/api/drafts/:id', contributor, audit(draftAction), json, drafts.save);
  r.post('/api/drafts/:id/submit', contributor, audit('draft.submit'), drafts.submit);
  r.delete('/api/drafts/:id', contributor, audit('draft.delete'), drafts.remove);
  r.get('/api/events/:slug/days', days.counts);
  r.get('/api/events/:slug/sources', feeds.list);
  r.post('/api/events/:slug/sources', feedManager, audit('feed.add'), json, feeds.create);
  r.post('/api/events/:slug/sources/test', feedManager, json, feeds.test);
  r.patch('/api/sources/:id', feedManager, audit('feed.change'), json, feeds.patch);
  r.delete('/api/sources/:id', feedManager, audit('feed.remove'), feeds.remove);
  r.get('/api/events/:slug/queue', editorReads, queue.list);
  r.post('/api/queue/:id/approve', writer, json, queue.approve);
  r.post('/api/queue/:id/merge', writer, json, queue.merge);
  r.post('/api/queue/:id/discard', writer, audit('queue.discard'), json, queue.discard);
  r.get('/api/updates/:id', updates.read);
  r.get('/api/updates/:id/versions', updates.versions);
  r.patch('/api/updates/:id', writer, json, updates.correct);
  r.delete('/api/updates/:id', writer, json, updates.retract);
  r.post('/api/updates/:id/publish', writer, drafts.publish);
  r.get('/api/events/:slug/stories', stories.search);
  r.get('/api/stories/:id', stories.read);
  r.post('/api/stories/:id/split', writer, json, stories.split);
  r.post('/api/stories/:id/merge', writer, json, stories.merge);
  // The old name of /api/stories, for clients written before the rename (docs/api.md).
  r.use('/api/clusters', (req, res) =>
    res.redirect(308, `${req.baseUrl.replace(/clusters$/, 'stories')}${req.url}`),
  );
  r.use('/api', notFoundHandler);

  // Feeds out: a filtered timeline for feed readers.
  r.get('/e/:slug/feed.atom', feedsOut.atom);
  r.get('/e/:slug/feed.json', feedsOut.json);
  return r;
}
