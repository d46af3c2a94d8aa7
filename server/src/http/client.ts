import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { AppError } from '../errors.js';
import { clientFileHeaders } from './caching.js';

/** The reader's and the newsroom's pages: each one answers with the app, anything else is a 404. */
export const appPaths = [
  '/',
  '/e/:slug',
  '/e/:slug/day/:day',
  '/e/:slug/u/:id',
  '/console',
  '/console/setup',
  '/console/admin',
  '/console/events',
];

/**
 * Serves the built client: its files, the app on every page path (links like /e/x?topics=y work),
 * and a real 404 page with status 404 on any other path.
 */
export function clientRouter(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  const notFound = path.join(clientDir, '404.html');
  router.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: clientFileHeaders(clientDir),
    }),
  );
  router.get(appPaths, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  router.use((req, res) => {
    // A path that is not even well-formed is the client's error.
    try {
      decodeURIComponent(req.path);
    } catch {
      throw new AppError('invalid_input', 'The URL has a malformed percent-encoding');
    }
    res.status(404).setHeader('Cache-Control', 'no-cache');
    if (req.method === 'GET' && existsSync(notFound) && req.accepts('html')) res.sendFile(notFound);
    else res.type('text').send('Not found');
  });
  return router;
}
