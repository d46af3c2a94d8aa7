import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { postUpdates } from '../api.js';
import { startServer, type RunningServer } from '../server.js';
import { createFirstAdmin, shoot } from './console-helpers.js';

// Issue 19: with the event's trained topic model on, a batch is stored with the rules' topics and
// refined in the background; the desk shows how far it is, live, and a reader's open page gets the
// refined topics as ordinary changes.
let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer({ DAYLINE_TOPIC_MODEL: 'on' });
});
test.afterEach(async () => {
  await server.stop();
});

const labelled = (
  JSON.parse(readFileSync(new URL('../../server/test/fixtures/tagging.json', import.meta.url), 'utf8')) as {
    items: { split: string; title: string; summary: string; source: string }[];
  }
).items.filter((i) => i.split === 'holdout-r3' || i.split === 'holdout-r4');

test('the desk shows the topic refinement of a batch as it goes, and when it is done', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await createFirstAdmin(page, server, 'duty-editor');
  await expect(page.getByRole('heading', { name: 'Live timeline' })).toBeVisible();

  const items = labelled.map((item, i) => ({
    title: item.title,
    summary: item.summary,
    source: { name: item.source },
    publishedAt: new Date(Date.UTC(2022, 5, 1, 8, i)).toISOString(),
  }));
  const { results } = await postUpdates('ukraine-war', { items }, server.url);
  expect(results.filter((r) => r.status === 'created')).toHaveLength(items.length);

  const bar = page.getByTestId('refining');
  await expect(bar).toContainText(new RegExp(`Refining topics: [\\d,]+ / ${items.length}`), {
    timeout: 30_000,
  });
  await expect(bar.getByRole('progressbar')).toHaveAttribute('max', String(items.length));
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await bar.scrollIntoViewIfNeeded();
      await shoot(page, `refining-${width}-${scheme}`, testInfo.project.outputDir);
    }
  }
  await expect(bar).toContainText(`Topics refined: ${items.length} updates`, { timeout: 200_000 });
  await shoot(page, 'refined-390-dark', testInfo.project.outputDir);
  // Done: the bar says so, then leaves the desk.
  await expect(bar).toBeHidden({ timeout: 15_000 });
});
