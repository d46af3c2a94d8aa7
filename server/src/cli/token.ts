import { parseArgs } from 'node:util';
import { issueToken } from '../access/access.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { tokenScopes, type TokenScope } from '../access/token-store.js';
import { runCli } from './run.js';

const usage = `Usage:
  npm run token -- create --name NAME [--scope ingest|admin|viewer ...]
  npm run token -- list
  npm run token -- revoke NAME

Tokens authorise API writes (ingest: updates; admin: also sources) and reads of private events
(viewer; ingest and admin include it). Only a SHA-256 digest is stored: a new token is shown once.
Uses the same DATABASE_URL as the server. DAYLINE_INGEST_TOKEN keeps working beside these.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const scopes = (values.scope ?? ['ingest']) as TokenScope[];
  const unknown = scopes.find((s) => !(tokenScopes as readonly string[]).includes(s));
  if (unknown) throw new ConfigError(`Unknown scope "${unknown}": use ${tokenScopes.join(', ')}`);

  const store = await openStore(loadConfig().databaseUrl);
  const at = new Date().toISOString();
  try {
    switch (command) {
      case 'create': {
        if (!values.name) throw new ConfigError('create needs --name NAME');
        const { token } = await issueToken(store.tokens, { name: values.name, scopes, at });
        process.stdout.write(
          `Created token "${values.name}" (${scopes.join(', ')}). It is shown only now:\n${token}\n`,
        );
        return 0;
      }
      case 'list': {
        const tokens = await store.tokens.list();
        if (tokens.length === 0)
          process.stdout.write('No tokens. Create one with: npm run token -- create --name NAME\n');
        for (const t of tokens) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
          process.stdout.write(`${t.name}\t${t.scopes.join(',')}\tcreated ${t.createdAt}\t${state}\n`);
        }
        return 0;
      }
      case 'revoke': {
        if (!target) throw new ConfigError('revoke needs the token name');
        if (!(await store.tokens.revoke(target, at)))
          throw new ConfigError(`No active token named "${target}"`);
        process.stdout.write(`Revoked "${target}"\n`);
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
