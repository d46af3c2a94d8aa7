import { parseArgs } from 'node:util';
import { issueToken } from '../access/access.js';
import { ConfigError } from '../config.js';
import { tokenScopes, type TokenScope } from '../access/token-store.js';
import { runStoreCommands } from './run.js';

const usage = `Usage:
  npm run token -- create --name NAME [--scope ingest|admin|viewer ...]
  npm run token -- list
  npm run token -- revoke NAME

Tokens authorise API writes (ingest: updates; admin: also sources) and reads of private events
(viewer; ingest and admin include it). Only a SHA-256 digest is stored: a new token is shown once.
Uses the same DATABASE_URL as the server. DAYLINE_INGEST_TOKEN keeps working beside these.`;

const parse = () =>
  parseArgs({
    options: {
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });

function scopesOf(values: { scope?: string[] | undefined }): TokenScope[] {
  const scopes = values.scope ?? ['ingest'];
  const unknown = scopes.find((s) => !(tokenScopes as readonly string[]).includes(s));
  if (unknown) throw new ConfigError(`Unknown scope "${unknown}": use ${tokenScopes.join(', ')}`);
  return scopes as TokenScope[];
}

runStoreCommands({
  usage,
  parse,
  check: (_command, values) => void scopesOf(values),
  commands: {
    async create(store, values) {
      if (!values.name) throw new ConfigError('create needs --name NAME');
      const scopes = scopesOf(values);
      const at = new Date().toISOString();
      const { token } = await issueToken(store.tokens, { name: values.name, scopes, at });
      process.stdout.write(
        `Created token "${values.name}" (${scopes.join(', ')}). It is shown only now:\n${token}\n`,
      );
    },
    async list(store) {
      const tokens = await store.tokens.list();
      if (tokens.length === 0)
        process.stdout.write('No tokens. Create one with: npm run token -- create --name NAME\n');
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
        process.stdout.write(`${t.name}\t${t.scopes.join(',')}\tcreated ${t.createdAt}\t${state}\n`);
      }
    },
    async revoke(store, _values, target) {
      if (!target) throw new ConfigError('revoke needs the token name');
      if (!(await store.tokens.revoke(target, new Date().toISOString()))) {
        throw new ConfigError(`No active token named "${target}"`);
      }
      process.stdout.write(`Revoked "${target}"\n`);
    },
  },
});
