import { AxeBuilder } from '@axe-core/playwright';
import type { SourceView } from '@dayline/shared';
import { expect, test, type Page } from '@playwright/test';
import { serverUrl } from '../api.js';
import {
  deadUrl,
  ready,
  rssFeed,
  serveFixtures,
  startConfigured,
  type ConfiguredServer,
  type FixtureServer,
} from './helpers.js';

// The sources panel: an event following a working feed (served from this process) and a dead one.
// The feed's items reach the timeline; the panel shows each source's health, refreshes while open,
// and passes axe in both themes; topic chips of feed items say which rule gave each topic.
const event = 'ukraine-war';
let feeds: FixtureServer;
let server: ConfiguredServer;

const feedItems = [
  {
    title: 'Power grid repairs finish in the east',
    link: 'https://northern-wire.example.org/2022/03/16/grid-repairs',
    description: '<p>Crews restored <b>power</b> to 40,000 homes.</p>',
    pubDate: '2022-03-16T09:00:00Z',
    categories: ['Power'],
  },
  {
    title: 'Overnight shelling reported near the river',
    link: 'https://northern-wire.example.org/2022/03/16/overnight-shelling',
    description: 'Residents sheltered in basements.',
    pubDate: '2022-03-16T07:00:00Z',
  },
  {
    title: 'Talks scheduled for next week',
    link: 'https://northern-wire.example.org/2022/03/16/talks',
    pubDate: '2022-03-16T05:00:00Z',
  },
];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  feeds = await serveFixtures({
    '/feed.xml': { body: rssFeed('Northern Wire', 'https://northern-wire.example.org/', feedItems) },
  });
  const dead = await deadUrl();
  server = await startConfigured(`
allowPrivateNetworks: true
events:
  - slug: ${event}
    title: Russia–Ukraine war
    startDate: "2022-02-24"
    timeZone: Europe/Kyiv
    topics:
      - { id: military, label: Military, color: "#b91c1c", keywords: [shelling] }
      - { id: energy, label: Energy, color: "#c2410c", keywords: [power grid], categories: [Power] }
      - { id: diplomacy, label: Diplomacy, color: "#1d4ed8", keywords: [talks] }
    sources:
      - { name: Northern Wire, url: "${feeds.url}/feed.xml", pollSeconds: 300 }
      - { name: Dead Desk, url: "${dead}", pollSeconds: 300 }
`);
  // Both sources are polled at start; wait until each has had its first try.
  await expect
    .poll(
      async () => {
        const response = await fetch(`${server.url}/api/events/${event}/sources`);
        const sources = (await response.json()) as SourceView[];
        return sources.map((s) => `${s.name}: ${s.status}`).sort();
      },
      { timeout: 20_000 },
    )
    .toEqual(['Dead Desk: failing', 'Northern Wire: ok']);
});
test.afterAll(async () => {
  await server?.stop();
  await feeds?.stop();
});

const panel = (page: Page) => page.getByRole('dialog', { name: 'Sources' });
const source = (page: Page, name: string) =>
  panel(page)
    .getByTestId('source')
    .filter({ has: page.getByRole('heading', { name }) });

test('the feed’s items are in the timeline', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await expect(page.getByTestId('update-card').getByRole('heading', { level: 3 })).toHaveText(
    feedItems.map((item) => item.title),
  );
  const first = page.getByTestId('update-card').first();
  await expect(first.getByRole('link', { name: feedItems[0]!.title })).toHaveAttribute(
    'href',
    feedItems[0]!.link,
  );
  await expect(first).toContainText('Northern Wire');
  // The summary is plain text: the feed's markup is gone.
  await expect(first).toContainText('Crews restored power to 40,000 homes.');
});

test('the panel shows each source’s health, opens and closes from the keyboard', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const button = page.getByRole('button', { name: 'Sources' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
  // Focus moves into the dialog.
  await expect(panel(page).getByRole('button', { name: 'Close' })).toBeFocused();

  // Failing first.
  await expect(panel(page).getByTestId('source').getByRole('heading', { level: 3 })).toHaveText([
    'Dead Desk',
    'Northern Wire',
  ]);
  const ok = source(page, 'Northern Wire');
  await expect(ok.getByTestId('source-status')).toHaveText('OK');
  await expect(ok).toHaveAttribute('data-status', 'ok');
  await expect(ok.getByTestId('source-items')).toHaveText('3 seen, 3 new');
  await expect(ok).toContainText(/HTTP status\s*200/);
  await expect(ok.getByTestId('source-error')).toHaveCount(0);
  await expect(ok.locator('time').first()).toHaveText(/just now|min ago/);
  await expect(ok.locator('time').first()).toHaveAttribute('title', /2\d{3}, \d\d:\d\d:\d\d/);
  await expect(ok).toContainText(/Next poll\s*in \d+ min/);

  const failing = source(page, 'Dead Desk');
  await expect(failing.getByTestId('source-status')).toHaveText('Failing');
  await expect(failing.getByTestId('source-error')).toContainText(/Error: \S+/);
  await expect(failing).toContainText(/Last success\s*never/);

  // Esc closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('the open panel refreshes every 30 seconds, and stops when closed', async ({ page }) => {
  await page.clock.install();
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith(`/api/events/${event}/sources`)) requests++;
  });
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(source(page, 'Northern Wire')).toBeVisible();
  expect(requests).toBe(1);
  await page.clock.fastForward(31_000);
  await expect.poll(() => requests).toBe(2);
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await page.clock.fastForward(61_000);
  await page.waitForTimeout(200);
  expect(requests).toBe(2);
});

test('topic chips say which rule gave each topic, on hover and on focus', async ({ page }) => {
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const card = (title: string) => page.getByTestId('update-card').filter({ hasText: title });

  const energy = card('Power grid repairs').getByRole('button', { name: 'Energy' });
  await energy.hover();
  const why = card('Power grid repairs').getByRole('tooltip');
  await expect(why).toBeVisible();
  await expect(why).toHaveText(/^Energy: .*feed category “Power”/);
  await expect(energy).toHaveAccessibleDescription(/feed category “Power”/);

  const military = card('Overnight shelling').getByRole('button', { name: 'Military' });
  await military.focus();
  await expect(card('Overnight shelling').getByRole('tooltip')).toHaveText('Military: keyword “shelling”');
  // Esc hides it without moving focus.
  await page.keyboard.press('Escape');
  await expect(card('Overnight shelling').getByRole('tooltip')).toBeHidden();
  await expect(military).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the open panel has no axe violations', async ({ page }) => {
      await page.goto(`${server.url}/e/${event}`);
      await ready(page);
      await page.getByRole('button', { name: 'Sources' }).click();
      await expect(source(page, 'Dead Desk').getByTestId('source-error')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
      expect(summary).toEqual([]);
    });
  });
}

test('an event without feeds says so', async ({ page }) => {
  // The suite's shared server follows no feeds.
  await page.goto(`${serverUrl()}/e/${event}`);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(panel(page).getByTestId('sources-empty')).toContainText('No feeds yet');
  await expect(panel(page).getByTestId('source')).toHaveCount(0);
});
