import { expect, test, type Page } from '@playwright/test';
import { postUpdates, serverUrl } from '../api.js';
import { ownWords } from './helpers.js';

const event = 'ukraine-war';
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: serverUrl() });

const dayGroup = (page: Page, day: number) => page.locator(`[data-testid="day-group"][data-day="${day}"]`);

test.beforeAll(async () => {
  await postUpdates(event, {
    items: [
      {
        title: 'Shelling intensifies on the northern outskirts',
        publishedAt: '2022-03-16T08:00:00Z',
        source: { name: 'E2E Wire' },
        topics: ['military'],
      },
      {
        title: 'Negotiators resume by video link',
        publishedAt: '2022-03-16T12:00:00Z',
        source: { name: 'E2E Wire' },
        topics: ['diplomacy'],
        url: 'https://e2e-wire.example.org/negotiators-resume',
      },
      {
        // 23:30 in Kyiv: still 16 March there, day 21.
        title: 'Late air-raid alert across the capital',
        publishedAt: '2022-03-16T21:30:00Z',
        source: { name: 'E2E Post' },
        topics: ['military'],
      },
      {
        title: 'Grain stuck in ports as shipping halts',
        publishedAt: '2022-03-15T10:00:00Z',
        source: { name: 'E2E Post' },
        topics: ['economy'],
      },
    ],
  });
});

test('shows the timeline grouped by day of the conflict, newest first', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia–Ukraine war');
  const headings = page.getByTestId('day-heading');
  await expect(headings).toHaveText([
    'Day 21 · Wed 16 Mar 2022 · 3 updates',
    'Day 20 · Tue 15 Mar 2022 · 1 update',
  ]);
  await expect(dayGroup(page, 21).getByTestId('update-card')).toHaveCount(3);
  await expect(dayGroup(page, 21).getByRole('heading', { level: 3 }).first()).toHaveText(
    'Late air-raid alert across the capital',
  );
  const link = page.getByRole('link', { name: 'Negotiators resume by video link' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(page.getByTestId('connection')).toHaveText('Live');
});

test('an update POSTed through the API appears in every open page, under the right day', async ({
  browser,
}) => {
  const pages = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of pages) {
    await page.goto(serverUrl());
    await expect(page.getByTestId('connection')).toHaveText('Live');
  }
  // 00:30 on 17 March in Kyiv: day 22, a day nobody has seen yet.
  await postUpdates(event, {
    title: 'Sirens sound again after midnight',
    publishedAt: '2022-03-16T22:30:00Z',
    source: { name: 'E2E Wire' },
    topics: ['military'],
  });
  // 23:45 on 16 March: joins day 21.
  await postUpdates(event, {
    title: 'Ministers hold a late call on aid',
    publishedAt: '2022-03-16T21:45:00Z',
    source: { name: 'E2E Post' },
    topics: ['humanitarian'],
  });
  for (const page of pages) {
    await expect(dayGroup(page, 22).getByTestId('update-card')).toContainText(
      ['Sirens sound again after midnight'],
      {
        timeout: 2000,
      },
    );
    await expect(dayGroup(page, 21).getByText('Ministers hold a late call on aid')).toBeVisible({
      timeout: 2000,
    });
    await expect(page.getByTestId('day-heading').first()).toHaveText('Day 22 · Thu 17 Mar 2022 · 1 update');
    await expect(dayGroup(page, 21).getByTestId('day-heading')).toHaveText(
      'Day 21 · Wed 16 Mar 2022 · 4 updates',
    );
    await page.close();
  }
});

