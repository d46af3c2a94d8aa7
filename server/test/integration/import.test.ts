import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { readTopicModel } from '../../src/understanding/train.js';
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
  return importWith({}, ...args);
}

/** The same, with more environment (the topic model is off unless `env` turns it on). */
async function importWith(more: Record<string, string>, ...args: string[]) {
  const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
  return run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
    cwd: serverDir,
    env: {
      ...env,
      DATABASE_URL: database.url,
      DAYLINE_CONFIG: ukraineWarFile,
      DAYLINE_DEMO: 'off',
      DAYLINE_TOPIC_MODEL: 'off',
      ...more,
    },
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

  it('with the event’s topic model: stores the rules’ topics, then the model decides them, saying how far it is', async () => {
    const items = (
      JSON.parse(readFileSync(new URL('../fixtures/tagging.json', import.meta.url), 'utf8')) as {
        items: { split: string; title: string; summary: string; source: string }[];
      }
    ).items
      .filter((i) => i.split === 'holdout-r3')
      .slice(0, 12);
    const file = path.join(tmpdir(), `dayline-import-model-${process.pid}-${Date.now()}.ndjson`);
    writeFileSync(
      file,
      items
        .map((item, i) =>
          JSON.stringify({
            title: item.title,
            summary: item.summary,
            source: { name: item.source },
            publishedAt: new Date(Date.UTC(2022, 5, 1, 8, i)).toISOString(),
          }),
        )
        .join('\n'),
    );
    const { stdout, stderr } = await importWith(
      { DAYLINE_TOPIC_MODEL: 'on' },
      '--event',
      'ukraine-war',
      file,
    );
    expect(stdout).toContain('12 created');
    expect(stderr).toContain('Refining topics: 12 / 12');
    const summary = /Refined the topics of 12 updates with the topic model in [\d.]+ s: (\d+) changed/.exec(
      stdout,
    );
    expect(summary, stdout).not.toBeNull();
    const store = await openStore(database.url);
    try {
      const model = (await readTopicModel('ukraine-war'))!;
      expect(await store.refinements.countWaiting('ukraine-war', model.trainedAt)).toBe(0);
      const { items: stored } = await store.listUpdates('ukraine-war', { limit: 20 });
      // What the model changed went through the commit step: a second version, with its reasons.
      const changed = stored.filter((u) => u.version === 2);
      expect(changed).toHaveLength(Number(summary![1]));
      for (const update of changed)
        expect(
          Object.values(update.topicReasons ?? {})
            .flat()
            .some((r) => r.rule === 'model'),
        ).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
