import { randomBytes, randomUUID } from 'node:crypto';
import { setupSchema, signInSchema, type SessionInfo } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import { rateLimit, ipKeyGenerator, type Store as LimitStore } from 'express-rate-limit';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../clock.js';
import { checkPassword, hashPassword } from './passwords.js';
import { redeemSetup } from './setup.js';
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
    secret: await store.settings.secret('session-secret'),
    store: store.sessions,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMs },
  });
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in person making the request (an active user), set by `signedIn`. */
    person?: User;
  }
}

/**
 * The session middleware, then `req.person` for an active signed-in user. Mounted on the routes
 * that start a session (sign-in, setup); `signedIn` runs it for every other request that has one.
 */
export function withSession(sessionMiddleware: RequestHandler, store: Store): RequestHandler {
  return (req, res, next) => {
    // Already run for this request (by `signedIn`, before the route's own).
    if (req.session) return next();
    sessionMiddleware(req, res, (error?: unknown) => {
      if (error) return next(error);
      sessionUser(store, req).then((user) => {
        if (user) req.person = user;
        next();
      }, next);
    });
  };
}

/**
 * `withSession` for requests that carry the session cookie: readers, who never sign in, pay
 * nothing for it.
 */
export function signedIn(sessionMiddleware: RequestHandler, store: Store): RequestHandler {
  const session = withSession(sessionMiddleware, store);
  return (req, res, next) =>
    req.get('cookie')?.includes(`${sessionCookie}=`) ? session(req, res, next) : next();
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

/** Where every node counts failed sign-ins (Redis), when there are several. */
export type LimitStores = (kind: 'name' | 'address') => LimitStore;

/**
 * Failed sign-ins, limited per name and per address; a success does not count. Each node counts
 * its own; with shared stores every node also counts into the same place, so more nodes give an
 * attacker no more tries (and while the shared store is away, each node's own limits still hold).
 */
function signInLimits(shared: LimitStores | undefined): RequestHandler[] {
  const limit = (key: (req: Request) => string, max: number, store?: LimitStore) =>
    rateLimit({
      ...(store ? { store, passOnStoreError: true } : {}),
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
  const address = (req: Request) => `address:${ipKeyGenerator(req.ip ?? '')}`;
  return [
    limit(address, 30),
    limit(name, 10),
    ...(shared ? [limit(address, 30, shared('address')), limit(name, 10, shared('name'))] : []),
  ];
}

/** Signs `user` in on this request: a new session id (so one planted earlier is worthless). */
async function startSession(req: Request, user: User): Promise<SessionInfo> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
  req.session.userId = user.id;
  req.session.csrfToken = randomBytes(32).toString('base64url');
  await new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
  return info(user, req.session.csrfToken);
}

/** POST, GET and DELETE /api/session; POST /api/setup. */
export function sessionHandlers({
  store,
  clock,
  logger,
  limitStores,
}: {
  store: Store;
  clock: Clock;
  logger: Logger;
  limitStores?: LimitStores;
}) {
  const signIn: RequestHandler = async (req, res) => {
    const { name, password } = parseInput(signInSchema, req.body);
    const found = await store.users.withHash(name);
    // The same work for a missing name as for a wrong password: one argon2 check either way.
    const matches = await checkPassword(found?.passwordHash, password);
    if (!found || !matches || found.user.disabledAt) throw refusal();
    logger.info({ user: found.user.name, role: found.user.role }, 'signed in');
    await store.audit.record({ at: clock.now().toISOString(), actor: found.user.name, action: 'sign-in' });
    res.json(await startSession(req, found.user));
  };

  /** The first admin, from the one-time link of a fresh install; signed in at once. */
  const setUp: RequestHandler = async (req, res) => {
    const { token, name, password } = parseInput(setupSchema, req.body);
    const at = clock.now();
    if (!(await redeemSetup(store, token, at))) {
      throw new AppError(
        'unauthorized',
        'This setup link was used, has expired, or an admin exists: sign in',
      );
    }
    const user = await store.users.create({
      id: randomUUID(),
      name,
      role: 'admin',
      passwordHash: await hashPassword(password),
      at: at.toISOString(),
    });
    logger.info({ user: user.name }, 'first admin created from the setup link');
    await store.audit.record({ at: user.createdAt, actor: user.name, action: 'setup', target: user.name });
    res.status(201).json(await startSession(req, user));
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

  return { signInLimits: signInLimits(limitStores), signIn, setUp, current, signOut };
}
