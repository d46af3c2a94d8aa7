import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, openFilters, patchUpdate, postMany, ready, retractUpdate } from './helpers.js';

// Accessibility: axe-core on the timeline and on a permalink page, in light and dark (the system's
// and the one chosen in the filters sheet), the open search and the sheet at phone and desktop
// widths, and keyboard navigation through the cards.
const event = 'ukraine-war';
let server: RunningServer;
let ids: string[];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
  const topics = ['military', 'diplomacy', 'humanitarian', 'economy', 'international', 'energy', 'cyber'];
  ids = await postMany(
    server.url,
    event,
    hourly(30, '2022-03-16T21:00:00Z', 'Report').map((item, i) => ({
      ...item,
      topics: [topics[i % topics.length]!],
      author: i % 4 === 0 ? 'A. Reporter' : undefined,
      url: i % 2 === 0 ? `https://e2e.example.org/report-${i}` : undefined,
    })),
  );
  // Every kind of card: key event, corrected, retracted.
  await patchUpdate(server.url, ids[1]!, { pinned: true });
  await patchUpdate(server.url, ids[2]!, { title: 'Report 3, corrected', correctionNote: 'Wrong town.' });
  await retractUpdate(server.url, ids[4]!, 'Withdrawn by the source.');
});
test.afterAll(async () => {
  await server.stop();
});

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
  expect(summary).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the timeline has no axe violations', async ({ page }) => {
      await page.goto(`${server.url}/e/${event}`);
      await ready(page);
      await expect(page.getByTestId('key-events')).toBeVisible();
      // The disclosure of earlier versions, open.
      const corrected = page.locator(`[data-testid="update-card"][data-id="${ids[2]}"]`);
      await corrected.getByText('Earlier versions').click();
      await expect(corrected.getByTestId('version')).toHaveCount(1);
      // The chart's hover line and a pressed topic chip.
      await page.getByTestId('day-chart').locator('button').last().hover();
      await page
        .getByRole('navigation', { name: 'Topics' })
        .getByRole('button', { name: /Military/ })
        .click();
      await expect(page).toHaveURL(/topics=military/);
      await page.getByRole('navigation', { name: 'Topics' }).getByRole('button', { name: /^All/ }).click();
      await expectNoViolations(page);
    });

    test('a permalink page has no axe violations', async ({ page }) => {
      await page.goto(`${server.url}/e/${event}/u/${ids[6]}`);
      await expect(page.locator(`[data-testid="update-card"][data-id="${ids[6]}"]`)).toBeFocused();
      await expect(page.getByTestId('back-to-latest')).toBeVisible();
      await expectNoViolations(page);
    });

    test('the other theme, chosen in the filters sheet, has no axe violations', async ({ page }) => {
      test.setTimeout(120_000);
      const other = colorScheme === 'light' ? 'dark' : 'light';
      await page.goto(`${server.url}/e/${event}`);
      await ready(page);
      await (await openFilters(page)).getByRole('combobox', { name: 'Theme' }).selectOption(other);
      await expect(page.locator('html')).toHaveAttribute('data-theme', other);
      // With the sheet open, and after it closed.
      await expectNoViolations(page);
      await page.keyboard.press('Escape');
      await expectNoViolations(page);
    });

    for (const size of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      test(`at ${size.width} px, the open search and the filters sheet have no axe violations`, async ({
        page,
      }) => {
        // Two scans on a loaded machine.
        test.setTimeout(120_000);
        await page.setViewportSize(size);
        await page.goto(`${server.url}/e/${event}?source=E2E+Wire`);
        await ready(page);
        if (size.width < 640) await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByRole('searchbox', { name: 'Search updates' }).fill('report');
        await expect(page).toHaveURL(/q=report/);
        await expectNoViolations(page);
        await openFilters(page);
        await expectNoViolations(page);
      });
    }

    test('an empty search has no axe violations', async ({ page }) => {
      await page.goto(`${server.url}/e/${event}?q=nothing-matches-this`);
      await expect(page.getByTestId('empty-state')).toBeVisible();
      await expectNoViolations(page);
    });

    // The embed for publishers, opened on its own (e2e/tests/embed.spec.ts checks it framed, with
    // "N new updates"): in the system's theme, and in the other one the publisher chose.
    test('the embed has no axe violations', async ({ page }) => {
      const other = colorScheme === 'light' ? 'dark' : 'light';
      for (const theme of ['auto', other]) {
        await page.goto(`${server.url}/embed/${event}?limit=8&theme=${theme}`);
        await expect(page.getByTestId('connection')).toHaveText('Live');
        await expect(page.getByTestId('update-card')).toHaveCount(8);
        await expect(page.locator('html')).toHaveAttribute(
          'data-theme',
          theme === 'auto' ? colorScheme : other,
        );
        await expectNoViolations(page);
      }
    });
  });
}

test('landmarks and one heading per day', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Topics' })).toHaveCount(1);
  const groups = page.getByTestId('day-group');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await expect(groups.nth(i).getByRole('heading', { level: 2 })).toHaveCount(1);
  }
});

test('j and k move through the cards, and typing in the search box is left alone', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const focusedId = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
  const order = await page
    .getByTestId('update-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));

  await page.keyboard.press('j');
  const first = await focusedId();
  expect(order).toContain(first);
  const at = order.indexOf(first);
  await page.keyboard.press('j');
  expect(await focusedId()).toBe(order[at + 1]);
  await page.keyboard.press('j');
  expect(await focusedId()).toBe(order[at + 2]);
  await page.keyboard.press('k');
  expect(await focusedId()).toBe(order[at + 1]);
  await expect(page.locator(`article[data-id="${order[at + 1]}"]`)).toBeInViewport();
  // The focus ring is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');

  const search = page.getByRole('searchbox', { name: 'Search updates' });
  await search.focus();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  await expect(search).toBeFocused();
});

test('the topic chips and the chart are reachable by keyboard', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const military = page.getByRole('navigation', { name: 'Topics' }).getByRole('button', { name: /Military/ });
  await military.focus();
  await page.keyboard.press('Enter');
  await expect(military).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(military).toHaveAttribute('aria-pressed', 'false');

  // One tab stop for the chart; arrow keys move between days.
  const bars = page.getByTestId('day-chart').locator('button[data-day]');
  await bars.last().focus();
  await page.keyboard.press('ArrowLeft');
  await expect(bars.nth((await bars.count()) - 2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/day\/\d+$/);
});
