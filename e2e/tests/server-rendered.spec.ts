import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, patchUpdate, postMany, ready, retractUpdate } from './helpers.js';

// Reader pages arrive rendered by the server with the same components: readable without
// JavaScript, described to search engines and link previews, and taken over by the client in place.
const event = 'ukraine-war';
let server: RunningServer;
let ids: string[];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  // 80 hourly reports from Day 21 back into Day 18: two pages, several days.
  ids = await postMany(server.url, event, hourly(80, '2022-03-16T21:00:00Z', 'Dispatch'));
  await patchUpdate(server.url, ids[1]!, { title: 'Dispatch 2, corrected', correctionNote: 'Figure fixed' });
  await retractUpdate(server.url, ids[2]!, 'Not confirmed');
});
test.afterAll(async () => {
  await server.stop();
});

const headlines = (page: Page) => page.getByTestId('update-card').getByRole('heading').allTextContents();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader reads the latest page, pages back, opens a day and an update', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia–Ukraine war');
    const first = await headlines(page);
    expect(first[0]).toBe('Dispatch 1');
    expect(first).toContain('Dispatch 2, corrected');
    expect(first).not.toContain('Dispatch 3');
    expect(first).toHaveLength(50);

    // "Load older" is a plain link to the next page.
    await page.getByRole('link', { name: 'Load older' }).click();
    await expect(page).toHaveURL(/\?before=/);
    const older = await headlines(page);
    expect(older[0]).toBe('Dispatch 52');
    expect(older.at(-1)).toBe('Dispatch 80');
    await expect(page.getByText('You have reached the start of the timeline')).toBeVisible();

    // Each day heading links to its day.
    await page.getByRole('link', { name: /^Day 19 · Mon 14 Mar 2022/ }).click();
    await expect(page).toHaveURL(`${server.url}/e/${event}/day/19`);
    await expect(page.getByTestId('day-heading').first()).toHaveText(/^Day 19 · Mon 14 Mar 2022/);

    // An update's time is its permalink.
    const card = page.getByTestId('update-card').first();
    const title = await card.getByRole('heading').textContent();
    await card.locator('a.time').click();
    await expect(page).toHaveURL(new RegExp(`/e/${event}/u/`));
    await expect(page).toHaveTitle(`${title} · Russia–Ukraine war`);
    await expect(page.getByTestId('update-card').first().getByRole('heading')).toHaveText(title ?? '');
  });

  test('on a phone the search is a plain form, out in the open', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/e/${event}`);
    // What needs JavaScript (the search button, the filters sheet) is not offered.
    await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
    const search = page.getByRole('searchbox', { name: 'Search updates' });
    await expect(search).toBeVisible();
    await search.fill('corrected');
    await search.press('Enter');
    await expect(page).toHaveURL(`${server.url}/e/${event}?q=corrected`);
    expect(await headlines(page)).toEqual(['Dispatch 2, corrected']);
    await expect(search).toHaveValue('corrected');
  });
});

test("an update's page describes itself to search engines and link previews", async ({ page }) => {
  await page.goto(`${server.url}/e/${event}/u/${ids[1]}`);
  const meta = (key: string) =>
    page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
  expect(await meta('og:title')).toBe('Dispatch 2, corrected');
  expect(await meta('og:type')).toBe('article');
  expect(await meta('og:description')).toMatch(/^E2E Wire · Day 21 · Wed 16 Mar 2022 · Body of dispatch 2\./);
  expect(await meta('twitter:card')).toBe('summary');
  expect(await meta('article:modified_time')).toBeTruthy();
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
    `${server.url}/e/${event}/u/${ids[1]}`,
  );

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
    '@type': string;
    liveBlogUpdate: { headline: string; dateModified?: string }[];
  };
  expect(ld['@type']).toBe('LiveBlogPosting');
  const entries = ld.liveBlogUpdate.map((u) => u.headline);
  expect(entries).toContain('Dispatch 2, corrected');
  expect(entries).not.toContain('Dispatch 3');
  expect(ld.liveBlogUpdate.find((u) => u.headline === 'Dispatch 2, corrected')?.dateModified).toBeTruthy();
  expect(ld.liveBlogUpdate.find((u) => u.headline === 'Dispatch 4')?.dateModified).toBeUndefined();
});

test('the client takes the rendered page over in place: same cards, no layout shift, then live', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { e2eShift: number; e2eFirst: Element | null };
    w.e2eShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.e2eShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // Before any module script runs: the card the server rendered.
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        w.e2eFirst = document.querySelector('[data-testid="update-card"]');
      }
    });
  });
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    await page.waitForTimeout(500);
    const { shift, kept } = await page.evaluate(() => {
      const w = window as unknown as { e2eShift: number; e2eFirst: Element | null };
      return {
        shift: w.e2eShift,
        kept: w.e2eFirst !== null && w.e2eFirst === document.querySelector('[data-testid="update-card"]'),
      };
    });
    expect(kept, `${size.width}: the server's first card is the one on screen`).toBe(true);
    expect(shift, `${size.width}: cumulative layout shift`).toBeLessThan(0.01);
  }
  // Live from here: a new update arrives without a reload.
  await postMany(server.url, event, hourly(1, '2022-03-16T22:00:00Z', 'Late dispatch'));
  await expect(page.getByTestId('update-card').first()).toContainText('Late dispatch 1');
});

test.describe('a page rendered again', () => {
  test.use({ javaScriptEnabled: false });

  test('shows a correction, a retraction and a new update on the next load, however soon', async ({
    page,
  }) => {
    // Rendered pages are kept for the next reader of the same page (http/rendered-pages.ts); a kept
    // one must never be older than a fresh render.
    await page.goto(`${server.url}/e/${event}`);
    const before = await headlines(page);
    await page.reload();
    expect(await headlines(page)).toEqual(before);

    await patchUpdate(server.url, ids[4]!, { title: 'Dispatch 5, corrected', correctionNote: 'Place fixed' });
    await page.reload();
    expect(await headlines(page)).toContain('Dispatch 5, corrected');

    await retractUpdate(server.url, ids[5]!, 'Duplicate report');
    await page.reload();
    expect(await headlines(page)).not.toContain('Dispatch 6');

    await postMany(server.url, event, [
      { title: 'Dispatch 0: the newest', publishedAt: new Date().toISOString(), source: { name: 'Wire' } },
    ]);
    await page.reload();
    expect((await headlines(page))[0]).toBe('Dispatch 0: the newest');
  });
});
