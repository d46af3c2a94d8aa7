import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, openFilters, ownWords, patchUpdate, postMany, postOne, ready } from './helpers.js';

// Reading: the position never jumps, new updates wait or slide in, pause, permalinks, search and
// filters in the URL, jumping to a day, the time zone toggle, and a long history. Each test has its
// own server and data.
const event = 'ukraine-war';
const topics = ['military', 'diplomacy', 'humanitarian'];
const words = ['Convoy', 'Talks', 'Shelter'];
let server: RunningServer;
let ids: string[];

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  server = await startServer();
  // 60 updates, one every 2.4 h back from 23:00 on day 21 (Kyiv): days 15 to 21.
  const items = hourly(60, '2022-03-16T21:00:00Z', 'Report').map((item, i) => ({
    ...item,
    title: `${words[i % 3]} report ${i + 1}`,
    publishedAt: new Date(Date.parse('2022-03-16T21:00:00Z') - i * 2.4 * 3600_000).toISOString(),
    topics: [topics[i % 3]!],
    source: { name: i % 2 === 0 ? 'E2E Wire' : 'E2E Post' },
  }));
  ids = await postMany(server.url, event, items);
});
test.afterEach(async () => {
  await server.stop();
});

const cards = (page: Page) => page.getByTestId('update-card');
const card = (page: Page, id: string) => page.locator(`[data-testid="update-card"][data-id="${id}"]`);

/**
 * The first card whose bottom is below the top of the viewport, and where its top is, unrounded:
 * the browser's scroll anchoring keeps it within a layout unit (1/64 px), which rounding to whole
 * pixels could turn into a pixel when the top lies near a half.
 */
function firstVisible(page: Page) {
  return page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="update-card"]'))) {
      const rect = el.getBoundingClientRect();
      if (rect.bottom > 0) return { id: el.dataset.id, top: rect.top };
    }
    return null;
  });
}

async function scrollTo(page: Page, y: number) {
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  // The list reacts to scrolling on the next animation frame.
  await page.waitForTimeout(150);
}

