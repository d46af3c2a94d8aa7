import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { exampleConfig, ingestToken } from '../server.js';
import { createFirstAdmin, shoot } from './console-helpers.js';
import { startConfigured, type ConfiguredServer } from './helpers.js';

// The topic model's training runs in the console (issue 19): a run made with `npm run train` on the
// server's store shows in the admin's Topic model page with its per-topic metrics; "Retrain now"
// starts another, shown while it runs and listed when it is done. A small labelled set (30
// updates) keeps a run to seconds; the embedding model is the real one.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const training = {
  DAYLINE_TRAINING_LABELS: path.join(repoRoot, 'server/test/fixtures/training-small.json'),
  DAYLINE_TRAINING_SPLITS: 'dev',
  DAYLINE_RETRAIN_AFTER: '0',
};

let server: ConfiguredServer;
test.beforeEach(async () => {
  server = await startConfigured(readFileSync(exampleConfig, 'utf8'), training);
});
test.afterEach(async () => {
  await server.stop();
});

test('an admin reads the training runs and their metrics, and retrains the model', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // A run by the CLI on the running server's store.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'server/dist/cli/train.js'), '--event', 'ukraine-war'],
    {
      cwd: path.dirname(server.configPath),
      env: {
        ...process.env,
        ...training,
        DATABASE_URL: server.databaseUrl,
        DAYLINE_CONFIG: server.configPath,
        DAYLINE_INGEST_TOKEN: ingestToken,
      },
    },
  );
  expect(stdout).toContain('Run 1: 30 examples');

  await page.setViewportSize({ width: 1280, height: 800 });
  await createFirstAdmin(page, server);
  await page.getByRole('button', { name: 'Topic model' }).click();
  await expect(page).toHaveURL(/\/console\/model\?event=ukraine-war/);
  const runs = page.getByTestId('training-runs');
  const first = runs.getByRole('row').filter({ has: page.getByRole('button', { name: 'Run 1' }) });
  await expect(first).toContainText('npm run train');
  await expect(first).toContainText('succeeded');
  await expect(first).toContainText('in use');
  await expect(page.getByRole('status')).toContainText('In use: run #1');

  // The chosen run's topics: the three the labelled set has, with their scores and thresholds.
  const topics = page.getByTestId('run-topics');
  await expect(topics.getByRole('row')).toHaveCount(5);
  const military = topics.getByRole('row').filter({ hasText: 'Military' });
  await expect(military.getByRole('cell').nth(3)).toHaveText(/^(0\.\d{3}|1\.000)$/);
  await expect(military).toContainText('10 / 30');
  await expect(page.getByTestId('run-details')).toContainText('30 labelled updates (dev)');

  await page.getByRole('button', { name: 'Retrain now' }).click();
  await expect(page.getByRole('status')).toContainText('Training run #2');
  await expect(page.getByRole('button', { name: 'Retrain now' })).toBeDisabled();
  const second = runs.getByRole('row').filter({ has: page.getByRole('button', { name: 'Run 2' }) });
  await expect(second).toContainText('Retrain now');
  await shoot(page, 'topic-model-training', testInfo.outputDir);
  await expect(second).toContainText('succeeded', { timeout: 180_000 });
  await expect(second).toContainText('in use');
  await expect(page.getByRole('status')).toContainText('In use: run #2');
  await expect(page.getByRole('button', { name: 'Retrain now' })).toBeEnabled();
  await expect(page.getByTestId('run-details')).toContainText('Retrain now by chief');
  await expect(topics.getByRole('row').filter({ hasText: 'Energy' })).toContainText('/ 30');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await shoot(page, `topic-model-1280-${colorScheme}`, testInfo.outputDir);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, `topic-model-390-${colorScheme}`, testInfo.outputDir);
  }
});
