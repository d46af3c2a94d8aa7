import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { InvalidPageToken } from '../store/store.js';
import { isStoreUnavailable } from '../store/unavailable.js';

/** Seconds a client should wait before retrying a write while the store is away. */
export const retryAfterSeconds = 5;

/**
 * Errors that Express, its router, body-parser or the static file server throw for a bad request
 * carry its 4xx `status` (the http-errors convention): a malformed percent-encoding in the path, a
 * body that is not the gzip it claims to be, an unknown charset. They are the client's fault, so
 * they get a 4xx JSON answer like any other, never a 500 and an error-level log line.
 */
function fromClientError(error: {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
}): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'Body is larger than 1 MB; send smaller batches');
    case 'entity.parse.failed':
      return new AppError('invalid_input', 'Body is not valid JSON');
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', 'Send the body uncompressed, or as gzip, deflate or br');
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON');
  }
  const status = typeof error.status === 'number' ? error.status : error.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (error instanceof URIError) {
    return new AppError('invalid_input', 'The URL has a malformed percent-encoding');
  }
  switch (status) {
    case 404:
      return new AppError('not_found', 'Not found');
    case 413:
      return new AppError('payload_too_large', 'Body is too large');
    case 415:
      return new AppError('unsupported_media_type', 'Unsupported body encoding or type');
    default:
      // A body that fails to inflate, or a request the router cannot read: the request is at fault.
      return new AppError('invalid_input', 'The request could not be read');
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
      : typeof error === 'object' && error !== null
        ? fromClientError(error)
        : undefined;
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
