import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { UpdatePage } from '@dayline/shared';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/store/sqlite-backup.js';
import { testStore } from './databases.js';
import { anUpdate, startServer, type TestServer } from './helpers.js';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/** The backup CLI as `npm run backup` runs it, from source. */
function backupCli(databaseUrl: string, ...args: string[]) {
  const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
  return run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', ...args], {
    cwd: serverDir,
    env: { ...env, DATABASE_URL: databaseUrl },
  });
}

/** What a copy of the database holds, read without the server. */
function inspect(file: string): { check: unknown; ids: string[]; journal: unknown } {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return {
      check: db.pragma('integrity_check', { simple: true }),
      ids: (db.prepare('select id from updates').all() as { id: string }[]).map((r) => r.id),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

// SQLite only: PostgreSQL is backed up with pg_dump (docs/operations.md).
describe.skipIf(testStore === 'postgres')('npm run backup (SQLite)', () => {
  let dir: string;
  let server: TestServer;
  const others: TestServer[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dayline-backup-'));
    server = await startServer({}, { databaseUrl: `sqlite:${path.join(dir, 'live.db')}` });
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((s) => s.close()));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function postMany(count: number): Promise<string[]> {
    const response = await server.post({ items: Array.from({ length: count }, () => anUpdate()) });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { id: string; status: string }[] };
    expect(results.every((r) => r.status === 'created')).toBe(true);
    return results.map((r) => r.id);
  }

  it('copies a database the server is writing to, consistent and complete', async () => {
    const before = await postMany(200);
    // Writes keep coming while the copy is taken.
    let writing = true;
    const during: string[] = [];
    const writer = (async () => {
      while (writing) during.push(...(await postMany(5)));
    })();
    const out = path.join(dir, 'copy.db');
    const result = await backupSqlite(server.databaseUrl, out).finally(() => (writing = false));
    await writer;

    expect(result.file).toBe(out);
    expect(result.pages).toBeGreaterThan(1);
    expect(result.bytes).toBeGreaterThanOrEqual(result.pages * 512);
    const copy = inspect(out);
    expect(copy.check).toBe('ok');
    // One self-contained file: no -wal beside it to forget when moving it.
    expect(copy.journal).toBe('delete');
    expect(existsSync(`${out}-wal`)).toBe(false);
    // Everything acknowledged before the backup began is in it; of what came during, a prefix.
    const ids = new Set(copy.ids);
    expect(before.every((id) => ids.has(id))).toBe(true);
    const caught = during.filter((id) => ids.has(id)).length;
    expect(copy.ids.length).toBe(before.length + caught);
    expect(during.slice(0, caught).every((id) => ids.has(id))).toBe(true);

    // Restored as docs/operations.md says (the copy put where the database lives), it serves them.
    const restoredFile = path.join(dir, 'restored.db');
    copyFileSync(out, restoredFile);
    const restored = await startServer({}, { databaseUrl: `sqlite:${restoredFile}` });
    others.push(restored);
    const served: string[] = [];
    for (let next: string | null = ''; next !== null;) {
      const response = await fetch(
        `${restored.url}/api/events/test-war/updates?limit=100${next && `&before=${next}`}`,
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as UpdatePage;
      served.push(...page.items.map((u) => u.id));
      next = page.next;
    }
    expect(served.sort()).toEqual([...copy.ids].sort());
  });

  it('runs as a command, refuses to overwrite, and sends PostgreSQL users to pg_dump', async () => {
    const ids = await postMany(3);
    const out = path.join(dir, 'cli.db');
    const { stdout } = await backupCli(server.databaseUrl, '--out', out);
    expect(stdout).toMatch(new RegExp(`^Backed up \\d+ pages \\(\\d+ bytes\\) to ${out}$`, 'm'));
    expect(inspect(out)).toMatchObject({ check: 'ok', ids: expect.arrayContaining(ids) });

    await expect(backupCli(server.databaseUrl, '--out', out)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('exists'),
    });
    await expect(
      backupCli('postgres://postgres@127.0.0.1:5432/dayline', '--out', 'x.db'),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') });
    await expect(backupCli(server.databaseUrl)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out FILE'),
    });
  }, 60_000);
});
