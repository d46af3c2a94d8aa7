import path from 'node:path';
import compression from 'compression';
import type { RequestHandler, Response } from 'express';

/**
 * Gzip (or deflate) for text bodies: JSON pages, feeds, the client's HTML, JS and CSS. socket.io
 * never passes through here (it answers its own requests on the HTTP server before Express), and a
 * 304 has no body to compress, so conditional feed requests are unaffected.
 */
export function compress(): RequestHandler {
  return compression();
}

/**
 * API reads: caches may keep a copy but must ask again every time (`no-cache`), since lists change
 * with every update; Express's weak ETag then turns an unchanged answer into a bodiless 304. A read
 * with a viewer token may show a private event, so only the reader's own browser may keep it.
 */
export function apiCacheHeaders(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const personal = req.get('authorization') !== undefined || req.query.token !== undefined;
      res.set('Cache-Control', personal ? 'private, no-cache' : 'no-cache');
      res.vary('Authorization');
    }
    next();
  };
}

/**
 * The built client's files. Vite names everything under assets/ after its content hash, so a copy
 * never goes stale; index.html names the current ones and must always be checked; the few unhashed
 * files (the icon, the theme script) may be an hour old.
 */
export function clientFileHeaders(clientDir: string): (res: Response, file: string) => void {
  const assets = path.join(path.resolve(clientDir), 'assets') + path.sep;
  return (res, file) => {
    if (path.resolve(file).startsWith(assets))
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    else if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    else res.setHeader('Cache-Control', 'public, max-age=3600');
  };
}
