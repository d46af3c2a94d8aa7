import { expect, test, type Locator, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, openFilters, postMany, ready } from './helpers.js';

// The reader's controls take one row: the search (a button on a phone that opens in place), the
// Filters button with the count of active filters, opening a sheet with the source, the time zone,
// the theme and the day jump, and pausing the live updates. The topic chips follow in one row.
const event = 'ukraine-war';
const topics = ['military', 'diplomacy', 'humanitarian'];
const words = ['Convoy', 'Talks', 'Shelter'];
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
let server: RunningServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  // 60 updates, one every 2.4 h back from 23:00 on day 21 (Kyiv): days 15 to 21.
  await postMany(
    server.url,
    event,
    hourly(60, '2022-03-16T21:00:00Z', 'Report').map((item, i) => ({
      ...item,
      title: `${words[i % 3]} report ${i + 1}`,
      publishedAt: new Date(Date.parse('2022-03-16T21:00:00Z') - i * 2.4 * 3600_000).toISOString(),
      topics: [topics[i % 3]!],
      source: { name: i % 2 === 0 ? 'E2E Wire' : 'E2E Post' },
    })),
  );
});
test.afterAll(async () => {
  await server.stop();
});

const cards = (page: Page) => page.getByTestId('update-card');
const searchButton = (page: Page) => page.getByRole('button', { name: 'Search', exact: true });
const field = (page: Page) => page.getByRole('searchbox', { name: 'Search updates' });
const filtersButton = (page: Page) => page.getByRole('button', { name: /^Filters/ });
const sheetOf = (page: Page) => page.getByRole('dialog', { name: 'Filters and settings' });

/** The vertical middle of an element: things in one row share it. */
async function middle(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box.y + box.height / 2;
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('search is a button that opens in place, filters, and closes with Escape or its button', async ({
    page,
  }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    await expect(field(page)).toBeHidden();
    await expect(searchButton(page)).toHaveAttribute('aria-expanded', 'false');
    const row = await middle(filtersButton(page));
    expect(Math.abs((await middle(searchButton(page))) - row)).toBeLessThan(2);
    expect(Math.abs((await middle(page.getByTestId('pause-live'))) - row)).toBeLessThan(2);
    const firstCard = (await cards(page).first().boundingBox())?.y;

    await searchButton(page).click();
    await expect(field(page)).toBeFocused();
    // In place: in the same row as the filters. The topic chips move to a line of their own below
    // it (a search can still be narrowed by topic), and the cards move down by that line only.
    expect(Math.abs((await middle(field(page))) - row)).toBeLessThan(2);
    expect(Math.abs((await middle(page.getByTestId('pause-live'))) - row)).toBeLessThan(2);
    const chips = await page.locator('nav.filter').boundingBox();
    const fieldBox = await field(page).boundingBox();
    expect(chips && fieldBox && chips.y >= fieldBox.y + fieldBox.height).toBe(true);
    const moved = ((await cards(page).first().boundingBox())?.y ?? 0) - (firstCard ?? 0);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThanOrEqual((chips?.height ?? 0) + 12);

    await page.keyboard.type('convoy');
    await expect(page).toHaveURL(/\?q=convoy$/);
    await expect(cards(page)).toHaveCount(20);
    await expect(page.getByTestId('filters-count')).toHaveText('1');

    // Opened with a search, the row shows it: the reader sees why the list is short.
    await page.reload();
    await ready(page);
    await expect(field(page)).toBeVisible();
    await expect(field(page)).toHaveValue('convoy');
    await expect(cards(page)).toHaveCount(20);
    await field(page).focus();
    await page.keyboard.press('Escape');
    await expect(field(page)).toBeHidden();
    await expect(searchButton(page)).toBeFocused();
    await expect(page).toHaveURL(`${server.url}/e/${event}`);
    await expect(cards(page).nth(1)).toContainText('Talks report 2');
    await expect(page.getByTestId('filters-count')).toHaveCount(0);

    await searchButton(page).click();
    await page.keyboard.type('talks');
    await expect(page).toHaveURL(/\?q=talks$/);
    await expect(cards(page).first()).toContainText('Talks report 2');
    await page.getByRole('button', { name: 'Close search' }).click();
    await expect(field(page)).toBeHidden();
    await expect(searchButton(page)).toBeFocused();
    await expect(page).toHaveURL(`${server.url}/e/${event}`);
  });

  test('the topic chips take one row that scrolls sideways, the chosen ones first', async ({ page }) => {
    await page.goto(`${server.url}/e/${event}`);
    await ready(page);
    const nav = page.getByRole('navigation', { name: 'Topics' });
    const all = nav.getByRole('button', { name: /^All/ });
    const economy = nav.getByRole('button', { name: /Economy/ });
    expect(await nav.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(Math.abs((await middle(economy)) - (await middle(all)))).toBeLessThan(2);
    await economy.click();
    await expect(economy).toHaveAttribute('aria-pressed', 'true');
    const x = async (chip: Locator) => (await chip.boundingBox())?.x ?? Infinity;
    await expect.poll(async () => (await x(economy)) < (await x(all))).toBe(true);
    await expect(page.getByTestId('filters-count')).toHaveText('1');
  });

  test.describe('in New York', () => {
    test.use({ timezoneId: 'America/New_York' });

    test('the filters sheet sets the source, the time zone, the theme and the day, and closes', async ({
      page,
    }) => {
      await page.goto(`${server.url}/e/${event}`);
      await ready(page);
      const sheet = await openFilters(page);
      // A modal sheet along the bottom of the screen, with the focus in it.
      expect(await sheet.evaluate((el) => el.matches(':modal'))).toBe(true);
      const box = await sheet.boundingBox();
      expect(box?.width).toBe(phone.width);
      expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(phone.height);
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

      await sheet.getByRole('combobox', { name: 'Source' }).selectOption('E2E Post');
      await expect(page).toHaveURL(/\?source=E2E\+Post$/);
      await expect(page.getByTestId('filters-count')).toHaveText('1');
      await expect(filtersButton(page)).toHaveAccessibleName('Filters, 1 active');
      await sheet.getByRole('combobox', { name: 'Times in' }).selectOption('local');
      await sheet.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
      await expect(filtersButton(page)).toBeFocused();
      // Report 2, E2E Post's newest: 18:36Z, 14:36 in New York (20:36 in Kyiv).
      await expect(cards(page)).toHaveCount(30);
      await expect(cards(page).first()).toContainText('Talks report 2');
      await expect(cards(page).first().locator('.time [aria-hidden="true"]')).toHaveText('14:36');

      // A tap on the page behind closes it too.
      await filtersButton(page).click();
      await expect(sheet).toBeVisible();
      await page.mouse.click(phone.width / 2, 40);
      await expect(sheet).toBeHidden();
      await expect(filtersButton(page)).toBeFocused();

      // Jumping to a day closes the sheet and goes there, the source kept.
      await openFilters(page);
      await sheet.getByLabel('Jump to day').fill('16');
      await sheet.getByRole('button', { name: 'Go', exact: true }).click();
      await expect(sheet).toBeHidden();
      await expect(page).toHaveURL(`${server.url}/e/${event}/day/16?source=E2E+Post`);
      await expect(page.locator('h2[data-day="16"]')).toBeInViewport();

      await openFilters(page);
      await sheet.getByRole('button', { name: 'Clear all filters' }).click();
      await expect(page).toHaveURL(`${server.url}/e/${event}/day/16`);
      await expect(page.getByTestId('filters-count')).toHaveCount(0);
      await expect(sheet.getByRole('combobox', { name: 'Source' })).toHaveValue('');
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    });
  });
});

