import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Runs two handlers in order, as one. */
export function both(first: RequestHandler, second: RequestHandler): RequestHandler {
  return (req, res, next) =>
    first(req, res, (error?: unknown) => (error ? next(error) : second(req, res, next)));
}

/** Writes need `Authorization: Bearer <ingest token>`, compared in constant time. */
export function requireIngestToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      next(new AppError('unauthorized', 'Send Authorization: Bearer <ingest token>'));
    } else if (!timingSafeEqual(digest(match[1]), expected)) {
      next(new AppError('unauthorized', 'Invalid ingest token'));
    } else {
      next();
    }
  };
}
