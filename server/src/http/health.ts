import type { RequestHandler } from 'express';
import type { Store } from '../store/store.js';

/** Alive: the process answers. */
export const alive: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

/** Ready means able to serve and accept writes: the store answers and, if used, Redis is connected. */
export function readiness(deps: { store: Store; redis: { ready(): boolean } | undefined }): RequestHandler {
  return async (_req, res) => {
    const storeReady = await deps.store.ping().then(
      () => true,
      () => false,
    );
    const redisReady = deps.redis ? deps.redis.ready() : true;
    res
      .status(storeReady && redisReady ? 200 : 503)
      .json({ ok: storeReady && redisReady, store: storeReady, redis: redisReady });
  };
}