test('the filters button counts each topic, the search and the source', async ({ page }) => {
  await page.setViewportSize(desktop);
  await page.goto(`${server.url}/e/${event}?topics=military,diplomacy&source=E2E+Wire&q=report`);
  await ready(page);
  await expect(filtersButton(page)).toHaveAccessibleName('Filters, 4 active');
  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('button', { name: /Military/ })
    .click();
  await expect(page.getByTestId('filters-count')).toHaveText('3');
  const sheet = await openFilters(page);
  await expect(sheet).toContainText('3 filters narrow the timeline.');
  await sheet.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(`${server.url}/e/${event}`);
  await expect(filtersButton(page)).toHaveAccessibleName('Filters');
});

test('on a desktop the search field is out, the controls take one row, and the news is on the first screen', async ({
  page,
}) => {
  await page.setViewportSize(desktop);
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await expect(searchButton(page)).toBeHidden();
  await expect(field(page)).toBeVisible();
  const row = await middle(field(page));
  expect(Math.abs((await middle(filtersButton(page))) - row)).toBeLessThan(2);
  expect(Math.abs((await middle(page.getByTestId('pause-live'))) - row)).toBeLessThan(2);
  await expect(cards(page).first()).toBeInViewport({ ratio: 0.9 });

  await field(page).fill('shelter');
  await expect(page).toHaveURL(/\?q=shelter$/);
  await expect(cards(page).first()).toContainText('Shelter report 3');
  const sheet = await openFilters(page);
  // A dialog in the middle of the screen here, not a sheet along its foot.
  const box = await sheet.boundingBox();
  expect(box?.width ?? desktop.width).toBeLessThan(desktop.width / 2);
  await page.keyboard.press('Escape');
  await expect(sheetOf(page)).toBeHidden();
  await expect(filtersButton(page)).toBeFocused();
});
