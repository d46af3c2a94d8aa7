import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import type { Clock } from './clock.js';
import { defaultMaxBufferedKb, type Config } from './config.js';
import { demoSlug } from './demo/event.js';
import { seedDemo } from './demo/seed.js';
import { DemoSimulator } from './demo/simulator.js';
import { defaultSchedulerPollMs, DraftScheduler } from './drafts/scheduler.js';
import { Access } from './access/access.js';
import { sessions } from './accounts/sessions.js';
import { offerSetup } from './accounts/setup.js';
import { loadEventCatalog } from './events/catalog.js';
import { EventService } from './events/service.js';
import { EventWatcher } from './events/watcher.js';
import { compress } from './http/caching.js';
import { clientRouter } from './http/client.js';
import { firstViewQuery } from './http/reader-page.js';
import { readFirstView } from './events/first-view.js';
import { embedRouter } from './http/embed.js';
import { errorHandler } from './http/errors.js';
import { inFlightRequests } from './http/in-flight.js';
import { requestLogger } from './http/request-log.js';
import { routes } from './routes.js';
import { corsFor, securityHeaders } from './http/security.js';
import { ChangeFollower } from './live/change-follower.js';
import { DeskPresenceHub } from './live/desk.js';
import { LiveHub, type LiveServer } from './live/hub.js';
import { useRedisAdapter } from './live/redis-adapter.js';
import { redisLimitStores } from './accounts/shared-limits.js';
import { dropSlowReaders } from './live/slow-readers.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { syncConfiguredSources } from './feeds/configured.js';
import { defaultPollerOptions, FeedPoller, type PollerOptions } from './feeds/poller.js';
import type { Store } from './store/store.js';
import { TopicModels } from './understanding/current-model.js';
import { Embedder, type Embed } from './understanding/embedder.js';
import { TopicDecider } from './understanding/model-topics.js';
import type { TopicRefiner } from './understanding/refiner.js';
import { Trainer } from './understanding/trainer.js';
import type { UpdateService } from './updates/service.js';
import { createWriters } from './writers.js';

export interface AppDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Feed polling settings; `false` runs no poller (tests that do not need one). */
  poller?: Partial<PollerOptions> | false;
  /** How often the scheduler looks for due posts (default 2 s). */
  schedulerPollMs?: number;
  /** How often this node looks for events saved by another (default 1000 ms). */
  eventCheckMs?: number;
  /** How long a live write waits for the topic model before it goes out with the rules' topics. */
  topicModelTimeoutMs?: number;
  /** The sentence-embedding model (default: one on a worker thread, started with its first job). */
  embedder?: Embed;
  /** How often this node counts new editor decisions towards an automatic retrain (default 30 s). */
  retrainCheckMs?: number;
}

export interface App {
  /** Listens on `port` (default: the configured one; 0 picks a free port). */
  listen(port?: number): Promise<{ port: number; url: string }>;
  /**
   * Stops taking connections, lets the requests in hand finish (their changes still go out live),
   * then tells this node's readers to reconnect and closes the HTTP server. The store stays open.
   */
  close(): Promise<void>;
  /** Writes of updates, through the commit step (as the API, feeds and demo write). */
  updates: UpdateService;
  /** On a fresh install (no users): the token of the one-time link that creates the first admin. */
  setupToken: string | undefined;
  /** Publishes scheduled posts when due (started by `listen`). */
  scheduler: DraftScheduler;
  /** The feed scheduler (absent when disabled). */
  poller: FeedPoller | undefined;
  /** Each event's current topic model: `topicModels.current(slug)` (understanding/current-model.ts). */
  topicModels: TopicModels;
  /** The process's one sentence-embedding model (the write path's and the trainer's). */
  embedder: Embed;
  /** The current models in the write path (`config.topicModel`): live writes' topics. */
  topicDecider: TopicDecider;
  /** Decides in the background the topics of updates stored with the rules' only (absent: models off). */
  refiner: TopicRefiner | undefined;
  /** Training runs of the topic models, by hand and after new editor decisions. */
  trainer: Trainer;
  httpServer: HttpServer;
}