test('reading further down, new updates wait behind a button and nothing moves', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await scrollTo(page, 2500);
  const before = await firstVisible(page);
  expect(before).not.toBeNull();

  // Summaries of their own, so the two are two stories, not one told twice.
  await postOne(server.url, event, {
    title: 'Breaking: first new one',
    summary: ownWords(),
    publishedAt: '2022-03-16T21:30:00Z',
  });
  await postOne(server.url, event, {
    title: 'Breaking: second new one',
    summary: ownWords(),
    publishedAt: '2022-03-16T21:40:00Z',
  });
  const button = page.getByTestId('new-updates');
  await expect(button).toHaveText('2 new updates');
  // A correction that makes a card above the viewport much taller must not move it either.
  await patchUpdate(server.url, ids[0]!, {
    summary: Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of a much longer account.`).join('\n'),
  });
  await expect(card(page, ids[0]!)).toHaveAttribute('data-status', 'corrected');
  await page.waitForTimeout(200);
  const after = await firstVisible(page);
  expect(after?.id).toBe(before?.id);
  expect(Math.abs(after!.top - before!.top), 'the card read moved').toBeLessThan(1);
  await expect(page.getByText('Breaking: first new one')).toHaveCount(0);
  await expect(page).toHaveTitle(/^\(2\) /);

  await button.click();
  await expect(cards(page).first()).toContainText('Breaking: second new one');
  await expect(cards(page).first()).toBeInViewport();
  await expect(button).toHaveCount(0);
  await expect(page).not.toHaveTitle(/^\(/);
});

test('at the top, new updates slide in with a highlight', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await postOne(server.url, event, {
    title: 'Breaking at the top',
    publishedAt: '2022-03-16T21:30:00Z',
    topics: ['military'],
  });
  const first = cards(page).first();
  await expect(first).toContainText('Breaking at the top');
  await expect(first).toBeInViewport();
  await expect(first).toHaveClass(/fresh/);
  await expect(page.getByTestId('new-updates')).toHaveCount(0);
  // Screen readers hear one batched sentence.
  await expect(page.getByTestId('announcer')).toHaveText(/1 new update in Military/);
});

test('pause holds everything back until resumed', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const pause = page.getByTestId('pause-live');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await postOne(server.url, event, { title: 'Held while paused', publishedAt: '2022-03-16T21:30:00Z' });
  await patchUpdate(server.url, ids[0]!, { title: 'Corrected while paused' });
  await expect(page.getByTestId('paused-note')).toHaveText('Paused · 1 new update waiting');
  await expect(page.getByText('Held while paused')).toHaveCount(0);
  await expect(page.getByText('Corrected while paused')).toHaveCount(0);

  await pause.click();
  await expect(pause).toHaveText('Pause live');
  await expect(cards(page).first()).toContainText('Held while paused');
  await expect(card(page, ids[0]!)).toContainText('Corrected while paused');
});

test('a background tab counts what arrived in its title, and shows it all on return', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  // Headless pages are never hidden; this is what the browser reports when the reader switches tabs.
  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await postOne(server.url, event, {
    title: 'While away 1',
    summary: ownWords(),
    publishedAt: '2022-03-16T21:30:00Z',
  });
  await postOne(server.url, event, {
    title: 'While away 2',
    summary: ownWords(),
    publishedAt: '2022-03-16T21:31:00Z',
  });
  await expect(page).toHaveTitle('(2) Russia–Ukraine war · Dayline');
  await setHidden(false);
  await expect(page).toHaveTitle('Russia–Ukraine war · Dayline');
  await expect(cards(page).nth(0)).toContainText('While away 2');
  await expect(cards(page).nth(1)).toContainText('While away 1');
  await expect(cards(page).nth(1)).toHaveClass(/fresh/);
});

test('a day permalink opens at that day, highlighted, with a way back to the latest', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}/day/17`);
  const heading = page.locator('h2[data-testid="day-heading"][data-day="17"]');
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('day-group').first()).toHaveAttribute('data-day', '17');
  await expect(page.locator('[data-testid="day-group"][data-day="21"]')).toHaveCount(0);

  await page.getByTestId('back-to-latest').click();
  await expect(page).toHaveURL(`${server.url}/e/${event}`);
  await expect(page.getByTestId('day-group').first()).toHaveAttribute('data-day', '21');
});

test('an update permalink opens at that update, highlighted', async ({ page }) => {
  const target = ids[30]!;
  await page.goto(`${server.url}/e/${event}/u/${target}`);
  const targetCard = card(page, target);
  await expect(targetCard).toBeInViewport();
  await expect(targetCard).toHaveClass(/target/);
  await expect(targetCard).toBeFocused();
  await expect(cards(page).first()).toHaveAttribute('data-id', target);
  // The card's time is its permalink.
  await expect(targetCard.getByRole('link', { name: /2022/ })).toHaveAttribute(
    'href',
    `/e/${event}/u/${target}`,
  );

  await page.goto(`${server.url}/e/${event}/u/no-such-update`);
  await expect(page.getByTestId('target-note')).toContainText('could not be found');
});

