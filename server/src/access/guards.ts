import { timingSafeEqual } from 'node:crypto';
import { roleAllows, type Role } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Access } from './access.js';
import { AppError } from '../errors.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import type { TokenScope } from './token-store.js';

/** Runs two handlers in order, as one. */
export function both(first: RequestHandler, second: RequestHandler): RequestHandler {
  return (req, res, next) =>
    first(req, res, (error?: unknown) => (error ? next(error) : second(req, res, next)));
}

/** The bearer token of a request; feed readers that cannot send headers may use `?token=`. */
export function presentedToken(req: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) return bearer;
  const query = req.query.token;
  return typeof query === 'string' && query ? query : undefined;
}

/** Who made a request: a signed-in person, or a machine with a bearer token. */
export type Actor = { kind: 'user'; id: string; name: string; role: Role } | { kind: 'token'; role: Role };

/** The token scope that stands for each role: machines keep the scopes they always had. */
const scopeFor: Record<Role, TokenScope> = { contributor: 'ingest', editor: 'ingest', admin: 'admin' };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(presented: string | undefined, expected: string | undefined): boolean {
  if (!presented || !expected) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The actor the guard let through (set by `requireRole`). */
export const actorOf = (res: { locals: Record<string, unknown> }) => res.locals.actor as Actor;

/**
 * Needs `role` or more. A bearer token (machines) is checked as before; otherwise the session
 * cookie, and a write signed in by cookie must carry the session's `X-CSRF-Token` (a page on another
 * site can make the browser send the cookie, never read the token). 401 without either, 403
 * `forbidden` for too small a role, 403 `csrf` for a missing or wrong token.
 */
export function requireRole(deps: { access: Access }, role: Role): RequestHandler {
  return (req, res, next) => {
    decide(deps, req, role).then((actor) => {
      res.locals.actor = actor;
      next();
    }, next);
  };
}

async function decide({ access }: { access: Access }, req: Request, role: Role): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) {
    const grant = await access.grant(bearer);
    if (!grant.valid) throw new AppError('unauthorized', 'Invalid or revoked token');
    const scope = scopeFor[role];
    if (!grant.scopes.has(scope)) throw new AppError('forbidden', `This token lacks the "${scope}" scope`);
    return { kind: 'token', role: grant.scopes.has('admin') ? 'admin' : 'editor' };
  }
  const user = req.person;
  if (!user) throw new AppError('unauthorized', 'Sign in, or send Authorization: Bearer <token>');
  if (!safeMethods.has(req.method) && !sameToken(req.get('x-csrf-token'), req.session.csrfToken)) {
    throw new AppError('csrf', 'Send the X-CSRF-Token your sign-in returned');
  }
  if (!roleAllows(user.role, role)) throw new AppError('forbidden', `This needs the ${role} role`);
  return { kind: 'user', id: user.id, name: user.name, role: user.role };
}

/**
 * Whether the request may see `event` (undefined: there is no such event). The token is checked
 * whether or not the event exists or is private, so the time an answer takes does not tell a
 * private event from a missing one.
 */
export async function canView(
  access: Access,
  req: Request,
  event: EventRuntime | undefined,
): Promise<boolean> {
  const viewer = await mayViewPrivate(access, req);
  return event !== undefined && (event.config.visibility === 'public' || viewer);
}

/**
 * Whether the request may read private events: a token with the viewer scope (readers, feed
 * readers, machines) or a signed-in person of the newsroom. The token is looked up either way.
 */
export async function mayViewPrivate(access: Access, req: Request): Promise<boolean> {
  const token = await access.allows(presentedToken(req), 'viewer');
  return token || req.person !== undefined;
}

/**
 * The event named in the URL, if the caller may see it. A private event the caller may not see is
 * answered exactly like a missing one (404, same message, same work), so its existence does not leak.
 */
export async function viewableEvent(
  access: Access,
  events: EventCatalog,
  req: Request,
  slug: string,
): Promise<EventRuntime> {
  const event = events.find(slug);
  if (!(await canView(access, req, event)) || !event) throw AppError.notFound(`Event "${slug}"`);
  return event;
}
