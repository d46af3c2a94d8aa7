import { z } from 'zod';

/** Newsroom roles, each allowed what the one before it may do. */
export const roles = ['contributor', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Whether `role` may do what `needed` may. */
export const roleAllows = (role: Role, needed: Role) => roles.indexOf(role) >= roles.indexOf(needed);

/** A sign-in name: what a colleague would type, case kept, compared as stored. */
export const userNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'Use letters, digits, dots, dashes, underscores or @');

/** A new password: long enough to resist guessing offline if the hashes ever leak. */
export const newPasswordSchema = z.string().min(10, 'Use at least 10 characters').max(1000);

/** POST /api/session. */
export const signInSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1000),
});

export const sessionUserSchema = z.object({ name: z.string(), role: z.enum(roles) });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** POST and GET /api/session: who is signed in, and the token their writes must carry. */
export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionSchema>;

/** POST /api/setup: the first admin account, from the one-time link the server logs on a fresh install. */
export const setupSchema = z.strictObject({
  token: z.string().min(1).max(200),
  name: userNameSchema,
  password: newPasswordSchema,
});

/** GET /api/audit: newest first, filtered, paged by `before` (the `next` of the page before). */
export const auditQuerySchema = z.strictObject({
  event: z.string().max(100).optional(),
  user: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What an API token may do (docs/security.md): read private events, write updates, administer. */
export const tokenScopes = ['ingest', 'admin', 'viewer'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** POST /api/users (admins). */
export const newUserSchema = z.strictObject({
  name: userNameSchema,
  role: z.enum(roles),
  password: newPasswordSchema,
});

/** PATCH /api/users/:name (admins): a new role, a new password (ends their sessions), or disable. */
export const userPatchSchema = z
  .strictObject({
    role: z.enum(roles).optional(),
    password: newPasswordSchema.optional(),
    disabled: z.literal(true).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one change' });

/** POST /api/tokens (admins): the token is shown once, in the answer. */
export const newTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(tokenScopes)).min(1).max(3),
});

/** A newsroom account as admins see it (never its password hash). */
export interface UserView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

/** A named API token as admins see it (never the token, never its digest). */
export interface TokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  revokedAt: string | null;
}

/** One entry of the audit log (GET /api/audit). */
export interface AuditEntry {
  id: number;
  at: string;
  /** A user's name, `token` for a machine, `cli` for `npm run user`. */
  actor: string;
  action: string;
  event: string | null;
  target: string | null;
  details: unknown;
}
