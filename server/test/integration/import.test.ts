import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { ukraineWarFile } from '../support/ukraine-war.js';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const rssFixture = fileURLToPath(new URL('../fixtures/feeds/rss2.xml', import.meta.url));

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

/** Runs `npm run import`'s program as a person would, against this test's own database. */
async function importFile(...args: string[]) {
  const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
  return run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
    cwd: serverDir,
    env: { ...env, DATABASE_URL: database.url, DAYLINE_CONFIG: ukraineWarFile, DAYLINE_DEMO: 'off' },
  });
}

describe('npm run import', () => {
  it('imports NDJSON through the pipeline, reports what it did, and adds nothing the second time', async () => {
    const file = path.join(tmpdir(), `dayline-import-${process.pid}-${Date.now()}.ndjson`);
    const item = (title: string, extra: object = {}) =>
      JSON.stringify({
        title,
        publishedAt: '2022-03-16T21:30:00Z',
        source: { name: 'Import Wire' },
        ...extra,
      });
    writeFileSync(
      file,
      [
        item('Missile strike on depot', { externalId: 'imp-1' }),
        item('Talks resume', { externalId: 'imp-2' }),
        '',
        item('Talks resume', { externalId: 'imp-2' }),
        item('', { externalId: 'imp-3' }),
        '{ not json',
        item('Refugees cross the border', { externalId: 'imp-4' }),
      ].join('\n'),
    );
    // Some lines were rejected: it says which, and exits 1 as the tools it sits beside would.
    const first = (await importFile('--event', 'ukraine-war', file).then(
      () => expect.fail('an import with rejected lines must exit non-zero'),
      (error: unknown) => error,
    )) as { code: number; stdout: string };
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('3 created, 1 duplicate, 0 updated, 2 rejected');
    expect(first.stdout).toMatch(/line 5: .*title/);
    expect(first.stdout).toContain('line 6: not valid JSON');
    const again = (await importFile('--event', 'ukraine-war', file).catch((error: unknown) => error)) as {
      stdout: string;
    };
    expect(again.stdout).toContain('0 created, 4 duplicate');

    const store = await openStore(database.url);
    try {
      expect(await store.countUpdates('ukraine-war')).toBe(3);
      const { items } = await store.listUpdates('ukraine-war', { limit: 10 });
      expect(items.find((u) => u.title === 'Missile strike on depot')).toMatchObject({
        day: 21,
        topics: ['military'],
      });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('imports a feed file, and explains bad arguments', async () => {
    const result = await importFile('--event', 'ukraine-war', '--source', 'Fixture Feed', rssFixture);
    expect(result.stdout).toMatch(/Imported .*rss2\.xml into ukraine-war: [1-9]\d* created/);
    // An unknown event is one plain line, not a stack trace.
    await expect(importFile('--event', 'no-such-event', rssFixture)).rejects.toMatchObject({
      code: 1,
      stderr: 'Event "no-such-event" not found\n',
    });
    await expect(importFile('--event', 'ukraine-war')).rejects.toMatchObject({
      stderr: expect.stringContaining('Usage: npm run import'),
    });
  }, 60_000);
});
