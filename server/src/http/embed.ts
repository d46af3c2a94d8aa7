import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { embedQuerySchema, type EmbedQuery } from '@dayline/shared';
import { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import { parseInput } from '../validate.js';
import { securityOptions } from './security.js';

interface Deps {
  events: EventCatalog;
  clientDir: string;
  /** The `frame-ancestors` of a public event's embed (config.embedAncestors). */
  embedAncestors: string[];
}

/**
 * The embed for publishers (docs/embed.md): `/embed/:slug`, a compact live timeline made to sit in
 * an iframe on another site, and `/embed.js`, the script that puts it there. The embed is the one
 * page that may be framed, and only by the configured sites; every other page keeps refusing it.
 * A private event has no embed at all: it answers exactly as an unknown event does.
 */
export function embedRouter(deps: Deps): Router {
  const router = Router();
  const html = path.join(deps.clientDir, 'embed.html');
  // The global headers (securityHeaders) ran already; these replace them for the embed alone.
  const framable = helmet(securityOptions(deps.embedAncestors));
  const withoutFrameOptions: RequestHandler = (_req, res, next) => {
    res.removeHeader('X-Frame-Options');
    next();
  };

  router.get('/embed/:slug', async (req, res, next) => {
    const runtime = deps.events.find(req.params.slug as string);
    if (!runtime || runtime.config.visibility !== 'public') {
      throw AppError.notFound(`Event "${req.params.slug as string}"`);
    }
    const query = parseInput(embedQuerySchema, req.query);
    const known = new Set(runtime.config.topics.map((t) => t.id));
    const unknown = (query.topics ?? []).filter((t) => !known.has(t));
    if (unknown.length > 0) {
      const message = `Unknown topic${unknown.length > 1 ? 's' : ''} for this event: ${unknown.join(', ')}`;
      throw new AppError('invalid_input', message, {
        issues: [{ path: 'topics', message: `Use the event's topic ids: ${[...known].join(', ')}` }],
      });
    }
    let page: string;
    try {
      page = await readFile(html, 'utf8');
    } catch {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    withoutFrameOptions(req, res, () =>
      framable(req, res, (error?: unknown) => {
        if (error) return next(error);
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(render(page, runtime.config.title, query));
      }),
    );
  });

  // The publisher's page loads the script from another origin: the global Cross-Origin-Resource-Policy
  // (same-origin) would make the browser refuse it. The static files handler sends the file itself.
  router.get('/embed.js', (_req, res, next) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  return router;
}

/**
 * The embed's page with its title and, for `theme=light|dark`, the theme set before the first paint
 * (`auto` is left to public/theme.js, which follows the system).
 */
export function render(page: string, title: string, query: EmbedQuery): string {
  const theme = query.theme === 'auto' ? '' : ` data-theme="${query.theme}" data-theme-fixed`;
  return page
    .replace(/<html([^>]*)>/, `<html$1${theme}>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} · live updates · Dayline</title>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
