import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, openFilters, patchUpdate, postMany, ready } from './helpers.js';

// Themes: the system's by default, or the reader's choice, remembered and applied before the
// first paint; and screenshots of the timeline at phone and desktop widths in both themes.
const event = 'ukraine-war';
let server: RunningServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  const topics = ['military', 'diplomacy', 'humanitarian', 'economy', 'energy'];
  const ids = await postMany(
    server.url,
    event,
    hourly(40, '2022-03-16T21:00:00Z', 'Report').map((item, i) => ({
      ...item,
      topics: [topics[i % topics.length]!],
      url: i % 2 === 0 ? `https://e2e.example.org/report-${i}` : undefined,
    })),
  );
  await patchUpdate(server.url, ids[2]!, { pinned: true });
});
test.afterAll(async () => {
  await server.stop();
});

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const lightBackground = 'rgb(246, 247, 249)';
const darkBackground = 'rgb(17, 19, 24)';

test.describe('with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('follows the system until the reader chooses, then remembers the choice', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    expect(await themeOf(page)).toBe('light');
    // The theme is in the filters and settings sheet.
    const select = (await openFilters(page)).getByRole('combobox', { name: 'Theme' });
    await expect(select).toHaveValue('system');

    await select.selectOption('dark');
    await expect.poll(() => background(page)).toBe(darkBackground);
    await page.reload();
    await ready(page);
    await openFilters(page);
    await expect(select).toHaveValue('dark');
    expect(await themeOf(page)).toBe('dark');

    await select.selectOption('system');
    await expect.poll(() => background(page)).toBe(lightBackground);
    expect(await page.evaluate(() => localStorage.getItem('dayline:theme'))).toBeNull();
  });

  test('applies a remembered choice before the app has run, so nothing flashes', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('dayline:theme', 'dark'));
    // Without the app's bundle, only the blocking theme script in <head> can have set it.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(`${server.url}/e/${event}`);
    expect(await themeOf(page)).toBe('dark');
    expect(await background(page)).toBe(darkBackground);
  });
});

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('is dark by default, and light when chosen', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    expect(await background(page)).toBe(darkBackground);
    await (await openFilters(page)).getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(() => background(page)).toBe(lightBackground);
  });

  test('follows the system when it changes while the page is open', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(lightBackground);
  });
});

for (const width of [360, 1280]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshot at ${width} px, ${theme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.addInitScript((choice) => localStorage.setItem('dayline:theme', choice), theme);
      await page.goto(`${server.url}/e/${event}`);
      await ready(page);
      expect(await themeOf(page)).toBe(theme);
      // Nothing sticks out sideways at phone width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Saved under test-results/screenshots (ignored by git) and attached to the report.
      const dir = path.join(testInfo.project.outputDir, 'screenshots');
      mkdirSync(dir, { recursive: true });
      const body = await page.screenshot({
        path: path.join(dir, `timeline-${width}-${theme}.png`),
        caret: 'hide',
        animations: 'disabled',
      });
      await testInfo.attach(`timeline-${width}-${theme}`, { body, contentType: 'image/png' });
    });
  }
}
