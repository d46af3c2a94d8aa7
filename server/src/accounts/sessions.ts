import { randomBytes } from 'node:crypto';
import { signInSchema, type SessionInfo } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { AppError } from '../errors.js';
import { parseOr400 } from '../http/validate.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { checkPassword } from './passwords.js';
import type { User } from './users.js';

/** The session cookie's name. */
export const sessionCookie = 'dayline.sid';
/** A session left unused this long ends; each request moves it on. */
const idleMs = 12 * 3600_000;

/**
 * Sessions for signed-in people (express-session, rows in the store). A reader never gets a cookie:
 * a session is saved only once someone signs in. The cookie is HttpOnly and SameSite=Lax, and
 * Secure when the request came over HTTPS (through a proxy the app trusts).
 */
export async function sessions(store: Store): Promise<RequestHandler> {
  return session({
    name: sessionCookie,
    secret: await store.sharedSecret('session-secret'),
    store: store.sessions,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMs },
  });
}

/**
 * Runs the session middleware only for requests that may have a session (they carry its cookie,
 * or they are signing in): readers, who never sign in, pay nothing for it.
 */
export function signedIn(sessionMiddleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.path === '/session' || req.get('cookie')?.includes(`${sessionCookie}=`)) {
      sessionMiddleware(req, res, next);
    } else next();
  };
}

/** The active user of the request's session, if any. */
export async function sessionUser(store: Store, req: Request): Promise<User | undefined> {
  const id = req.session?.userId;
  if (!id) return undefined;
  const user = await store.users.byId(id);
  return user && !user.disabledAt ? user : undefined;
}

const info = (user: User, csrfToken: string): SessionInfo => ({
  user: { name: user.name, role: user.role },
  csrfToken,
});

const refusal = () => new AppError('unauthorized', 'Wrong name or password');

/** Failed sign-ins, limited per name and per address; a success does not count. */
function signInLimits(): RequestHandler[] {
  const limit = (key: (req: Request) => string, max: number) =>
    rateLimit({
      windowMs: 15 * 60_000,
      limit: max,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: key,
      handler: (_req, _res, next) =>
        next(new AppError('rate_limited', 'Too many failed sign-ins; wait and try again')),
    });
  const name = (req: Request) => {
    const raw: unknown = (req.body as { name?: unknown } | undefined)?.name;
    return `name:${typeof raw === 'string' ? raw.trim().toLowerCase() : ''}`;
  };
  return [limit((req) => `address:${ipKeyGenerator(req.ip ?? '')}`, 30), limit(name, 10)];
}

/** POST, GET and DELETE /api/session. */
export function sessionHandlers({ store, logger }: { store: Store; logger: Logger }) {
  const signIn: RequestHandler = async (req, res) => {
    const { name, password } = parseOr400(signInSchema, req.body);
    const found = await store.users.withHash(name);
    // The same work for a missing name as for a wrong password: one argon2 check either way.
    const matches = await checkPassword(found?.passwordHash, password);
    if (!found || !matches || found.user.disabledAt) throw refusal();
    const user = found.user;
    // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.userId = user.id;
    req.session.csrfToken = randomBytes(32).toString('base64url');
    await new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
    logger.info({ user: user.name, role: user.role }, 'signed in');
    res.json(info(user, req.session.csrfToken));
  };

  const current: RequestHandler = async (req, res) => {
    const user = await sessionUser(store, req);
    if (!user || !req.session.csrfToken) throw new AppError('unauthorized', 'Not signed in');
    res.json(info(user, req.session.csrfToken));
  };

  const signOut: RequestHandler = async (req, res) => {
    if (req.session?.userId) {
      await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
    }
    res.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax' });
    res.status(204).end();
  };

  return { signInLimits: signInLimits(), signIn, current, signOut };
}
