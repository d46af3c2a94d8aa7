import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { backupSqlite } from '../store/sqlite-backup.js';
import { runCli } from './run.js';

const usage = `Usage:
  npm run backup -- --out FILE

Copies the SQLite database named by DATABASE_URL to FILE (a new file) with SQLite's online backup;
the server may keep running and writing meanwhile. Restore: see docs/operations.md.
For PostgreSQL use pg_dump instead.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.out) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const { file, pages, bytes } = await backupSqlite(loadConfig().databaseUrl, values.out);
  process.stdout.write(`Backed up ${pages} pages (${bytes} bytes) to ${file}\n`);
  return 0;
}

runCli(main);
