import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { newPasswordSchema, roles, userNameSchema, type Role } from '@dayline/shared';
import { hashPassword } from '../accounts/passwords.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { runCli } from './run.js';

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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const needsPassword = command === 'create' || command === 'reset-password';
  if (needsPassword && !values['password-stdin']) {
    throw new ConfigError(`${command} reads the password from standard input: add --password-stdin`);
  }
  const store = await openStore(loadConfig().databaseUrl, { servesReaders: false });
  try {
    switch (command) {
      case 'create': {
        const name = userNameSchema.safeParse(values.name ?? '');
        if (!name.success) throw new ConfigError(`--name: ${name.error.issues[0]?.message ?? 'invalid'}`);
        const role = roleOf(values.role);
        if (await store.users.withHash(name.data))
          throw new ConfigError(`A user named "${name.data}" exists`);
        const passwordHash = await hashPassword(await passwordFromStdin());
        await store.users.create({
          id: randomUUID(),
          name: name.data,
          role,
          passwordHash,
          at: new Date().toISOString(),
        });
        await store.audit.record({
          at: new Date().toISOString(),
          actor: 'cli',
          action: 'user.create',
          target: name.data,
          details: { role },
        });
        process.stdout.write(`Created ${role} "${name.data}"\n`);
        return 0;
      }
      case 'list': {
        const users = await store.users.list();
        if (users.length === 0)
          process.stdout.write('No users. Create one with: npm run user -- create --help\n');
        for (const u of users) {
          const state = u.disabledAt ? `disabled ${u.disabledAt}` : 'active';
          process.stdout.write(`${u.name}\t${u.role}\tcreated ${u.createdAt}\t${state}\n`);
        }
        return 0;
      }
      case 'set-role': {
        if (!target) throw new ConfigError('set-role needs the user name');
        const role = roleOf(values.role);
        if (!(await store.users.setRole(target, role))) throw new ConfigError(`No user named "${target}"`);
        await store.audit.record({
          at: new Date().toISOString(),
          actor: 'cli',
          action: 'user.role',
          target,
          details: { role },
        });
        process.stdout.write(`"${target}" is now ${role}\n`);
        return 0;
      }
      case 'reset-password': {
        if (!target) throw new ConfigError('reset-password needs the user name');
        if (!(await store.users.withHash(target))) throw new ConfigError(`No user named "${target}"`);
        const passwordHash = await hashPassword(await passwordFromStdin());
        await store.users.setPassword(target, passwordHash);
        await store.audit.record({
          at: new Date().toISOString(),
          actor: 'cli',
          action: 'user.password',
          target,
        });
        process.stdout.write(`New password set for "${target}"; their sessions have ended\n`);
        return 0;
      }
      case 'disable': {
        if (!target) throw new ConfigError('disable needs the user name');
        if (!(await store.users.disable(target, new Date().toISOString()))) {
          throw new ConfigError(`No user named "${target}"`);
        }
        await store.audit.record({
          at: new Date().toISOString(),
          actor: 'cli',
          action: 'user.disable',
          target,
        });
        process.stdout.write(`Disabled "${target}"; their sessions have ended\n`);
        return 0;
      }
      default:
        process.stderr.write(`${usage}\n`);
        return 2;
    }
  } finally {
    await store.close();
  }
}

runCli(main);
