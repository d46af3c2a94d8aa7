import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { adminPassword, createFirstAdmin, shoot, shootBoth } from './console-helpers.js';
import { postOne, rssFeed, serveFixtures, type FixtureServer } from './helpers.js';

// The incoming queue in the browser: an editor adds a feed of the test's own (on loopback, which
// DAYLINE_ALLOW_PRIVATE_FEEDS allows) in review mode, sees its items arrive live in the queue,
// approves one with an edited headline (a reader's open page gets it live), discards one with the
// keyboard, and merges one into a story (the reader's card shows "+1 similar").
const event = 'ukraine-war';
let server: RunningServer;
let feeds: FixtureServer;

const items = [
  {
    title: 'Quarry workers evacuated after tremor',
    link: 'https://local-wire.example.org/quarry',
    pubDate: '2022-03-16T09:00:00Z',
    description: 'Forty workers left the site.',
  },
  {
    title: 'Unconfirmed claim about a general resigning',
    link: 'https://local-wire.example.org/claim',
    pubDate: '2022-03-16T09:30:00Z',
  },
  {
    title: 'Ferry crossing closed for repairs downstream',
    link: 'https://local-wire.example.org/ferry',
    pubDate: '2022-03-16T10:00:00Z',
  },
];

test.beforeEach(async () => {
  feeds = await serveFixtures({
    '/feed.xml': { body: rssFeed('Local Wire', 'https://local-wire.example.org/', items) },
    '/page.html': { body: '<!doctype html><title>Not a feed</title><p>Hello</p>', type: 'text/html' },
  });
  server = await startServer({ DAYLINE_ALLOW_PRIVATE_FEEDS: 'on' });
});
test.afterEach(async () => {
  await server.stop();
  await feeds.stop();
});

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/console`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(new RegExp(`${name} · `))).toBeVisible();
  return page;
}

test('an editor curates a review-mode feed: approve edited, discard, merge into a story', async ({
  browser,
  page,
}, testInfo) => {
  // Three browsers, a feed poll and axe on a machine shared with others: more than a minute.
  test.setTimeout(150_000);
  await createFirstAdmin(page, server);
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
    csrfToken: string;
  };
  const created = await page.request.post(`${server.url}/api/users`, {
    data: { name: 'eli', role: 'editor', password: adminPassword },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status()).toBe(201);
  const bridge = await postOne(server.url, event, {
    title: 'Bridge over the river damaged overnight',
    summary: 'Engineers inspect the span.',
    source: { name: 'City Desk' },
    publishedAt: '2022-03-16T08:00:00Z',
  });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/e/${event}`);
  // The bridge's own card (once merged, the ferry's card names the bridge as its story's first report).
  const bridgeCard = reader
    .getByRole('article')
    .filter({ hasText: bridge.title })
    .filter({ hasNotText: 'Ferry' });
  await expect(bridgeCard).toBeVisible();

  // Feeds: test a URL first (a page that is not a feed is explained), then add it in review mode.
  const eli = await signedIn(browser, 'eli');
  await eli.getByRole('button', { name: 'Feeds' }).click();
  await eli.getByLabel('Name (the outlet readers see)').fill('Local Wire');
  await eli.getByLabel(/^Feed URL/).fill(`${feeds.url}/page.html`);
  await eli.getByRole('button', { name: 'Test URL' }).click();
  await expect(eli.getByTestId('feed-test')).toContainText('Would fail: Not a feed.');
  await eli.getByLabel(/^Feed URL/).fill(`${feeds.url}/feed.xml`);
  await eli.getByRole('button', { name: 'Test URL' }).click();
  await expect(eli.getByTestId('feed-test')).toContainText('“Local Wire” has 3 items');
  await expect(eli.getByLabel('Wait in the queue for an editor')).toBeChecked();
  await eli.getByRole('button', { name: 'Add feed' }).click();
  const row = eli.getByRole('row').filter({ hasText: 'Local Wire' });
  await expect(row).toContainText('Review first');
  // Its health, live: polled at once.
  await expect(row.getByTestId('feed-status')).toHaveText(/OK \(200\)/, { timeout: 15_000 });
  await expect(row).toContainText('3 seen');

  // The queue: the items arrived live; the tab's title counts them.
  await expect(eli.getByTestId('queue-count')).toHaveText('3');
  await expect(eli).toHaveTitle(/^\(3\) Console/);
  await eli.getByRole('button', { name: /^Queue/ }).click();
  const queued = eli.getByTestId('queued');
  await expect(queued).toHaveCount(3);
  await expect(eli.getByTestId('queue-stats')).toContainText('3 waiting');
  const quarry = queued.filter({ hasText: 'Quarry workers evacuated' });
  await expect(quarry).toContainText('Local Wire');
  // Its time on the event's clock (Kyiv, UTC+2), written as the desk and the reader write times.
  await expect(quarry).toContainText('16 Mar, 11:00 · Day 21');
  const { violations } = await new AxeBuilder({ page: eli }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await shoot(eli, 'console-queue-1280', testInfo.project.outputDir);
  await eli.setViewportSize({ width: 390, height: 844 });
  await shoot(eli, 'console-queue-390', testInfo.project.outputDir);
  await eli.setViewportSize({ width: 1280, height: 800 });

  // Readers have seen none of it.
  await expect(reader.getByText('Quarry workers evacuated')).toHaveCount(0);

  // Approve one with an edited headline: the reader's open page gets it live.
  await quarry.getByRole('button', { name: 'Edit…' }).click();
  await quarry.getByLabel('Headline').fill('Tremor: forty quarry workers evacuated');
  await quarry.getByRole('button', { name: 'Approve as edited' }).click();
  await expect(
    reader.getByRole('article').filter({ hasText: 'Tremor: forty quarry workers evacuated' }),
  ).toBeVisible();
  await expect(queued).toHaveCount(2);
  await expect(eli).toHaveTitle(/^\(2\) Console/);

  // Discard another with the keyboard: focus it, press d.
  const claim = queued.filter({ hasText: 'Unconfirmed claim' });
  await claim.locator('.title').click();
  await eli.keyboard.press('d');
  await expect(queued).toHaveCount(1);
  await expect(eli.getByRole('status').filter({ hasText: 'Discarded 1 item.' })).toBeVisible();

  // Merge the third into the bridge story: the reader's card shows "+1 similar".
  const ferry = queued.filter({ hasText: 'Ferry crossing closed' });
  await ferry.getByRole('button', { name: 'Merge…' }).click();
  await ferry.getByLabel('Merge into the story').selectOption({ label: bridge.title });
  await ferry.getByRole('button', { name: 'Merge as coverage' }).click();
  await expect(queued).toHaveCount(0);
  await expect(bridgeCard.getByTestId('similar-summary')).toHaveText('+1 similar: Local Wire');
  await expect(eli.getByTestId('queue-stats')).toContainText('Nothing waiting');
  await expect(reader.getByText('Unconfirmed claim')).toHaveCount(0);

  // The feeds page, for the docs, at both widths.
  await eli.getByRole('button', { name: 'Feeds' }).click();
  await expect(row).toBeVisible();
  await shoot(eli, 'console-feeds-1280', testInfo.project.outputDir);
  await eli.setViewportSize({ width: 390, height: 844 });
  await shoot(eli, 'console-feeds-390', testInfo.project.outputDir);
});