/** Composes Dayline from its parts; production wiring lives in main.ts. */
export async function createApp(config: Config & { ingestToken: string }, deps: AppDeps): Promise<App> {
  const { store, clock, logger } = deps;
  // Recorded with every change this process commits, so the change log tells servers from tools.
  store.actAsServerNode();
  // The file's events and the console's; the watcher keeps the console's in step with other nodes.
  const events = await loadEventCatalog(store, config, clock.now());
  const eventWatcher = new EventWatcher({ store, events, logger, intervalMs: deps.eventCheckMs ?? 1000 });
  const access = new Access(config.ingestToken, store.tokens);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const inFlight = inFlightRequests();
  app.use(inFlight.track);
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(compress());
  const metrics = new Metrics({ events, clock, showPrivateEvents: config.metricsToken !== undefined });
  const httpServer = createServer(app);
  // Clients only ever send small `subscribe` messages.
  const io: LiveServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const redis = config.redisUrl
    ? await useRedisAdapter(
        io,
        {
          url: config.redisUrl,
          streamName: config.redisStream,
          // What this node published while cut off never reached other nodes' readers, and the
          // reverse: every reader everywhere catches up from the store.
          onRestored: () => io.emit('live:resync'),
        },
        logger,
      )
    : undefined;
  const sessionMiddleware = await sessions(store);
  // Failed sign-ins counted across nodes, where there are several.
  const shared = config.redisUrl
    ? await redisLimitStores(config.redisUrl, config.redisStream, logger)
    : undefined;
  // One embedder per process (its thread starts with its first job) and one source of each event's
  // model in use, for the write path and the trainer alike.
  const embedder = deps.embedder ?? new Embedder();
  const topicModels = new TopicModels(store.trainingRuns);
  // The write path's use of them (off: DAYLINE_TOPIC_MODEL=off, nothing embedded for a write).
  const topicDecider = new TopicDecider(config.topicModel, {
    models: topicModels,
    embedder,
    logger,
    ...(deps.topicModelTimeoutMs ? { liveTimeoutMs: deps.topicModelTimeoutMs } : {}),
    // A run finished elsewhere (another node, `npm run train`), seen by a write: refine with it.
    onNewModel: (slug) => writers.refiner?.kick(slug),
  });
  const desk = new DeskPresenceHub(io, {
    store,
    events,
    logger,
    sessions: sessionMiddleware,
    refining: (event) => writers.refiner?.progress(event),
  });
  const hub = new LiveHub(io, {
    store,
    events,
    access,
    logger,
    // Across nodes live messages may arrive out of cursor order; resend a little on catch-up.
    catchUpOverlapMs: config.redisUrl ? 10_000 : 0,
    ...(redis ? { scaleOut: redis } : {}),
    limits: config.limits,
  });
  metrics.watchLive(io, hub);
  const follower = new ChangeFollower({
    store,
    deliver: (kind, update) => hub.publishLocally(kind, update),
    scaledOut: redis !== undefined,
    logger,
  });
  const slowReaders = dropSlowReaders(io, {
    maxBufferedBytes: config.limits.maxBufferedBytes ?? defaultMaxBufferedKb * 1024,
    logger,
  });
  // Every write goes through this one commit step, which hands what it committed to the hub.
  const writers = createWriters({
    store,
    events,
    publisher: hub,
    clock,
    logger,
    draftsChanged: (event) => desk.draftsChanged(event),
    models: topicDecider,
    refining: (progress) => desk.refining(progress),
    batchThread: {
      events: events
        .list()
        .filter((e) => e.origin === 'file')
        .map((e) => e.config),
      configPath: config.configPath,
      logLevel: logger.level,
    },
  });

  const trainer = new Trainer({
    store,
    events,
    embedder,
    clock,
    logger,
    settings: config.training,
    models: {
      // A run this node finished is in use at once; what its model decides differently goes out.
      invalidate: (slug) => {
        topicModels.invalidate(slug);
        writers.refiner?.kick(slug);
      },
    },
  });

  app.use(
    routes({
      store,
      topicModels,
      trainer,
      events,
      eventAdmin: new EventService({ store, events, clock, logger, retag: writers.retag }),
      updates: writers.updates,
      stories: writers.stories,
      drafts: writers.drafts,
      queue: writers.queue,
      feedsChanged: (event: string) => desk.feedsChanged(event),
      allowPrivateNetworks: config.allowPrivateNetworks,
      clock,
      access,
      metrics,
      redis,
      metricsToken: config.metricsToken,
      writesPerMinute: config.limits.writesPerMinute,
      cors: corsFor(config.corsOrigins),
      sessions: sessionMiddleware,
      ...(shared ? { limitStores: shared.stores } : {}),
      logger,
    }),
  );
  app.use(embedRouter({ events, clientDir: config.clientDir, embedAncestors: config.embedAncestors }));
  app.use(
    clientRouter(
      config.clientDir,
      (req, route) => readFirstView({ store, events, access }, req, firstViewQuery(route, req.query.before)),
      logger,
    ),
  );
  app.use(errorHandler(logger));

  let simulator: DemoSimulator | undefined;
  if (config.demo) {
    const slug = demoSlug;
    const demo = events.list().find((e) => e.config.slug === slug);
    if (demo) {
      await seedDemo({ event: demo.config, store, updates: writers.updates, clock, logger });
      simulator = new DemoSimulator({ event: slug, updates: writers.updates, clock, logger });
    } else {
      logger.warn(`DAYLINE_DEMO is on but the config has no "${slug}" event; no demo runs`);
    }
  }

  await syncConfiguredSources(store.sources, events.list(), clock.now().toISOString());
  const poller =
    deps.poller === false
      ? undefined
      : new FeedPoller({
          sources: store.sources,
          queue: writers.queue,
          polled: (event) => desk.feedsChanged(event),
          clock,
          logger,
          metrics,
          options: {
            ...defaultPollerOptions,
            allowPrivateNetworks: config.allowPrivateNetworks,
            leaseMs: config.feedLeaseSeconds * 1000,
            ...deps.poller,
          },
        });

  const pruneChangeLog = () => {
    const before = new Date(clock.now().getTime() - config.changeLogHours * 3600_000).toISOString();
    store
      .pruneChanges(before)
      .catch((error: unknown) => logger.error({ err: error }, 'change log pruning failed'));
    // Published drafts are updates now; their rows are kept as long as the change log.
    store.drafts
      .prunePublished(before)
      .catch((error: unknown) => logger.error({ err: error }, 'draft pruning failed'));
  };
  const pruneSessions = () => {
    store.sessions.prune().catch((error: unknown) => logger.error({ err: error }, 'session pruning failed'));
  };
  pruneChangeLog();
  pruneSessions();
  const pruneTimer = setInterval(() => {
    pruneChangeLog();
    pruneSessions();
  }, 10 * 60_000).unref();
  const setupToken = await offerSetup(store, clock.now());
  const scheduler = new DraftScheduler({
    drafts: writers.drafts,
    logger,
    pollMs: deps.schedulerPollMs ?? defaultSchedulerPollMs,
  });

  return {
    updates: writers.updates,
    setupToken,
    scheduler,
    poller,
    topicModels,
    embedder,
    topicDecider,
    refiner: writers.refiner,
    trainer,
    httpServer,
    listen(port = config.port) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, config.host, () => {
          httpServer.off('error', reject);
          const actual = (httpServer.address() as AddressInfo).port;
          simulator?.start();
          poller?.start();
          scheduler.start();
          trainer.startAuto(deps.retrainCheckMs);
          follower.start().catch((error: unknown) => logger.error({ err: error }, 'change log follower'));
          eventWatcher.start().catch((error: unknown) => logger.error({ err: error }, 'event watcher'));
          // The models load in their thread; then whatever waits for them (an import, a restart
          // mid-refinement, a model newer than the stored topics) is refined in the background.
          if (config.topicModel) {
            void topicDecider.warm(events.list()).then((slugs) => {
              for (const slug of slugs) writers.refiner?.kick(slug);
            });
          }
          resolve({ port: actual, url: `http://localhost:${actual}` });
        });
      });
    },
    async close() {
      simulator?.stop();
      clearInterval(pruneTimer);
      slowReaders.stop();
      await poller?.stop();
      await scheduler.stop();
      await trainer.stop();
      await writers.refiner?.close();
      if (!deps.embedder) await embedder.close();
      await follower.stop();
      await eventWatcher.stop();
      httpServer.close();
      await inFlight.drain();
      await writers.batchWriter?.close();
      // Local: other nodes keep their readers.
      await hub.disconnectReaders();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await redis?.close();
      await shared?.close();
    },
  };
}
