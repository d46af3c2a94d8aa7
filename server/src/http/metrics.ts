import { createHash, timingSafeEqual } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import { AppError } from '../errors.js';
import type { Metrics } from '../metrics.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { asAppError } from './errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in Prometheus text format. With `token` (DAYLINE_METRICS_TOKEN) it needs
 * `Authorization: Bearer <token>` or an admin token, and private events appear by slug; without
 * it anyone may scrape, and private events are counted together under `(private)`.
 */
export function metricsHandler(deps: {
  metrics: Metrics;
  access: Access;
  token: string | undefined;
}): RequestHandler {
  const expected = deps.token === undefined ? undefined : digest(deps.token);
  const allowed = async (presented: string | undefined) =>
    !expected ||
    (presented !== undefined &&
      (timingSafeEqual(digest(presented), expected) || (await deps.access.allows(presented, 'admin'))));
  return async (req, res) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!(await allowed(presented))) {
      throw new AppError('unauthorized', 'Send Authorization: Bearer <metrics or admin token>');
    }
    const { contentType, body } = await deps.metrics.render();
    res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
  };
}

/** Counts a failed ingest request by its error code, then lets the error handler answer it. */
export function countIngestRejections(metrics: Metrics): ErrorRequestHandler {
  return (error: unknown, _req, _res, next) => {
    metrics.rejected(asAppError(error)?.code ?? (isStoreUnavailable(error) ? 'unavailable' : 'internal'));
    next(error);
  };
}