test('topic chips filter the timeline, and the URL keeps the filter across a reload', async ({ page }) => {
  await page.goto('/');
  const topics = page.getByRole('navigation', { name: 'Topics' });
  await topics.getByRole('button', { name: 'Diplomacy' }).click();
  await expect(page).toHaveURL(/[?&]topics=diplomacy(&|$)/);
  const cards = page.getByTestId('update-card');
  await expect(cards).toHaveText([/Negotiators resume by video link/]);
  await expect(page.getByTestId('day-heading')).toHaveText(['Day 21 · Wed 16 Mar 2022 · 1 update']);

  await topics.getByRole('button', { name: 'Economy' }).click();
  await expect(page).toHaveURL(/topics=diplomacy%2Ceconomy|topics=diplomacy,economy/);
  await expect(cards).toHaveCount(2);

  await page.reload();
  await expect(topics.getByRole('button', { name: 'Diplomacy' })).toHaveAttribute('aria-pressed', 'true');
  await expect(topics.getByRole('button', { name: 'Economy' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cards).toHaveCount(2);

  // A live update outside the filter stays out; one inside it comes in.
  await postUpdates(event, {
    title: 'Tanks seen near the bridge',
    publishedAt: '2022-03-16T15:00:00Z',
    topics: ['military'],
  });
  await postUpdates(event, {
    title: 'Envoys meet at the border',
    publishedAt: '2022-03-16T16:00:00Z',
    topics: ['diplomacy'],
  });
  await expect(cards).toHaveCount(3);
  await expect(page.getByText('Envoys meet at the border')).toBeVisible();
  await expect(page.getByText('Tanks seen near the bridge')).toHaveCount(0);

  await topics.getByRole('button', { name: 'All' }).click();
  await expect(page).not.toHaveURL(/topics=/);
  await expect(page.getByText('Tanks seen near the bridge')).toBeVisible();
});

test('works at 360 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(page.getByTestId('update-card').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('scrolling to the end loads older days until the start of the timeline', async ({ page }) => {
  // 80 more updates over days 1–8, so the timeline needs two more pages of 50.
  await postUpdates(event, {
    items: Array.from({ length: 80 }, (_, i) => ({
      title: `Archive update ${i + 1}`,
      // Words of its own: eighty near-identical headlines would otherwise fold into one story.
      summary: ownWords(),
      publishedAt: new Date(Date.UTC(2022, 1, 24, 10) + i * 2.4 * 3600_000).toISOString(),
      source: { name: 'E2E Archive' },
    })),
  });
  await page.goto('/');
  const cards = page.getByTestId('update-card');
  await expect(cards).toHaveCount(50);
  const total = 80 + 8; // the archive plus what the earlier tests posted
  for (let i = 0; i < 5 && (await cards.count()) < total; i++) {
    await page.getByText(/You have reached the start|Load older/).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
  }
  await expect(cards).toHaveCount(total);
  await expect(page.getByText('You have reached the start of the timeline')).toBeVisible();
  await expect(page.getByTestId('day-heading').last()).toHaveText(/^Day 1 · Thu 24 Feb 2022 · \d+ updates?$/);
  const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
  expect(new Set(ids).size).toBe(total);
});

test("feed readers find the event's feeds, with the topics the reader chose", async ({ page, request }) => {
  await page.goto(`/e/${event}`);
  const atom = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(atom).toHaveAttribute('href', `/e/${event}/feed.atom`);
  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('button', { name: /Military/ })
    .click();
  await expect(atom).toHaveAttribute('href', `/e/${event}/feed.atom?topics=military`);
  const visible = page.getByRole('link', { name: 'JSON Feed' });
  await expect(visible).toHaveAttribute('href', `/e/${event}/feed.json?topics=military`);
  // A real feed, not a page of the app.
  const feed = await request.get((await visible.getAttribute('href')) ?? '');
  expect(feed.headers()['content-type']).toContain('application/feed+json');
  expect(((await feed.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toContain(
    'Late air-raid alert across the capital',
  );
});

for (const [width, height] of [
  [390, 844],
  [360, 740],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`on a ${width} × ${height} phone (${theme}), the news is on the first screen`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.addInitScript((choice) => localStorage.setItem('dayline:theme', choice), theme);
      await page.goto(`/e/${event}`);
      const cards = page.getByTestId('update-card');
      await expect(cards.first()).toBeVisible();
      // The event, its day and whether it is live, then the first headline in the top half.
      for (const part of [
        page.getByRole('heading', { level: 1 }),
        page.getByTestId('today'),
        page.getByTestId('connection'),
      ]) {
        await expect(part).toBeInViewport();
      }
      const headline = await cards.first().getByRole('heading', { level: 3 }).boundingBox();
      expect(headline?.y ?? Infinity).toBeLessThanOrEqual(height / 2);
      if (height >= 844) {
        // Two cards, the second at least mostly in view.
        await expect(cards.nth(1)).toBeInViewport({ ratio: 0.6 });
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

      // The day chart is a thin strip here, and opens in place with its caption (the day jump is in
      // the filters sheet).
      const chart = page.getByTestId('day-chart');
      const folded = (await chart.boundingBox())?.height ?? 0;
      await expect(page.getByTestId('chart-info')).toBeHidden();
      await page.getByRole('button', { name: 'Days' }).click();
      await expect(page.getByTestId('chart-info')).toBeVisible();
      expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(folded + 40);
    });
  }
}
