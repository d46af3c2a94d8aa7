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

/** Needs a token with `scope`: 401 without a valid token, 403 with one that lacks the scope. */
export function requireScope(access: Access, scope: TokenScope): RequestHandler {
  return (req, _res, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) {
      next(new AppError('unauthorized', 'Send Authorization: Bearer <token>'));
      return;
    }
    access.grant(token).then((grant) => {
      if (!grant.valid) next(new AppError('unauthorized', 'Invalid or revoked token'));
      else if (!grant.scopes.has(scope))
        next(new AppError('forbidden', `This token lacks the "${scope}" scope`));
      else next();
    }, next);
  };
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
  const viewer = await access.allows(presentedToken(req), 'viewer');
  return event !== undefined && (event.config.visibility === 'public' || viewer);
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
