import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, patchUpdate, postMany, ready } from './helpers.js';

// Low bandwidth: the first view of any address arrives rendered in the page, with its data.
const event = 'ukraine-war';
let server: RunningServer;
let ids: string[];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  const topics = ['military', 'diplomacy', 'humanitarian'];
  ids = await postMany(
    server.url,
    event,
    hourly(80, '2022-03-16T21:00:00Z', 'Report').map((item, i) => ({ ...item, topics: [topics[i % 3]!] })),
  );
  await patchUpdate(server.url, ids[3]!, { pinned: true });
});
test.afterAll(async () => {
  await server.stop();
});

/**
 * Opens a page and returns the API requests it made before the first card was in the document
 * (seen with `page.on('request')`, cut when a MutationObserver in the page saw the card), the same
 * from the browser's own resource timings, and every API request until the page was live.
 */
async function apiRequestsOf(
  page: Page,
  path: string,
): Promise<{ before: string[]; timed: string[]; all: string[] }> {
  const requests: { url: string; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push({ url: url.pathname + url.search, at: Date.now() });
  });
  let firstCardAt = Number.POSITIVE_INFINITY;
  await page.exposeFunction('e2eFirstCard', () => {
    firstCardAt = Math.min(firstCardAt, Date.now());
  });
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="update-card"]')) return;
      observer.disconnect();
      const w = window as unknown as { e2eFirstCardAt: number; e2eFirstCard: () => Promise<void> };
      w.e2eFirstCardAt = performance.now();
      void w.e2eFirstCard();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.url}${path}`);
  await ready(page);
  await expect.poll(() => firstCardAt).toBeLessThan(Number.POSITIVE_INFINITY);
  const timed = await page.evaluate(() => {
    const at = (window as unknown as { e2eFirstCardAt: number }).e2eFirstCardAt;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/') && entry.startTime < at)
      .map((entry) => new URL(entry.name).pathname);
  });
  return {
    before: requests.filter((r) => r.at <= firstCardAt).map((r) => r.url),
    timed,
    all: requests.map((r) => r.url),
  };
}

for (const [name, path] of [
  ['the start page', '/'],
  ['an event', `/e/${event}`],
  ['a filtered search', `/e/${event}?topics=military,diplomacy&q=report`],
  ['a day permalink', `/e/${event}/day/19`],
] as const) {
  test(`${name} arrives rendered, with its first view in the page: no API request`, async ({ page }) => {
    const { before, timed, all } = await apiRequestsOf(page, path);
    expect(before).toEqual([]);
    expect(timed).toEqual([]);
    // Nothing is fetched to take the page over either (key events, day counts, events).
    expect(all).toEqual([]);
  });
}

test('an update permalink starts at its update, rendered with the page', async ({ page }) => {
  const { all } = await apiRequestsOf(page, `/e/${event}/u/${ids[60]}`);
  expect(all).toEqual([]);
  await expect(page.locator(`[data-testid="update-card"][data-id="${ids[60]}"]`)).toBeFocused();
  await expect(page.getByTestId('key-events')).toContainText('Report 4');
});

test('a later filter change loads its view with one request of the same kind', async ({ page }) => {
  await apiRequestsOf(page, `/e/${event}`);
  const next = page.waitForRequest((request) => new URL(request.url()).pathname.startsWith('/api/'));
  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('button', { name: /Military/ })
    .click();
  const url = new URL((await next).url());
  expect(url.pathname).toBe('/api/first-view');
  expect(url.searchParams.get('event')).toBe(event);
  expect(url.searchParams.get('topics')).toBe('military');
  await expect(page.getByTestId('update-card').first()).toContainText('Report');
});
