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
