import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { SerializedRequest, SerializedResponse } from 'pino';
import { pinoHttp } from 'pino-http';
import { redaction, type Logger } from '../logger.js';

/** An incoming X-Request-Id is kept only if it is a short plain token: it is echoed and logged. */
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,100}$/;

/** Probes and scrapes every few seconds would drown the log. */
const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);

/** The URL as logged: `?token=` (feed readers' viewer tokens) replaced. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

/** The URL the client asked for (Express rewrites `req.url` inside mounted routers). */
const urlOf = (req: IncomingMessage) =>
  redactUrl((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '');

/** The request id: the caller's X-Request-Id if acceptable, else a fresh UUID; echoed in the answer. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * One log line per HTTP request when it ends, with its id (`reqId`), method, URL, status and time.
 * `req.log` carries the id for anything logged while serving it (errors.ts logs failures with it).
 * Socket.io's own requests never reach Express, so live traffic is not logged line by line.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: requestId,
    // `reqId` on every line of the request, not only inside the `req` object of the last one.
    quietReqLogger: true,
    // Also here, not only in createLogger, so whatever logger the app is given gets it.
    redact: redaction,
    serializers: {
      req: (req: SerializedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        // Express's req.ip follows DAYLINE_TRUST_PROXY; the socket's address would be the proxy's.
        remoteAddress: (req.raw as { ip?: string }).ip ?? req.remoteAddress,
        headers: req.headers,
      }),
      res: (res: SerializedResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => quietPaths.has((req.url ?? '').split('?')[0] ?? '') },
    customLogLevel: (_req, res, error) =>
      res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (req, res, ms) =>
      `${req.method} ${urlOf(req)} ${res.statusCode} in ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${urlOf(req)} failed with ${res.statusCode}`,
    // errors.ts logs the error itself, with its stack, under the same reqId; the closing line
    // would otherwise carry a made-up "failed with status code 500" error.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ ...value, err: undefined }),
  }) as RequestHandler;
}