test('search, topic and source live in the URL; back and forward restore them', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const topicsNav = page.getByRole('navigation', { name: 'Topics' });

  await page.getByRole('searchbox', { name: 'Search updates' }).fill('convoy');
  await expect(page).toHaveURL(/\?q=convoy$/);
  // 20 of the 60 are convoys, all in Military; chip counts follow the search.
  await expect(topicsNav.getByRole('button', { name: /Military/ }).getByTestId('topic-count')).toHaveText(
    '20',
  );
  await expect(topicsNav.getByRole('button', { name: /Diplomacy/ }).getByTestId('topic-count')).toHaveText(
    '0',
  );
  await expect(page.getByTestId('day-heading').first()).toHaveText(/updates?$/);

  // The source is in the filters sheet.
  await (await openFilters(page)).getByRole('combobox', { name: 'Source' }).selectOption('E2E Wire');
  await expect(page).toHaveURL(/\?source=E2E\+Wire&q=convoy$/);
  await expect(cards(page)).toHaveCount(10);
  await page.keyboard.press('Escape');
  await topicsNav.getByRole('button', { name: /Diplomacy/ }).click();
  await expect(page).toHaveURL(/\?topics=diplomacy&source=E2E\+Wire&q=convoy$/);
  await expect(page.getByTestId('empty-state')).toContainText(
    'No updates from E2E Wire in Diplomacy match “convoy”.',
  );

  await page.goBack();
  await expect(page).toHaveURL(/\?source=E2E\+Wire&q=convoy$/);
  await expect(cards(page)).toHaveCount(10);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=convoy$/);
  await expect(page.getByRole('searchbox', { name: 'Search updates' })).toHaveValue('convoy');
  await expect((await openFilters(page)).getByRole('combobox', { name: 'Source' })).toHaveValue('');
  await page.keyboard.press('Escape');
  await page.goBack();
  await expect(page).toHaveURL(`${server.url}/e/${event}`);
  await expect(page.getByRole('searchbox', { name: 'Search updates' })).toHaveValue('');
  await page.goForward();
  await expect(page).toHaveURL(/\?q=convoy$/);
  await expect(cards(page).first()).toContainText('Convoy');

  // The empty state's way out.
  await page.getByRole('searchbox', { name: 'Search updates' }).fill('zzzz-nothing');
  await expect(page.getByTestId('empty-state')).toContainText('No updates match “zzzz-nothing”.');
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(`${server.url}/e/${event}`);
  await expect(cards(page).first()).toBeVisible();
});

test('jump to a day from the input or the chart', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const sheet = await openFilters(page);
  await sheet.getByLabel('Jump to day').fill('16');
  await sheet.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(`${server.url}/e/${event}/day/16`);
  await expect(page.locator('h2[data-day="16"]')).toBeInViewport();

  const bar = page.getByTestId('day-chart').locator('button[data-day="19"]');
  await bar.hover();
  await expect(page.getByTestId('chart-info')).toHaveText(/^Day 19 · Mon 14 Mar 2022: 10 updates \(/);
  await bar.click();
  await expect(page).toHaveURL(`${server.url}/e/${event}/day/19`);
  await expect(page.locator('h2[data-day="19"]')).toBeInViewport();
  await expect(page.locator('h2[data-day="19"]')).toBeFocused();
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('times show in the event zone, or the reader’s own once chosen, remembered', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    const time = cards(page).first().locator('.time [aria-hidden="true"]');
    // 21:00Z is 23:00 in Kyiv and 17:00 in New York.
    await expect(time).toHaveText('23:00');
    await expect(cards(page).first().locator('time .sr-only')).toHaveText(
      'Wed 16 Mar 2022, 23:00:00 +02:00 (Europe/Kyiv)',
    );
    await (await openFilters(page)).getByTestId('zone').selectOption('local');
    await expect(time).toHaveText('17:00');
    await page.reload();
    await expect(time).toHaveText('17:00');
    await expect((await openFilters(page)).getByTestId('zone')).toHaveValue('local');
    await page.keyboard.press('Escape');
    // Days stay the event's days whatever the clock shown.
    await expect(page.getByTestId('day-group').first()).toHaveAttribute('data-day', '21');
  });
});

