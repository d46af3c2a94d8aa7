import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { consolePages, firstViewElementId, type FirstView, type Route } from '@dayline/shared';
import express, { Router, type Request, type Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { clientFileHeaders } from './caching.js';
import { headHtml, pageHead, routeOf, scriptJson, type PageHead } from './reader-page.js';
import { RenderedPages, type RenderedPage } from './rendered-pages.js';

/** The reader's pages: the app, with the first view rendered into the page. */
export const readerPaths = ['/', '/e/:slug', '/e/:slug/day/:day', '/e/:slug/u/:id'];
/** The newsroom's pages: the app as built (the desk, the setup link, and every page the console has). */
export const consolePaths = ['/console', '/console/setup', ...Object.keys(consolePages)];
/** Every page path: anything else is a 404. */
export const appPaths = [...readerPaths, ...consolePaths];

/** What a reader's page starts from, for the request (what GET /api/first-view would answer it). */
export type FirstViewReader = (req: Request, route: Route) => Promise<FirstView>;

/** The client's server build (client/src/ssr.ts): the reader's page rendered by its own components. */
type RenderReaderPage = (href: string, firstView: FirstView) => RenderedPage;

/**
 * Serves the built client: its files, the app on every page path (links like /e/x?topics=y work),
 * and a real 404 page with status 404 on any other path.
 */
export function clientRouter(clientDir: string, readFirstView: FirstViewReader, logger: Logger): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  const serverBuild = path.join(clientDir, '..', 'dist-ssr', 'ssr.js');
  let template: Promise<string> | undefined;
  let renderer: Promise<RenderReaderPage | null> | undefined;
  const notFound = path.join(clientDir, '404.html');
  const rendered = new RenderedPages();
  router.use(
    express.static(clientDir, {
      index: false,
      cacheControl: false,
      setHeaders: clientFileHeaders(clientDir),
    }),
  );
  const built = (res: Response) => {
    if (existsSync(index)) return true;
    res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
    return false;
  };
  router.get(consolePaths, (_req, res) => {
    if (!built(res)) return;
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  router.get(readerPaths, async (req, res) => {
    if (!built(res)) return;
    template ??= readFile(index, 'utf8');
    renderer ??= existsSync(serverBuild)
      ? import(pathToFileURL(serverBuild).href).then(
          (m: { renderReaderPage: RenderReaderPage }) => m.renderReaderPage,
        )
      : Promise.resolve(null);
    const route = routeOf(req);
    const firstView = await readFirstView(req, route);
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const render = await renderer;
    const data = scriptJson(firstView);
    const href = hrefOf(req);
    const page = render
      ? rendered.get(href, data, () => renderSafely(render, href, firstView, logger))
      : null;
    // Private: a private event's page holds what only this reader may see.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.type('html').send(readerPage(await template, pageHead(firstView, route, origin), data, page));
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

/**
 * The built index.html with the page's own head, the page rendered by the client's components (when
 * the server build is there), and the first view it was rendered from, which the client takes over.
 */
function readerPage(
  template: string,
  head: PageHead,
  firstViewJson: string,
  rendered: RenderedPage | null,
): string {
  const data = `<script type="application/json" id="${firstViewElementId}">${firstViewJson}</script>`;
  // The page's own title wins over the app's (an update's permalink is titled by its headline).
  const appHead = rendered?.head.replace(/<title>[^<]*<\/title>/, '') ?? '';
  return template
    .replace(/<meta name="description"[^>]*>\s*/, '')
    .replace(/<title>[^<]*<\/title>/, () => `${headHtml(head)}\n    ${appHead}`)
    .replace('<div id="app"></div>', () => `<div id="app">${rendered?.body ?? ''}</div>\n    ${data}`);
}

/**
 * The page as the components render it; if they cannot (a bug), the page still goes out with its
 * first view, and the browser renders it from that.
 */
function renderSafely(
  render: RenderReaderPage,
  href: string,
  firstView: FirstView,
  logger: Logger,
): RenderedPage | null {
  try {
    return render(href, firstView);
  } catch (err) {
    logger.error({ err, href }, 'the reader page could not be rendered on the server');
    return null;
  }
}

/** The page's path and query as the browser shows it (a viewer's `?token=` is not part of it). */
function hrefOf(req: Request): string {
  const url = new URL(req.originalUrl, 'http://page');
  url.searchParams.delete('token');
  return url.pathname + url.search;
}
