import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { clientFileHeaders } from './caching.js';

/** Serves the built client; any other path gets index.html so links like /?topics=x work. */
export function clientRouter(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  router.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: clientFileHeaders(clientDir),
    }),
  );
  router.get('/{*path}', (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
