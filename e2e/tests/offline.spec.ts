import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import {
  cardsOf,
  hourly,
  patchUpdate,
  postMany,
  postOne,
  ready,
  retractUpdate,
  type CardInfo,
} from './helpers.js';

// Corrections, retractions and key events, live and after a time offline. Each test gets its own
// server, so what it writes never shows up in another spec's counts.
const event = 'ukraine-war';
let server: RunningServer;
test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

/**
 * The list endpoint leaves tombstones out, while a page that was showing an update keeps it as
 * "Retracted" (its reader should learn it was taken back). Everything else must be identical.
 */
const withoutTombstones = (cards: CardInfo[]) => cards.filter((c) => c.status !== 'retracted');

test('after a time offline the page catches up to exactly what a fresh load shows, and says what happened', async ({
  page,
  context,
  browser,
}) => {
  // Day 21, 10:00–15:00 UTC.
  const ids = await postMany(server.url, event, hourly(6, '2022-03-16T15:00:00Z', 'Morning report'));
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await expect(page.getByTestId('update-card')).toHaveCount(6);

  // Chromium's offline emulation fails new requests but may leave an open WebSocket alone. The
  // client closes its socket itself on the browser's `offline` event (as it does for a real network
  // loss, rather than waiting out the heartbeat), so nothing is pushed to it meanwhile.
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveText('Offline');

  const fresh = await postMany(server.url, event, hourly(3, '2022-03-16T18:00:00Z', 'Evening report'));
  await patchUpdate(server.url, ids[1]!, {
    title: 'Morning report 2 (corrected)',
    correctionNote: 'The first version named the wrong town.',
  });
  await retractUpdate(server.url, ids[3]!, 'The source withdrew the claim.');
  // A pin alone is neither new nor a correction.
  await patchUpdate(server.url, ids[5]!, { pinned: true });
  // An update both posted and corrected while away counts once, as new.
  await patchUpdate(server.url, fresh[2]!, { summary: 'Evening report 3, expanded.' });
  // Nothing reaches the page while it is offline.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('update-card')).toHaveCount(6);

  await context.setOffline(false);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  const summary = page.getByTestId('offline-summary');
  await expect(summary).toContainText('While you were offline: 3 new, 1 corrected, 1 retracted');
  await expect(page.getByTestId('update-card')).toHaveCount(9);

  const caughtUp = await cardsOf(page);
  const reloaded = await browser.newPage();
  await reloaded.goto(`${server.url}/e/${event}`);
  await ready(reloaded);
  await expect(reloaded.getByTestId('update-card')).toHaveCount(8);
  expect(withoutTombstones(caughtUp)).toEqual(await cardsOf(reloaded));
  await reloaded.close();

  const corrected = page.locator(`[data-testid="update-card"][data-id="${ids[1]}"]`);
  await expect(corrected.getByRole('heading', { level: 3 })).toHaveText('Morning report 2 (corrected)');
  await expect(corrected.getByTestId('correction')).toHaveText(
    /^Corrected (\d+ \w+, )?\d\d:\d\d: The first version named the wrong town\.$/,
  );
  const retracted = page.locator(`[data-testid="update-card"][data-id="${ids[3]}"]`);
  await expect(retracted).toHaveAttribute('data-status', 'retracted');
  await expect(retracted.getByTestId('retraction')).toHaveText(
    /^Retracted (\d+ \w+, )?\d\d:\d\d: The source withdrew the claim\.$/,
  );
  await expect(retracted).not.toContainText('Morning report 4');
  await expect(page.getByTestId('key-events')).toContainText('Morning report 6');

  await summary.getByRole('button', { name: 'Dismiss' }).click();
  await expect(summary).toHaveCount(0);
});

test('a correction, a retraction and a pin made while the page is open show up at once', async ({ page }) => {
  const ids = await postMany(server.url, event, hourly(4, '2022-03-16T15:00:00Z', 'Update'));
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const card = (id: string) => page.locator(`[data-testid="update-card"][data-id="${id}"]`);

  await patchUpdate(server.url, ids[0]!, {
    summary: 'A longer and corrected account of what happened.',
    correctionNote: 'Casualty figure updated.',
  });
  await expect(card(ids[0]!).getByTestId('correction')).toContainText('Casualty figure updated.', {
    timeout: 2000,
  });
  await expect(card(ids[0]!)).toContainText('A longer and corrected account');
  await expect(card(ids[0]!)).toHaveAttribute('data-status', 'corrected');

  // The earlier version is one click away.
  await card(ids[0]!).getByText('Earlier versions').click();
  const versions = card(ids[0]!).getByTestId('version');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('Published');
  await expect(versions.first()).toContainText('Body of update 1.');

  await retractUpdate(server.url, ids[2]!, 'Duplicate of an earlier report.');
  await expect(card(ids[2]!).getByTestId('retraction')).toContainText('Duplicate of an earlier report.', {
    timeout: 2000,
  });
  await expect(card(ids[2]!)).not.toContainText('Update 3');

  const strip = page.getByTestId('key-events');
  await expect(strip).toHaveCount(0);
  await patchUpdate(server.url, ids[1]!, { pinned: true });
  await expect(strip).toContainText('Update 2', { timeout: 2000 });
  // A pin is not a correction.
  await expect(card(ids[1]!)).toHaveAttribute('data-status', 'published');
  await patchUpdate(server.url, ids[1]!, { pinned: false });
  await expect(strip).toHaveCount(0, { timeout: 2000 });
});

test('after a gap too long to replay, the view reloads and says so', async ({ page, context }) => {
  await postMany(server.url, event, hourly(3, '2022-03-16T15:00:00Z', 'Before'));
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveText('Offline');
  // More changes than the server replays (1000).
  await postMany(server.url, event, hourly(1100, '2022-03-16T12:00:00Z', 'Backlog'));
  await postOne(server.url, event, { title: 'Newest of all', publishedAt: '2022-03-17T09:00:00Z' });
  await context.setOffline(false);
  await expect(page.getByTestId('view-notice')).toContainText('the timeline was reloaded');
  await expect(page.getByTestId('update-card').first()).toContainText('Newest of all');
  await expect(page.getByTestId('offline-summary')).toHaveCount(0);
});