test('a queued draft whose topic was removed since is approvable: the queue names the topic it drops', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await createFirstAdmin(page, server, 'duty-editor');
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const rescue = { id: 'rescue', label: 'Rescue', color: '#0e7490', keywords: ['evacuat*'] };
  const weather = { id: 'weather', label: 'Weather', color: '#4d7c0f', keywords: ['rain'] };
  const created = await page.request.post(`${server.url}/api/events`, {
    data: {
      slug: 'flood-relief',
      title: 'River flood relief',
      startDate: '2024-09-14',
      timeZone: 'Europe/Warsaw',
      topics: [rescue, weather],
    },
    headers,
  });
  expect(created.status()).toBe(201);
  const draft = await page.request.post(`${server.url}/api/events/flood-relief/updates`, {
    data: {
      title: 'Boats reach the cut-off villages',
      summary: 'Crews from three towns took families off rooftops overnight.',
      publishedAt: '2024-09-16T07:45:00Z',
      topics: ['rescue', 'weather'],
      status: 'draft',
    },
    headers,
  });
  expect(draft.status()).toBe(201);
  const { id } = (await draft.json()) as { id: string };
  expect((await page.request.post(`${server.url}/api/drafts/${id}/submit`, { headers })).status()).toBe(200);
  // While it waits, the desk removes Rescue from the event.
  const changed = await page.request.patch(`${server.url}/api/events/flood-relief`, {
    data: { topics: [weather] },
    headers,
  });
  expect(changed.status()).toBe(200);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/e/flood-relief`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('River flood relief');

  await page.goto(`${server.url}/console/queue?event=flood-relief`);
  const item = page.getByTestId('queued').filter({ hasText: 'Boats reach the cut-off villages' });
  await expect(item.getByTestId('dropped-topics')).toHaveText(
    'Rescue is no longer a topic: it will be dropped on approval.',
  );
  await expect(item).not.toContainText('Cannot be approved');
  await expect(item).not.toContainText('topics.0');
  await expect(item.getByRole('list', { name: 'Suggested topics' })).toHaveText(/^\s*Weather/);
  await expect(item).toContainText('16 Sep, 09:45 · Day 3');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await shootBoth(page, 'console-queue-dropped', testInfo.project.outputDir, () =>
    expect(item.getByTestId('dropped-topics')).toBeVisible(),
  );

  await item.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByTestId('queued')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const card = reader.getByRole('article').filter({ hasText: 'Boats reach the cut-off villages' });
  await expect(card).toBeVisible({ timeout: 5000 });
  await expect(card.getByRole('button', { name: 'Weather', exact: true })).toBeVisible();
  await expect(card.getByText('Rescue', { exact: true })).toHaveCount(0);
});
