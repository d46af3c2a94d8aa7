import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';

// The quick start: the demo event with its 200 updates, and new ones arriving on their own.
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ DAYLINE_DEMO: 'on' });
});
test.afterAll(async () => {
  await server.stop();
});

test('the demo shows 30 days of updates and new ones arrive live', async ({ page }) => {
  await page.goto(server.url);
  // The demo's last seeded day sits under whatever the simulator has posted today.
  await expect(
    page.getByTestId('day-heading').filter({ hasText: /^Day 30 · Fri 25 Mar 2022 · 6 updates$/ }),
  ).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Live');
  const today = page.getByTestId('today');
  await expect(today).toHaveText(/^Day \d+$/);
  const cardsBefore = await page.getByTestId('update-card').count();
  expect(cardsBefore).toBeGreaterThan(10);
  // The simulator posts every 5–10 s.
  await expect(page.getByTestId('update-card')).toHaveCount(cardsBefore + 1, { timeout: 20_000 });
  const todayNumber = Number((await today.textContent())?.replace('Day ', ''));
  await expect(page.getByTestId('day-group').first()).toHaveAttribute('data-day', String(todayNumber));
});
