import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { hourly, patchUpdate, postMany, postOne, serveFixtures, type FixtureServer } from './helpers.js';

// The embed for publishers (docs/embed.md): a publisher's article on another origin (another port
// on loopback, under another host name, so another site too) embeds the event with the one script
// tag; the frame renders, follows its content's height, and shows an update POSTed through the API
// live. A page on a site DAYLINE_EMBED_ORIGINS does not name is refused the frame.
const event = 'ukraine-war';
let server: RunningServer;
let publisher: FixtureServer;
let stranger: FixtureServer;
/** Filled once the Dayline server is up: the fixture servers read it on each request. */
const publisherPages: Record<string, { body: string; type: string }> = {};
const strangerPages: Record<string, { body: string; type: string }> = {};

/** A publisher's article with the embed in the middle, as a newsroom's CMS would print it. */
function article(daylineUrl: string, attributes: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>The Daily Example: the war, live</title>
  <style>body { font: 18px/1.5 Georgia, serif; max-width: 40rem; margin: 0 auto; padding: 0 1rem; }</style></head>
  <body>
    <main>
      <h1>The war, as it happens</h1>
      <p id="before">Our correspondents follow the war around the clock. The latest updates:</p>
      <script src="${daylineUrl}/embed.js" data-event="${event}" ${attributes} async></script>
      <p id="after">More analysis from our foreign desk follows below the live updates.</p>
    </main>
  </body>
</html>`;
}

/** Host names differ (localhost vs 127.0.0.1), so the publisher's page is another site as well. */
const asPublisherHost = (url: string) => url.replace('127.0.0.1', 'localhost');

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  publisher = await serveFixtures(publisherPages);
  stranger = await serveFixtures(strangerPages);
  server = await startServer({ DAYLINE_EMBED_ORIGINS: asPublisherHost(publisher.url) });
  publisherPages['/article'] = {
    body: article(server.url, 'data-limit="5"'),
    type: 'text/html; charset=utf-8',
  };
  publisherPages['/dark'] = {
    body: article(server.url, 'data-limit="3" data-theme="dark" data-title="Live: the war"'),
    type: 'text/html; charset=utf-8',
  };
  strangerPages['/article'] = { body: article(server.url, ''), type: 'text/html; charset=utf-8' };
  await postMany(
    server.url,
    event,
    hourly(12, new Date(Date.now() - 3600_000).toISOString(), 'Report', { topics: ['military'] }),
  );
});
test.afterAll(async () => {
  await server?.stop();
  await publisher?.stop();
  await stranger?.stop();
});

async function frameHeights(page: Page, frame: FrameLocator) {
  const element = await page.locator('iframe[data-dayline-embed]').boundingBox();
  const content = await frame.getByTestId('embed').evaluate((main) => main.getBoundingClientRect().height);
  return { frame: element?.height ?? 0, content };
}

/** The frame is as tall as its content, so it never scrolls on its own. */
async function expectFrameFitsContent(page: Page, frame: FrameLocator) {
  await expect
    .poll(async () => {
      const { frame: outer, content } = await frameHeights(page, frame);
      return Math.abs(outer - Math.ceil(content));
    })
    .toBeLessThanOrEqual(1);
}

test('a publisher’s page embeds the live timeline, and an update posted through the API shows up in it', async ({
  page,
}) => {
  await page.goto(`${asPublisherHost(publisher.url)}/article`);
  const iframe = page.locator('iframe[data-dayline-embed]');
  await expect(iframe).toHaveAttribute('title', 'Live updates');
  // The frame sits where the script tag was, between the article's paragraphs.
  const order = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#before, iframe, #after'), (e) => e.tagName),
  );
  expect(order).toEqual(['P', 'IFRAME', 'P']);

  const frame = page.frameLocator('iframe[data-dayline-embed]');
  await expect(frame.getByTestId('connection')).toHaveText('Live');
  await expect(frame.getByTestId('update-card')).toHaveCount(5);
  const title = frame.getByTestId('embed-title');
  await expect(title).toHaveText('Russia–Ukraine war');
  await expect(title).toHaveAttribute('href', `/e/${event}`);
  // Links leave the frame: the full page refuses to be framed.
  expect(
    await title.evaluate((a: HTMLAnchorElement) => a.target || document.querySelector('base')?.target),
  ).toBe('_blank');
  await expect(frame.getByRole('link', { name: /Every update on the full page/ })).toBeVisible();
  expect(await frame.getByTestId('update-card').locator('h3').allTextContents()).toEqual([
    'Report 1',
    'Report 2',
    'Report 3',
    'Report 4',
    'Report 5',
  ]);

  // The frame is as tall as its content (not the 480 px it starts at), so it never scrolls inside.
  await expect.poll(async () => Math.abs((await frameHeights(page, frame)).frame - 480)).toBeGreaterThan(2);
  await expectFrameFitsContent(page, frame);
  const before = await frameHeights(page, frame);

  // An update posted through the API with the ingest token: it waits behind "1 new update", so
  // nothing the reader is looking at moves, and is announced.
  const fresh = await postOne(server.url, event, {
    title: 'Breaking: talks resume in the capital',
    summary: 'Delegations met for three hours.',
    source: { name: 'Embed Desk' },
    publishedAt: new Date().toISOString(),
    topics: ['diplomacy'],
  });
  const button = frame.getByTestId('embed-new');
  await expect(button).toHaveText('1 new update');
  await expect(frame.getByTestId('announcer')).toContainText('1 new update');
  await expect(frame.getByTestId('update-card').first()).toContainText('Report 1');
  expect((await frameHeights(page, frame)).frame).toBe(before.frame);
  const a11y = await new AxeBuilder({ page }).analyze();
  expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  await button.click();
  const first = frame.getByTestId('update-card').first();
  await expect(first).toHaveAttribute('data-id', fresh.id);
  await expect(first).toContainText('Breaking: talks resume in the capital');
  await expect(frame.getByTestId('update-card')).toHaveCount(5);
  await expect(button).toHaveCount(0);
  // Still as tall as its content, whatever the new card's length.
  await expectFrameFitsContent(page, frame);

  // A correction of a card on screen shows in place at once (no button: it is not new).
  await patchUpdate(server.url, fresh.id, {
    title: 'Breaking: talks resume in the capital city',
    correctionNote: 'The talks are in the city itself.',
  });
  await expect(first).toContainText('Breaking: talks resume in the capital city');
  await expect(first.getByTestId('correction')).toBeVisible();
  await expect(button).toHaveCount(0);
});

test('the frame believes only height messages from its own Dayline frame', async ({ page }) => {
  await page.goto(`${asPublisherHost(publisher.url)}/article`);
  const frame = page.frameLocator('iframe[data-dayline-embed]');
  await expect(frame.getByTestId('update-card').first()).toBeVisible();
  const iframe = page.locator('iframe[data-dayline-embed]');
  await expect.poll(() => iframe.evaluate((e: HTMLIFrameElement) => e.style.height)).not.toBe('480px');
  const height = await iframe.evaluate((e: HTMLIFrameElement) => e.style.height);
  // The publisher's own page (another origin, another source) saying otherwise changes nothing.
  await page.evaluate(() => window.postMessage({ type: 'dayline:height', height: 5 }, '*'));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(await iframe.evaluate((e: HTMLIFrameElement) => e.style.height)).toBe(height);
});

test('the publisher’s theme and title choices reach the frame', async ({ page }) => {
  await page.goto(`${asPublisherHost(publisher.url)}/dark`);
  const iframe = page.locator('iframe[data-dayline-embed]');
  await expect(iframe).toHaveAttribute('title', 'Live: the war');
  const frame = page.frameLocator('iframe[data-dayline-embed]');
  await expect(frame.getByTestId('update-card')).toHaveCount(3);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a site DAYLINE_EMBED_ORIGINS does not name is refused the frame', async ({ page }) => {
  const embedUrl = `${server.url}/embed/${event}`;
  const allowed = await fetch(embedUrl);
  expect(allowed.headers.get('content-security-policy')).toContain(
    `frame-ancestors ${asPublisherHost(publisher.url)}`,
  );
  expect(allowed.headers.get('x-frame-options')).toBeNull();
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  await page.goto(`${asPublisherHost(stranger.url)}/article`);
  await expect(page.locator('iframe[data-dayline-embed]')).toHaveCount(1);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(await framed?.locator('[data-testid="embed"]').count()).toBe(0);
  // The reader's page refuses every frame, the allowed publisher's included.
  const reader = await fetch(`${server.url}/e/${event}`);
  expect(reader.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
});

test('the embed keeps the editors’ pinned post above the updates, and follows a new pin live', async ({
  page,
}) => {
  const [note, other] = await postMany(server.url, event, [
    {
      title: 'About these updates: how our reporters confirm what they send',
      summary: 'We name a source for every figure and say when a claim cannot be checked.',
      publishedAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
      source: { name: 'Editors' },
    },
    {
      title: 'Ceasefire talks: what each side has asked for so far',
      summary: 'A running summary, updated as the delegations speak.',
      publishedAt: new Date(Date.now() - 4 * 3600_000).toISOString(),
      source: { name: 'Editors' },
    },
  ]);
  await patchUpdate(server.url, note!, { sticky: true });

  await page.goto(`${asPublisherHost(publisher.url)}/article`);
  const frame = page.frameLocator('iframe[data-dayline-embed]');
  await expect(frame.getByTestId('connection')).toHaveText('Live');
  const pinned = frame.getByTestId('sticky-post');
  await expect(pinned).toContainText('About these updates: how our reporters confirm what they send');
  // Above the newest updates, which are all still there.
  const pinnedBox = await pinned.boundingBox();
  const firstCard = await frame.getByTestId('update-card').first().boundingBox();
  expect(pinnedBox!.y + pinnedBox!.height).toBeLessThanOrEqual(firstCard!.y);
  await expect(frame.getByTestId('update-card')).toHaveCount(5);
  // "Show more" opens the whole post in place.
  await pinned.getByRole('button', { name: 'Show more' }).click();
  await expect(pinned).toContainText('We name a source for every figure');

  // The editors pin another post: the frame follows at once, without a reload; then they stop.
  await patchUpdate(server.url, other!, { sticky: true });
  await expect(pinned).toContainText('Ceasefire talks: what each side has asked for so far');
  await expect(pinned).not.toContainText('About these updates');
  await patchUpdate(server.url, other!, { sticky: false });
  await expect(pinned).toHaveCount(0);
  // The frame is still as tall as its content.
  await expectFrameFitsContent(page, frame);
});
