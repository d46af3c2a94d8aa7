import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { newPasswordSchema, roles, userNameSchema, type Role } from '@dayline/shared';
import { hashPassword } from '../accounts/passwords.js';
import { ConfigError } from '../config.js';
import type { Store } from '../store/store.js';
import { runStoreCommands } from './run.js';

const usage = `Usage:
  npm run user -- create --name NAME --role contributor|editor|admin --password-stdin
  npm run user -- list
  npm run user -- set-role NAME --role contributor|editor|admin
  npm run user -- reset-password NAME --password-stdin
  npm run user -- disable NAME

People of the newsroom sign in to the console with a name and password. Contributors write drafts,
editors publish and curate, admins also manage events, users, feeds and tokens. The password is read
from standard input (echo it through a pipe, or type it and press Ctrl-D), never from the command
line, where other users of the machine could see it. A reset or a disable ends the user's sessions.
Uses the same DATABASE_URL as the server.`;

/** The password from standard input: one line, its line ending dropped. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const typed = (await text(process.stdin)).replace(/\r?\n$/, '');
  const parsed = newPasswordSchema.safeParse(typed);
  if (!parsed.success) throw new ConfigError(`Password: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function roleOf(value: string | undefined): Role {
  if (!value) throw new ConfigError(`Give --role ${roles.join('|')}`);
  if (!(roles as readonly string[]).includes(value)) {
    throw new ConfigError(`Unknown role "${value}": use ${roles.join(', ')}`);
  }
  return value as Role;
}

const parse = () =>
  parseArgs({
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });

/** What a command changed, in the audit log beside the console's own entries. */
function audit(
  store: Store,
  action: string,
  target: string,
  details?: Record<string, unknown>,
): Promise<void> {
  return store.audit.record({
    at: new Date().toISOString(),
    actor: 'cli',
    action,
    target,
    ...(details ? { details } : {}),
  });
}

async function existing(store: Store, target: string | undefined, command: string): Promise<string> {
  if (!target) throw new ConfigError(`${command} needs the user name`);
  if (!(await store.users.withHash(target))) throw new ConfigError(`No user named "${target}"`);
  return target;
}

runStoreCommands({
  usage,
  parse,
  check(command, values) {
    const needsPassword = command === 'create' || command === 'reset-password';
    if (needsPassword && !values['password-stdin']) {
      throw new ConfigError(`${command} reads the password from standard input: add --password-stdin`);
    }
  },
  commands: {
    async create(store, values) {
      const name = userNameSchema.safeParse(values.name ?? '');
      if (!name.success) throw new ConfigError(`--name: ${name.error.issues[0]?.message ?? 'invalid'}`);
      const role = roleOf(values.role);
      if (await store.users.withHash(name.data)) throw new ConfigError(`A user named "${name.data}" exists`);
      const passwordHash = await hashPassword(await passwordFromStdin());
      await store.users.create({
        id: randomUUID(),
        name: name.data,
        role,
        passwordHash,
        at: new Date().toISOString(),
      });
      await audit(store, 'user.create', name.data, { role });
      process.stdout.write(`Created ${role} "${name.data}"\n`);
    },
    async list(store) {
      const users = await store.users.list();
      if (users.length === 0)
        process.stdout.write('No users. Create one with: npm run user -- create --help\n');
      for (const u of users) {
        const state = u.disabledAt ? `disabled ${u.disabledAt}` : 'active';
        process.stdout.write(`${u.name}\t${u.role}\tcreated ${u.createdAt}\t${state}\n`);
      }
    },
    async 'set-role'(store, values, target) {
      const name = await existing(store, target, 'set-role');
      const role = roleOf(values.role);
      await store.users.setRole(name, role);
      await audit(store, 'user.role', name, { role });
      process.stdout.write(`"${name}" is now ${role}\n`);
    },
    async 'reset-password'(store, _values, target) {
      const name = await existing(store, target, 'reset-password');
      await store.users.setPassword(name, await hashPassword(await passwordFromStdin()));
      await audit(store, 'user.password', name);
      process.stdout.write(`New password set for "${name}"; their sessions have ended\n`);
    },
    async disable(store, _values, target) {
      const name = await existing(store, target, 'disable');
      await store.users.disable(name, new Date().toISOString());
      await audit(store, 'user.disable', name);
      process.stdout.write(`Disabled "${name}"; their sessions have ended\n`);
    },
  },
});
