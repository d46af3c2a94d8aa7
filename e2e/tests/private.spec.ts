import { expect, test } from '@playwright/test';
import { createToken, postOne, ready, startConfigured, type ConfiguredServer } from './helpers.js';

// Private events: hidden from every reader without a viewer token; a link with `?token=` opens
// them, the token is kept in localStorage and taken out of the address bar, and it goes with every
// API request and the socket handshake, so live updates arrive too.
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
  - slug: inner-briefing
    title: Newsroom briefing
    startDate: "2022-02-24"
    timeZone: Europe/Kyiv
    visibility: private
`;
let server: ConfiguredServer;
let viewerToken: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startConfigured(config);
  viewerToken = await createToken(server, 'e2e-viewer', 'viewer');
  await postOne(server.url, 'ukraine-war', { title: 'A public story', publishedAt: '2022-03-16T12:00:00Z' });
  await postOne(server.url, 'river-flood', { title: 'Levee holds', publishedAt: '2026-05-03T08:00:00Z' });
  await postOne(server.url, 'inner-briefing', {
    title: 'Embargoed: minister to resign',
    publishedAt: '2022-03-16T13:00:00Z',
  });
});
test.afterAll(async () => {
  await server.stop();
});

test('without a token the private event is nowhere: not in the switcher, and its page is not found', async ({
  page,
}) => {
  const authorised: string[] = [];
  page.on('request', (request) => {
    if (request.headers().authorization) authorised.push(request.url());
  });
  await page.goto(`${server.url}/e/ukraine-war`);
  await ready(page);
  const switcher = page.getByRole('navigation', { name: 'Events' });
  await expect(switcher.getByRole('link')).toHaveText(['Russia–Ukraine war', 'River flood']);
  await expect(page.getByText('Newsroom briefing')).toHaveCount(0);

  await page.goto(`${server.url}/e/inner-briefing`);
  await expect(page.getByText('There is no event “inner-briefing” here.')).toBeVisible();
  await expect(page.getByText('Embargoed')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Newsroom briefing' })).toHaveCount(0);
  // Without a token nothing is sent at all.
  expect(authorised).toEqual([]);
});

test('a link with ?token= opens it, live, and the token leaves the address bar but not the browser', async ({
  page,
}) => {
  const apiAuth = new Set<string>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/'))
      apiAuth.add(request.headers().authorization ?? '');
  });
  await page.goto(`${server.url}/e/inner-briefing?token=${encodeURIComponent(viewerToken)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Newsroom briefing');
  await ready(page);
  await expect(page.getByTestId('update-card')).toHaveText([/Embargoed: minister to resign/]);
  await expect(page).toHaveURL(`${server.url}/e/inner-briefing`);
  expect(await page.evaluate(() => localStorage.getItem('dayline-token'))).toBe(viewerToken);
  expect([...apiAuth]).toEqual([`Bearer ${viewerToken}`]);

  const switcher = page.getByRole('navigation', { name: 'Events' });
  await expect(switcher.getByRole('link')).toHaveText([
    'Russia–Ukraine war',
    'River flood',
    'Newsroom briefing',
  ]);

  // Live: the socket was opened with the token, so the private room's updates arrive.
  await postOne(server.url, 'inner-briefing', {
    title: 'Briefing moved to 16:00',
    publishedAt: '2022-03-16T14:00:00Z',
  });
  await expect(page.getByTestId('update-card').first()).toContainText('Briefing moved to 16:00');

  // A later visit without the parameter still has it.
  await page.goto(`${server.url}/e/inner-briefing`);
  await expect(page.getByTestId('update-card')).toHaveCount(2);
  await expect(page).toHaveURL(`${server.url}/e/inner-briefing`);
});

test('the address keeps its filters when the token is taken out', async ({ page }) => {
  await page.goto(`${server.url}/e/ukraine-war?topics=military&token=${encodeURIComponent(viewerToken)}`);
  await expect(page).toHaveURL(`${server.url}/e/ukraine-war?topics=military`);
  await expect(page.getByRole('navigation', { name: 'Events' }).getByRole('link')).toHaveCount(3);
});
