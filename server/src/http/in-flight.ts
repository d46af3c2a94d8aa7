import type { RequestHandler, Response } from 'express';

/**
 * Tracks the HTTP requests being answered, so a shutdown can wait for the writes it has accepted.
 * Once draining, every answer closes its connection: a keep-alive client cannot keep slipping new
 * requests in after the server stopped accepting connections.
 */
export function inFlightRequests(): { track: RequestHandler; drain(): Promise<void> } {
  const active = new Set<Response>();
  let draining = false;
  let idle: (() => void) | undefined;
  const closeAfter = (res: Response) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  return {
    track(_req, res, next) {
      active.add(res);
      if (draining) closeAfter(res);
      res.once('close', () => {
        active.delete(res);
        if (active.size === 0) idle?.();
      });
      next();
    },
    drain() {
      draining = true;
      active.forEach(closeAfter);
      return active.size === 0 ? Promise.resolve() : new Promise((resolve) => (idle = resolve));
    },
  };
}
