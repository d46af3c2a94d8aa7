import type { UpdateInput } from '@dayline/shared';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { postOne, ready } from './helpers.js';

// Similar coverage: three outlets telling one story fold into one card ("+2 similar"), which
// expands to list them; a fourth report of the story updates that card live instead of adding a row.
const event = 'ukraine-war';
let server: RunningServer;

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

const report = (title: string, summary: string, outlet: string, at: string): UpdateInput => ({
  title,
  summary,
  publishedAt: at,
  source: { name: outlet, url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/` },
  url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/${encodeURIComponent(title.toLowerCase())}`,
});

const story = [
  report(
    'Missile strike hits fuel depot near Lviv',
    'A missile strike hit a fuel depot near Lviv overnight, setting storage tanks on fire.',
    'Kyiv Ledger',
    '2022-03-26T08:00:00Z',
  ),
  report(
    'Fuel depot near Lviv hit by missile strike, officials say',
    'Officials say a missile strike hit a fuel depot near Lviv; fire crews fought the blaze at the depot.',
    'Northern Wire',
    '2022-03-26T08:20:00Z',
  ),
  report(
    'Lviv fuel depot struck by missiles overnight',
    'Missiles struck a fuel depot near Lviv overnight and the depot burned for hours.',
    'Baltic Dispatch',
    '2022-03-26T08:40:00Z',
  ),
];
const unrelated = report(
  'Grain ships wait outside Odesa as talks stall',
  'Dozens of cargo vessels remain at anchor while negotiators meet in Istanbul.',
  'Danube Post',
  '2022-03-26T09:30:00Z',
);
const fourth = report(
  'Fuel depot in Lviv still burning after missile strike',
  'The fuel depot near Lviv hit by a missile strike was still burning, the mayor said.',
  'Carpathian Herald',
  '2022-03-26T09:00:00Z',
);

const cards = (page: Page) => page.getByTestId('update-card');

test('one story from three outlets is one card that expands to list them, and grows live', async ({
  page,
}) => {
  const posted = [];
  for (const item of story) posted.push(await postOne(server.url, event, item));
  await postOne(server.url, event, unrelated);

  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await expect(cards(page)).toHaveCount(2);
  const head = cards(page).filter({ has: page.getByTestId('similar') });
  await expect(head).toHaveCount(1);
  const summary = head.getByTestId('similar-summary');
  await expect(summary).toHaveText(/^\+2 similar: /);
  const ownOutlet = await head.locator('.source').textContent();
  const others = story.map((s) => s.source!.name).filter((name) => name !== ownOutlet);
  await expect(summary).toHaveText(`+2 similar: ${others.join(', ')}`);

  await summary.click();
  const members = head.getByTestId('similar-member');
  await expect(members).toHaveCount(3);
  // Oldest first: time, outlet, and the headline linking to the article.
  await expect(members).toHaveText(
    story.map((s) => new RegExp(`${s.source!.name}.*${s.title.slice(0, 20)}`)),
  );
  await expect(members.first().getByRole('link', { name: story[0]!.title })).toHaveAttribute(
    'href',
    story[0]!.url!,
  );
  await expect(members.first().locator('time')).toHaveText('10:00');

  // A fourth report of the story: the card grows in place, no row is added, nothing is counted new.
  const before = await cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
  await postOne(server.url, event, fourth);
  await expect(summary).toHaveText(/^\+3 similar: /);
  await expect(members).toHaveCount(4);
  await expect(members.last()).toContainText('Carpathian Herald');
  expect(await cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).toEqual(before);
  await expect(page.getByTestId('new-updates')).toHaveCount(0);
  // It is listed under the head, not as a card of its own.
  await expect(cards(page).getByRole('heading', { name: fourth.title })).toHaveCount(0);
  await expect(members.getByRole('link', { name: fourth.title })).toBeVisible();
  expect(posted.map((u) => u.id)).toContain(await head.getAttribute('data-id'));

  // A fresh load shows the same: two cards, one with +3.
  await page.reload();
  await ready(page);
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByTestId('similar-summary')).toHaveText(/^\+3 similar: /);
});

test('read further down, a new member is not counted as a new update', async ({ page }) => {
  for (const item of story) await postOne(server.url, event, item);
  // Enough other stories to scroll, each its own (no shared words to cluster on).
  const headlines = [
    'Railway timetable restored between Kharkiv and Poltava',
    'Schools reopen online across three regions',
    'Heavy snowfall expected this weekend',
    'Central bank holds interest rate steady',
    'Volunteers deliver insulin to Chernihiv hospital',
    'Parliament approves emergency budget amendment',
    'Football league postpones remaining fixtures',
    'Mobile operators extend free roaming abroad',
    'Museum curators move paintings into storage',
    'Farmers begin sowing spring wheat early',
    'Border crossing queues shorten at Medyka',
    'Orchestra performs concert in metro station',
  ];
  for (const [i, title] of headlines.entries()) {
    await postOne(server.url, event, {
      title,
      publishedAt: new Date(Date.parse('2022-03-26T07:00:00Z') - i * 3600_000).toISOString(),
    });
  }
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await page.evaluate(() =>
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
  );
  await page.waitForTimeout(200);
  await postOne(server.url, event, fourth);
  await postOne(server.url, event, unrelated);
  // Only the unrelated one waits behind the button.
  await expect(page.getByTestId('new-updates')).toHaveText(/^1 new update/);
  await expect(page.getByTestId('similar-summary')).toHaveText(/^\+3 similar: /);
});
