import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { InvalidPageToken } from '../store/store.js';
import { isStoreUnavailable } from '../store/unavailable.js';

/** Seconds a client should wait before retrying a write while the store is away. */
export const retryAfterSeconds = 5;

/** Errors thrown by body-parser carry a `type` and an HTTP status. */
function fromBodyParser(error: { type?: unknown; status?: unknown }): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'Body is larger than 1 MB; send smaller batches');
    case 'entity.parse.failed':
      return new AppError('invalid_input', 'Body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('invalid_input', 'Send the body as UTF-8 JSON');
    default:
      return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

/** The AppError an error stands for, if it is one clients may see (else undefined: a 5xx). */
export function asAppError(error: unknown): AppError | undefined {
  return error instanceof AppError
    ? error
    : error instanceof InvalidPageToken
      ? new AppError('invalid_input', 'Invalid input: before', {
          issues: [{ path: 'before', message: 'Unreadable page token; use a `next` value from a page' }],
        })
      : fromBodyParser(error as { type?: unknown });
}

/** The one place errors become HTTP answers; messages of unexpected errors never reach clients. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // The request's own logger (request-log.ts) adds its reqId, which the client has in X-Request-Id.
    const log = (req as { log?: Logger }).log ?? logger;
    const known = asAppError(error);
    if (known) {
      if (known.status === 429 || known.status >= 503) res.set('Retry-After', String(retryAfterSeconds));
      // A full disk needs an operator: say so in the log, not only to the client.
      if (known.code === 'storage_full') logger.error({ err: error, path: req.path }, known.message);
      res.status(known.status).json({ error: known.toJSON() });
      return;
    }
    if (isStoreUnavailable(error)) {
      log.warn({ err: error, method: req.method, path: req.path }, 'store unavailable');
      res.set('Retry-After', String(retryAfterSeconds));
      res
        .status(503)
        .json({ error: { code: 'unavailable', message: 'The store is unavailable; retry shortly' } });
      return;
    }
    log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'Internal error' } });
  };
}
