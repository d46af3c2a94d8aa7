import { randomUUID } from 'node:crypto';
import { newTokenSchema, newUserSchema, userPatchSchema } from '@dayline/shared';
import type { RequestHandler } from 'express';
import { issueToken } from '../access/access.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import { hashPassword } from './passwords.js';

/** Admins' pages of the console: users and API tokens. Paths and guards are in routes.ts. */
export function accountHandlers({ store, clock }: { store: Store; clock: Clock }) {
  const users: RequestHandler = async (_req, res) => {
    res.json({ items: await store.users.list() });
  };

  const createUser: RequestHandler = async (req, res) => {
    const { name, role, password } = parseInput(newUserSchema, req.body);
    if (await store.users.withHash(name)) throw new AppError('conflict', `A user named "${name}" exists`);
    const user = await store.users.create({
      id: randomUUID(),
      name,
      role,
      passwordHash: await hashPassword(password),
      at: clock.now().toISOString(),
    });
    res.status(201).json(user);
  };

  const changeUser: RequestHandler<{ name: string }> = async (req, res) => {
    const { role, password, disabled } = parseInput(userPatchSchema, req.body);
    const name = req.params.name;
    if (!(await store.users.withHash(name))) throw AppError.notFound(`User "${name}"`);
    if (role) await store.users.setRole(name, role);
    if (password) await store.users.setPassword(name, await hashPassword(password));
    if (disabled) await store.users.disable(name, clock.now().toISOString());
    const user = (await store.users.list()).find((u) => u.name === name);
    res.json(user);
  };

  const tokens: RequestHandler = async (_req, res) => {
    res.json({ items: await store.tokens.list() });
  };

  const createToken: RequestHandler = async (req, res) => {
    const { name, scopes } = parseInput(newTokenSchema, req.body);
    const { token, info } = await issueToken(store.tokens, { name, scopes, at: clock.now().toISOString() });
    res.status(201).json({ ...info, token });
  };

  const revokeToken: RequestHandler<{ name: string }> = async (req, res) => {
    if (!(await store.tokens.revoke(req.params.name, clock.now().toISOString()))) {
      throw AppError.notFound(`Active token "${req.params.name}"`);
    }
    res.json({ name: req.params.name, revoked: true });
  };

  return { users, createUser, changeUser, tokens, createToken, revokeToken };
}
