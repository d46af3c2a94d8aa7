import { dateOfDay, dayHeading, localDate, type DayCount } from '@dayline/shared';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';

// The quick start: `npm start` with no config runs the built-in demo, a fictional conflict in its
// third week, and new updates arrive on their own.
const slug = 'tessel-valley';
const timeZone = 'Europe/Bucharest';
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ DAYLINE_DEMO: 'on' }, { builtInEvent: true });
});
test.afterAll(async () => {
  await server.stop();
});

/** Day 1 of a demo first run today: twenty days ago in the demo's zone. */
function expectedStart(): string {
  return dateOfDay(-19, { startDate: localDate(new Date(), timeZone), timeZone });
}

test('the demo reads as a live event in its third week: every day from day 1 to today, no hole', async ({
  page,
  request,
}) => {
  const clock = { startDate: expectedStart(), timeZone };
  const days = (await (await request.get(`${server.url}/api/events/${slug}/days`)).json()) as DayCount[];
  expect(days.map((d) => d.day)).toEqual(Array.from({ length: 21 }, (_, i) => 21 - i));
  expect(days.at(-1)?.date).toBe(clock.startDate);
  for (const day of days) expect(day.count, `day ${day.day}`).toBeGreaterThan(0);

  await page.goto(server.url);
  await expect(page).toHaveURL(`${server.url}/e/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tessel Valley conflict');
  await expect(page.getByTestId('today')).toHaveText('Day 21');
  // The page says what it is: the sticky post at the top.
  const sticky = page.getByTestId('sticky-post');
  await expect(sticky).toContainText('About this page: a fictional conflict, written for the Dayline demo');
  // Key events, the outline of the three weeks.
  const keyEvents = page.getByTestId('key-events');
  await expect(keyEvents).toContainText('Drosslandic troops cross into the Tessel Valley before dawn');
  await expect(keyEvents).toContainText('Ambrel talks produce a draft ceasefire framework');
  // Yesterday's heading with its date, under today's.
  await expect(
    page
      .getByTestId('day-heading')
      .filter({ hasText: new RegExp(`^${dayHeading(20, clock)} · \\d+ updates$`) }),
  ).toBeVisible();
  // Several outlets on one story: the story shows as one card with its similar coverage.
  await expect(page.getByTestId('similar-summary').first()).toBeVisible();
  // Today's correction, with its note.
  await expect(page.getByTestId('correction').first()).toContainText(
    'An earlier version said two railway workers were killed. They were injured.',
  );

  // Day 1, three weeks back, is there too.
  await page.goto(`${server.url}/e/${slug}/day/1`);
  await expect(
    page
      .getByTestId('day-heading')
      .filter({ hasText: new RegExp(`^${dayHeading(1, clock)} · \\d+ updates$`) }),
  ).toBeVisible();
  await expect(
    page
      .getByTestId('update-card')
      .filter({ hasText: 'Drossland launches a ground offensive into the Tessel Valley' }),
  ).toBeVisible();
});

test('new updates about the same conflict arrive live on today', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  const today = page.getByTestId('today');
  await expect(today).toHaveText(/^Day \d+$/);
  const cardsBefore = await page.getByTestId('update-card').count();
  expect(cardsBefore).toBeGreaterThan(10);
  // The simulator posts every 5–10 s.
  await expect(page.getByTestId('update-card')).toHaveCount(cardsBefore + 1, { timeout: 20_000 });
  const todayNumber = Number((await today.textContent())?.replace('Day ', ''));
  await expect(page.getByTestId('day-group').first()).toHaveAttribute('data-day', String(todayNumber));
});