test('a long history scrolls to its start, rendering only what is near the viewport', async ({ page }) => {
  test.setTimeout(120_000);
  // 800 more, half an hour apart, from day 17 back to day 1.
  const archive = hourly(800, '2022-03-12T15:00:00Z', 'Archive').map((item, i) => ({
    ...item,
    publishedAt: new Date(Date.parse('2022-03-12T15:00:00Z') - i * 1800_000).toISOString(),
  }));
  await postMany(server.url, event, archive);
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const end = page.getByText('You have reached the start of the timeline');
  for (let i = 0; i < 60 && !(await end.isVisible()); i++) {
    await page.evaluate(() =>
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
    );
    await page.waitForTimeout(250);
  }
  await expect(end).toBeVisible();
  // 860 cards and their day headings are in the list; only a window of them is in the DOM.
  expect(Number(await page.getByTestId('timeline-list').getAttribute('data-rows'))).toBeGreaterThan(860);
  expect(await cards(page).count()).toBeLessThan(200);
  await expect(page.getByTestId('day-heading').last()).toHaveText(/^Day 1 · Thu 24 Feb 2022 · \d+ updates$/);

  // The heading of the day being read stays at the top.
  await scrollTo(page, 30_000);
  const stuck = await page.evaluate(() => {
    const heading = Array.from(document.querySelectorAll('h2[data-testid="day-heading"]')).find(
      (h) => Math.abs(h.getBoundingClientRect().top) < 1,
    );
    return heading?.getAttribute('data-day') ?? null;
  });
  expect(stuck).not.toBeNull();

  // j moves to the next card, even when it was not rendered yet.
  await cards(page).last().focus();
  const firstId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
  await page.keyboard.press('j');
  const nextId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
  expect(nextId).not.toBe(firstId);
});

test.describe('several events', () => {
  const config = `
events:
  - slug: ukraine-war
    title: Russia–Ukraine war
    startDate: "2022-02-24"
    timeZone: Europe/Kyiv
    topics:
      - { id: military, label: Military, color: "#b91c1c" }
  - slug: river-flood
    title: River flood
    startDate: "2026-05-01"
    timeZone: America/New_York
    topics:
      - { id: rescue, label: Rescue, color: "#047857" }
`;
  let configDir: string;
  let multi: RunningServer;
  test.beforeEach(async () => {
    configDir = mkdtempSync(path.join(tmpdir(), 'dayline-config-'));
    writeFileSync(path.join(configDir, 'dayline.yaml'), config);
    multi = await startServer({ DAYLINE_CONFIG: path.join(configDir, 'dayline.yaml') });
    await postOne(multi.url, event, { title: 'An older story', publishedAt: '2022-03-16T12:00:00Z' });
    await postOne(multi.url, 'river-flood', {
      title: 'Levee holds overnight',
      publishedAt: '2026-05-03T08:00:00Z',
    });
  });
  test.afterEach(async () => {
    await multi.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  test('/ opens the most recently active event; the switcher and old links lead to the others', async ({
    page,
  }) => {
    await page.goto(multi.url);
    await expect(page).toHaveURL(`${multi.url}/e/river-flood`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('River flood');
    await expect(cards(page)).toHaveText([/Levee holds overnight/]);
    const switcher = page.getByRole('navigation', { name: 'Events' });
    await expect(switcher.getByRole('link', { name: 'River flood' })).toHaveAttribute('aria-current', 'page');

    await switcher.getByRole('link', { name: 'Russia–Ukraine war' }).click();
    await expect(page).toHaveURL(`${multi.url}/e/ukraine-war`);
    await expect(cards(page)).toHaveText([/An older story/]);
    await expect(page.getByTestId('connection')).toHaveText('Live');
    // Live updates follow the event on screen, not the one before.
    await postOne(multi.url, 'river-flood', {
      title: 'Not for this page',
      publishedAt: '2026-05-03T09:00:00Z',
    });
    await postOne(multi.url, event, { title: 'For this page', publishedAt: '2022-03-16T13:00:00Z' });
    await expect(cards(page).first()).toContainText('For this page');
    await expect(page.getByText('Not for this page')).toHaveCount(0);

    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('River flood');

    // Links from before events had their own paths still work.
    await page.goto(`${multi.url}/?event=ukraine-war&topics=military`);
    await expect(page).toHaveURL(`${multi.url}/e/ukraine-war?topics=military`);
    await page.goto(`${multi.url}/e/no-such-event`);
    await expect(page.getByText('There is no event “no-such-event” here.')).toBeVisible();
  });
});
