import { timingSafeEqual } from 'node:crypto';
import { roleAllows, type Role } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Access } from '../access.js';
import { AppError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { TokenScope } from '../store/token-store.js';
import { sessionUser } from './sessions.js';

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
export function requireRole(deps: { access: Access; store: Store }, role: Role): RequestHandler {
  return (req, res, next) => {
    decide(deps, req, role).then((actor) => {
      res.locals.actor = actor;
      next();
    }, next);
  };
}

async function decide(
  { access, store }: { access: Access; store: Store },
  req: Request,
  role: Role,
): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) {
    const grant = await access.grant(bearer);
    if (!grant.valid) throw new AppError('unauthorized', 'Invalid or revoked token');
    const scope = scopeFor[role];
    if (!grant.scopes.has(scope)) throw new AppError('forbidden', `This token lacks the "${scope}" scope`);
    return { kind: 'token', role: grant.scopes.has('admin') ? 'admin' : 'editor' };
  }
  const user = await sessionUser(store, req);
  if (!user) throw new AppError('unauthorized', 'Sign in, or send Authorization: Bearer <token>');
  if (!safeMethods.has(req.method) && !sameToken(req.get('x-csrf-token'), req.session.csrfToken)) {
    throw new AppError('csrf', 'Send the X-CSRF-Token your sign-in returned');
  }
  if (!roleAllows(user.role, role)) throw new AppError('forbidden', `This needs the ${role} role`);
  return { kind: 'user', id: user.id, name: user.name, role: user.role };
}
