import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { createFirstAdmin, lvivDepot, shoot, shootBoth, warEvent } from './console-helpers.js';
import { postOne, rssFeed, serveFixtures, type FixtureServer } from './helpers.js';

// Links to the console's pages, opened as a fresh page load by someone signed in (a bookmark, a
// link in the newsroom's chat): each opens on its page with its event's data, as the buttons do.
let server: RunningServer;
let feeds: FixtureServer;

const wire = [
  {
    title: 'Quarry workers evacuated after tremor',
    link: 'https://local-wire.example.org/quarry',
    pubDate: '2022-03-16T09:00:00Z',
  },
  {
    title: 'Ferry crossing closed for repairs downstream',
    link: 'https://local-wire.example.org/ferry',
    pubDate: '2022-03-16T10:00:00Z',
  },
];

test.beforeEach(async () => {
  feeds = await serveFixtures({
    '/feed.xml': { body: rssFeed('Local Wire', 'https://local-wire.example.org/', wire) },
  });
  server = await startServer({ DAYLINE_ALLOW_PRIVATE_FEEDS: 'on' });
});
test.afterEach(async () => {
  await server.stop();
  await feeds.stop();
});

/** The same signed-in browser, a new tab opened straight at `path`. */
async function opened(page: Page, path: string): Promise<Page> {
  const tab = await page.context().newPage();
  const response = await tab.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  return tab;
}

test('console links open their page with its items: queue, feeds, desk with drafts and stories, events, admin', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await createFirstAdmin(page, server, 'duty-editor');
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  for (const item of lvivDepot) await postOne(server.url, warEvent, item);
  // A feed in review mode (polled at once) and a scheduled post, through the API.
  const feed = await page.request.post(`${server.url}/api/events/${warEvent}/sources`, {
    data: { name: 'Local Wire', url: `${feeds.url}/feed.xml`, mode: 'review' },
    headers,
  });
  expect(feed.status()).toBe(201);
  const scheduled = await page.request.post(`${server.url}/api/events/${warEvent}/updates`, {
    data: { title: 'Evening briefing from the governor', publishAt: '2030-03-16T09:00:00Z' },
    headers,
  });
  expect(scheduled.status()).toBe(201);
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`${server.url}/api/events/${warEvent}/queue`)).json()) as {
            waiting: number;
          }
        ).waiting,
      { timeout: 15_000 },
    )
    .toBe(2);

  // The queue, opened directly: both items, on the Queue page, and the link stays as it was.
  const queue = await opened(page, `/console/queue?event=${warEvent}`);
  await expect(queue.getByTestId('queued')).toHaveCount(2);
  await expect(queue.getByTestId('queued').filter({ hasText: 'Quarry workers evacuated' })).toContainText(
    '16 Mar, 11:00 · Day 21',
  );
  await expect(queue.getByRole('button', { name: /^Queue/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(queue).toHaveURL(`${server.url}/console/queue?event=${warEvent}`);
  await shoot(queue, 'console-link-queue-1280', testInfo.project.outputDir);

  // The feeds page.
  const feedsPage = await opened(page, `/console/feeds?event=${warEvent}`);
  const row = feedsPage.getByRole('row').filter({ hasText: 'Local Wire' });
  await expect(row).toContainText('Review first');
  await expect(row).toContainText('2 seen');
  await expect(feedsPage.getByRole('button', { name: 'Feeds' })).toHaveAttribute('aria-pressed', 'true');

  // The desk: its updates, the drafts list (the scheduled post's time written as the queue's), and
  // an update's story.
  const desk = await opened(page, `/console?event=${warEvent}`);
  await expect(desk.getByRole('button', { name: 'Desk' })).toHaveAttribute('aria-pressed', 'true');
  const post = desk.getByTestId('draft').filter({ hasText: 'Evening briefing from the governor' });
  await expect(post).toHaveAttribute('data-state', 'scheduled');
  // 09:00 UTC is 11:00 in Kyiv; 16 Mar 2030 is day 2943 of an event that began on 24 Feb 2022.
  await expect(post).toContainText('by duty-editor · goes out 16 Mar, 11:00 · Day 2943');
  await shootBoth(desk, 'console-drafts', testInfo.project.outputDir, async () => {
    await post.scrollIntoViewIfNeeded();
    await expect(post).toContainText('goes out 16 Mar, 11:00 · Day 2943');
  });
  await shootBoth(queue, 'console-queue', testInfo.project.outputDir, () =>
    expect(queue.getByTestId('queued')).toHaveCount(2),
  );
  const third = lvivDepot[2];
  if (!third) throw new Error('three reports');
  const item = desk.getByRole('listitem', { name: third.title });
  await item.getByRole('button', { name: 'Story · 3' }).click();
  await expect(
    item.getByTestId('story-panel').getByRole('heading', { name: 'Story · 3 reports from 3 outlets' }),
  ).toBeVisible();

  // The admin's pages.
  const events = await opened(page, '/console/events');
  await expect(events.getByRole('button', { name: 'Events' })).toHaveAttribute('aria-pressed', 'true');
  await expect(events.getByRole('button', { name: /^Russia–Ukraine war ukraine-war/ })).toBeVisible();
  const admin = await opened(page, '/console/admin');
  await expect(admin.getByRole('button', { name: 'Admin' })).toHaveAttribute('aria-pressed', 'true');
  await expect(admin.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'duty-editor', exact: true }).first()).toBeVisible();

  // A console path that is no page is the 404 page, not an empty console.
  const nowhere = await page.context().newPage();
  expect((await nowhere.goto(`${server.url}/console/nowhere`))?.status()).toBe(404);
});
