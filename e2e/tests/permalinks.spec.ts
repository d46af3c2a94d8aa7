import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, postMany, ready } from './helpers.js';

// From an update's permalink a reader scrolls newer as well as older, and reaches the live top.
const event = 'ukraine-war';
let server: RunningServer;
let ids: string[];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  ids = await postMany(server.url, event, hourly(140, '2022-03-16T21:00:00Z', 'Wire'));
});
test.afterAll(async () => {
  await server.stop();
});

test('an update permalink scrolls newer, keeping the card in place, up to the live top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Wire 120: 119 newer updates are above it, more than two pages.
  await page.goto(`${server.url}/e/${event}/u/${ids[119]}`);
  await ready(page);
  const target = page.locator(`[data-testid="update-card"][data-id="${ids[119]}"]`);
  await expect(target).toBeFocused();
  const cards = page.getByTestId('update-card');
  const firstHeadline = cards.first().getByRole('heading', { level: 3 });
  // It opens at its update: the newer ones wait until the reader moves up towards them.
  await expect(firstHeadline).toHaveText('Wire 120');
  await page.waitForTimeout(1000);
  await expect(firstHeadline).toHaveText('Wire 120');

  // Asking for newer updates puts them above without moving the card being read.
  const newer = page.getByRole('button', { name: 'Newer updates' });
  await newer.scrollIntoViewIfNeeded();
  const before = (await target.boundingBox())?.y;
  await newer.click();
  await expect(firstHeadline).toHaveText('Wire 70');
  expect((await target.boundingBox())?.y).toBeCloseTo(before ?? 0, 0);
  await expect(target).toBeInViewport();

  // Scrolling up loads the rest as it comes near, until the newest update: the view is then live.
  await page.mouse.move(640, 400);
  for (let i = 0; i < 40 && (await newer.count()) > 0; i++) {
    await page.mouse.wheel(0, -2500);
    await page.waitForTimeout(250);
  }
  await expect(newer).toHaveCount(0);
  await expect(firstHeadline).toHaveText('Wire 1');
  expect(await cards.count()).toBeGreaterThanOrEqual(140);

  await page.evaluate(() => window.scrollTo(0, 0));
  await postMany(server.url, event, hourly(1, '2022-03-16T22:00:00Z', 'Fresh wire'));
  await expect(cards.first()).toContainText('Fresh wire 1');
});

test('"Back to latest" from a permalink returns to the live top', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}/u/${ids[100]}`);
  await ready(page);
  await page.getByTestId('back-to-latest').click();
  await expect(page).toHaveURL(`${server.url}/e/${event}`);
  await expect(page.getByTestId('update-card').first()).toContainText('Fresh wire 1');
});
