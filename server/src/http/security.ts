import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers with a strict Content-Security-Policy: scripts only from this origin (the built
 * client has no inline script), no plugins, no framing. Inline style *attributes* stay allowed:
 * Svelte sets topic colours through them, and they cannot run code.
 */
export function securityHeaders(): RequestHandler {
  return helmet(securityOptions(["'none'"]));
}

/**
 * The options behind securityHeaders, with the pages that may frame this one (`frame-ancestors`):
 * none for every page but the embed (http/embed.ts), which names the publishers' sites and sends
 * no X-Frame-Options.
 */
export function securityOptions(frameAncestors: string[]): HelmetOptions {
  const framable = !frameAncestors.includes("'none'");
  return {
    xFrameOptions: !framable,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors,
      },
    },
    crossOriginEmbedderPolicy: false,
  };
}

/** CORS is off unless origins are configured (DAYLINE_CORS_ORIGINS); then only those may call the API. */
export function corsFor(origins: readonly string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({ origin: [...origins], methods: ['GET', 'POST', 'PATCH', 'DELETE'], maxAge: 600 });
}
