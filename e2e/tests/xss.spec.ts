import type { SourceView, Update, UpdateInput } from '@dayline/shared';
import { expect, test, type Page } from '@playwright/test';
import { ingestToken } from '../server.js';
import {
  openFilters,
  patchUpdate,
  ready,
  retractUpdate,
  rssFeed,
  serveFixtures,
  startConfigured,
  type ConfiguredServer,
  type FixtureServer,
} from './helpers.js';

// Script injection: a corpus of payloads written for Dayline goes in through the API (title,
// summary, author, outlet, correction note, retraction reason, links) and through a feed (titles,
// descriptions, categories), and is rendered by every view that shows ingested text: cards, key
// events, similar coverage, earlier versions, topic explanations, the source filter, the sources
// panel, search. Nothing may run. The page's CSP would stop inline scripts anyway, so the browser
// runs with CSP bypassed: the client's own rendering is what is tested. Payloads call
// `window.__xss = …` (a trap records it) or alert() (a dialog fails the test).

const sentinel = 'window.__xss=1';
const payloads: string[] = [
  // Script elements
  `<script>${sentinel}</script>`,
  `<SCRIPT>${sentinel}</SCRIPT>`,
  `<script src=//xss.invalid/x.js></script>`,
  `<script>alert(1)</script>`,
  `<scr<script>ipt>${sentinel}</scr</script>ipt>`,
  `<svg><script>${sentinel}</script></svg>`,
  `<template><script>${sentinel}</script></template>`,
  `<![CDATA[<script>${sentinel}</script>]]>`,
  // Event handlers
  `<img src=x onerror=${sentinel}>`,
  `<img src="x" onerror="${sentinel}">`,
  `<IMG SRC=# onmouseover="${sentinel}">`,
  `<img srcset="x 1x" onerror=${sentinel}>`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<svg onload=${sentinel}>`,
  `<svg><animate onbegin=${sentinel} attributeName=x dur=1s>`,
  `<body onload=${sentinel}>`,
  `<input autofocus onfocus=${sentinel}>`,
  `<details open ontoggle=${sentinel}>`,
  `<video><source onerror=${sentinel}></video>`,
  `<audio src=x onerror=${sentinel}>`,
  `<marquee onstart=${sentinel}>`,
  `<x onclick=${sentinel}>tap</x>`,
  `<isindex type=image src=1 onerror=${sentinel}>`,
  // Links and embedded documents
  `<a href="javascript:${sentinel}">click</a>`,
  `<a href="data:text/html,<script>${sentinel}</script>">data</a>`,
  `<a href=" jav&#x09;ascript:${sentinel}">tab</a>`,
  `<a href="vbscript:msgbox(1)">vb</a>`,
  `<iframe src="javascript:${sentinel}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:${sentinel}"></object>`,
  `<embed src="javascript:${sentinel}">`,
  `<form action="javascript:${sentinel}"><button>go</button></form>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${sentinel}'/></svg>#x"/></svg>`,
  `javascript:${sentinel}`,
  // Breaking out of attributes and elements
  `"><svg onload=${sentinel}>`,
  `'><img src=x onerror=${sentinel}>`,
  `" onmouseover="${sentinel}" x="`,
  `' autofocus onfocus='${sentinel}' x='`,
  `</h3><script>${sentinel}</script><h3>`,
  `</textarea><script>${sentinel}</script>`,
  `</title><script>${sentinel}</script>`,
  `</style><script>${sentinel}</script>`,
  `<!--<img src="--><img src=x onerror=${sentinel}//">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${sentinel}>`,
  `<noscript><p title="</noscript><img src=x onerror=${sentinel}>">`,
  // Template syntax: Svelte, Angular-style, server templates
  `{@html '<img src=x onerror=${sentinel}>'}`,
  `{@html "<script>${sentinel}</script>"}`,
  `{{constructor.constructor('alert(1)')()}}`,
  `{{constructor.constructor('${sentinel}')()}}`,
  `\${${sentinel}}`,
  `<%= ${sentinel} %>`,
  `#{${sentinel}}`,
  // CSS
  `<div style="background:url(javascript:${sentinel})">css</div>`,
  `<div style="width:expression(${sentinel})">ie</div>`,
  `<style>@import 'javascript:${sentinel}';</style>`,
  `<link rel=stylesheet href="javascript:${sentinel}">`,
  // Meta and base
  `<meta http-equiv="refresh" content="0;url=javascript:${sentinel}">`,
  `<meta http-equiv="refresh" content="0;url=https://evil.invalid/">`,
  `<base href="https://evil.invalid/">`,
  `<?xml-stylesheet href="javascript:${sentinel}"?>`,
  // Encodings and Unicode
  `&lt;script&gt;${sentinel}&lt;/script&gt;`,
  `&#60;img src=x onerror=${sentinel}&#62;`,
  `<img src=x onerror=&#119;indow.__xss=1>`,
  `<img src=x onerror="&#x77;indow.__xss=1">`,
  `%3Cscript%3E${sentinel}%3C/script%3E`,
  `\\u003cscript\\u003e${sentinel}\\u003c/script\\u003e`,
  `＜script＞${sentinel}＜/script＞`,
  `<ſcript>${sentinel}</ſcript>`,
  `\u202e<script>${sentinel}</script>`,
  `<scr\u200bipt>${sentinel}</scr\u200bipt>`,
  `<scr\u0000ipt>${sentinel}</script>`,
  // Very long
  `<img src=x onerror=${sentinel}>`.repeat(200),
  'A'.repeat(5000),
];

/** Links the API must refuse: only http(s) may become an anchor. */
const badUrls = [
  `javascript:${sentinel}`,
  `JaVaScRiPt:${sentinel}`,
  ` javascript:${sentinel}`,
  `java\tscript:${sentinel}`,
  `data:text/html,<script>${sentinel}</script>`,
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

const limit = (text: string, max: number) => text.slice(0, max);
const day = (n: number) => new Date(Date.UTC(2022, 1, 24, 10) + n * 86_400_000).toISOString();

// The event's own title and its topic rules carry payloads too: the regex and the category put the
// matched markup into the topic explanations.
const feedCategory = `<script>${sentinel}</script>`;
const eventTitle = `War live <img src=x onerror=${sentinel}>`;
const feedOutlet = `Feed <b>Desk</b> <img src=x onerror=${sentinel}>`;
const config = (feedUrl: string) => `
allowPrivateNetworks: true
events:
  - slug: ukraine-war
    title: ${JSON.stringify(eventTitle)}
    startDate: "2022-02-24"
    timeZone: Europe/Kyiv
    topics:
      - id: markup
        label: Markup
        color: "#7c3aed"
        regexes: ["<[a-z]+[^>]*>"]
        categories: [${JSON.stringify(feedCategory)}]
      - { id: military, label: Military, color: "#b91c1c", keywords: [shelling] }
    sources:
      - { name: ${JSON.stringify(feedOutlet)}, url: ${JSON.stringify(feedUrl)}, pollSeconds: 300, topics: [military] }
`;

/** Feed items: payloads in titles, HTML descriptions and categories, a day apart (never one story). */
const feedPayloads = payloads.slice(0, 30);
const feedXml = rssFeed(
  `Feed <script>${sentinel}</script>`,
  'https://feed.example.org/',
  feedPayloads.map((payload, i) => ({
    title: `Feed item ${i + 1} ${limit(payload, 200)}`,
    link: `https://feed.example.org/items/${i + 1}`,
    description: `<p>Shelling report ${i + 1}</p>${payload}`,
    pubDate: day(100 + i),
    categories: [feedCategory, payload.slice(0, 100)],
  })),
);

let feeds: FixtureServer;
let server: ConfiguredServer;
/** What the server stored for each API-posted payload (it trims and folds whitespace). */
const stored: Update[] = [];

async function post(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/events/ukraine-war/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test.describe.configure({ mode: 'serial' });
test.use({ bypassCSP: true });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  feeds = await serveFixtures({ '/feed.xml': { body: feedXml } });
  server = await startConfigured(config(`${feeds.url}/feed.xml`));
  // One payload per update, a day apart so no two read as one story and each gets its own card.
  for (const [i, payload] of payloads.entries()) {
    const input: UpdateInput = {
      title: limit(payload, 300),
      summary: limit(payload, 5000),
      author: limit(payload, 200),
      source: { name: limit(payload, 120) },
      publishedAt: day(i),
      url: `https://example.org/${i}/"><script>${sentinel}</script>`,
      pinned: i % 10 === 0,
    };
    const { status, body } = await post(input);
    expect(status, `payload ${i}: ${payload.slice(0, 60)}`).toBe(201);
    stored.push(body as Update);
  }
  // Notes on corrections and retractions are ingested text too.
  await patchUpdate(server.url, stored[1]!.id, {
    summary: `Corrected <img src=x onerror=${sentinel}>`,
    correctionNote: `<script>${sentinel}</script> note`,
  });
  // Three reports of one story from outlets with payload names: each its card, with "+2 similar".
  for (const [i, outlet] of [
    `<img src=x onerror=${sentinel}>`,
    `"><svg onload=${sentinel}>`,
    `{@html x}`,
  ].entries()) {
    const { status } = await post({
      title: `Depot fire near Lviv <img src=x onerror=${sentinel}> burns overnight`,
      summary: `A fuel depot near Lviv burned overnight after a strike <script>${sentinel}</script>.`,
      source: { name: outlet },
      publishedAt: new Date(Date.parse('2022-06-01T10:00:00Z') + i * 600_000).toISOString(),
    });
    expect(status).toBe(201);
  }
  await expect
    .poll(
      async () => {
        const response = await fetch(`${server.url}/api/events/ukraine-war/sources`);
        return ((await response.json()) as SourceView[]).map((s) => s.status);
      },
      { timeout: 20_000 },
    )
    .toEqual(['ok']);
});
test.afterAll(async () => {
  await server?.stop();
  await feeds?.stop();
});

/** Scrolls until every page of the timeline is loaded. */
async function loadAll(page: Page) {
  const end = page.getByText('You have reached the start of the timeline');
  for (let i = 0; i < 20 && !(await end.isVisible()); i++) {
    await page.evaluate(() =>
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
    );
    await page.waitForTimeout(300);
  }
  await expect(end).toBeVisible();
}

/** The checks of the current test's page, run after it whether it passed or not. */
let verify: (() => Promise<void>) | null = null;
test.afterEach(async () => {
  const run = verify;
  verify = null;
  await run?.();
});

/**
 * Every way a payload could show that it ran, recorded from the first script of the page on, and
 * checked once the test is over (even when it failed on the way).
 */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /xss|Content Security Policy/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    const expected =
      url.origin === origin &&
      /^\/(?:$|e\/|api\/|assets\/|socket\.io\/|favicon\.svg$|theme\.js$)/.test(url.pathname);
    if (!expected) problems.push(`unexpected request: ${request.url()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xssHits: string[] };
    w.__xssHits = [];
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get: () => undefined,
      set: (value: unknown) => w.__xssHits.push(String(value)),
    });
  });
  verify = async () => {
    const hits = await page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);
    expect(hits, 'a payload set window.__xss').toEqual([]);
    expect(problems).toEqual([]);
    // Nothing executable or navigating made it into the document from ingested text.
    const dangerous = page.locator(
      [
        'body script',
        'body [onerror]',
        'body [onload]',
        'body [onmouseover]',
        'body [onfocus]',
        'body [onclick]',
        'body [onbegin]',
        'body [ontoggle]',
        'body [onstart]',
        'iframe',
        'object',
        'embed',
        '[srcdoc]',
        'meta[http-equiv]',
        'base',
        'form[action]',
        'a[href^="javascript:" i]',
        'a[href^="data:" i]',
        'a[href^="vbscript:" i]',
        'main img',
        'main svg use',
      ].join(', '),
    );
    await expect(dangerous).toHaveCount(0);
  };
}

test('the API refuses links that are not http(s)', async () => {
  for (const url of badUrls) {
    const { status } = await post({ title: 'Link test', url, publishedAt: day(400) });
    expect(status, url).toBe(400);
    const source = await post({
      title: 'Source link test',
      source: { name: 'Wire', url },
      publishedAt: day(401),
    });
    expect(source.status, url).toBe(400);
  }
});

test('API payloads show as text on every card, and nothing runs', async ({ page }) => {
  await watch(page);
  await page.goto(`${server.url}/e/ukraine-war`);
  await ready(page);
  await loadAll(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eventTitle);
  await expect(page).toHaveTitle(`${eventTitle} · Dayline`);
  // The literal markup is on screen as text.
  await expect(
    page
      .getByTestId('update-card')
      .getByRole('heading', { name: `<script>${sentinel}</script>`, exact: true }),
  ).not.toHaveCount(0);

  for (const [i, update] of stored.entries()) {
    const card = page.locator(`[data-testid="update-card"][data-id="${update.id}"]`);
    await expect(card.locator('h3'), `title ${i}`).toHaveText(update.title, { useInnerText: false });
    const texts = await card.evaluate((el) => ({
      title: el.querySelector('h3')?.textContent?.trim(),
      author: el.querySelector('.author')?.textContent?.trim(),
      source: el.querySelector('.meta .source')?.textContent,
      href: el.querySelector('a.original')?.getAttribute('href'),
    }));
    expect(texts, `payload ${i}`).toEqual({
      title: update.title,
      author: `By ${update.author}`,
      source: update.source?.name,
      href: update.url,
    });
    if (i !== 1) {
      expect(await card.locator('.summary').textContent(), `summary ${i}`).toBe(update.summary);
    }
  }

  // Correction note, earlier version, retraction reason.
  const corrected = page.locator(`[data-testid="update-card"][data-id="${stored[1]!.id}"]`);
  await expect(corrected.getByTestId('correction')).toContainText(`<script>${sentinel}</script> note`);
  await corrected.getByText('Earlier versions').click();
  await expect(corrected.getByTestId('version')).toContainText(stored[1]!.summary);
  // Retracted while the page is open: lists leave tombstones out, an open page shows them.
  await retractUpdate(server.url, stored[2]!.id, `<svg onload=${sentinel}> reason`);
  const retracted = page.locator(`[data-testid="update-card"][data-id="${stored[2]!.id}"]`);
  await expect(retracted.getByTestId('retraction')).toContainText(`<svg onload=${sentinel}> reason`);

  // Key events, and the outlets in the source filter.
  await expect(page.getByTestId('key-events')).toContainText(stored[0]!.title);
  const options = await (
    await openFilters(page)
  )
    .getByRole('combobox', { name: 'Source' })
    .locator('option')
    .evaluateAll((els) => els.map((el) => el.textContent));
  expect(options).toContain(stored[5]!.source!.name);
  await page.keyboard.press('Escape');

  // Topic explanations quote the markup the regex matched.
  const chip = page
    .locator(`[data-testid="update-card"][data-id="${stored[0]!.id}"]`)
    .getByRole('button', { name: 'Markup' });
  await chip.focus();
  await expect(chip).toHaveAccessibleDescription(/pattern matching “<script>”/);

  // Similar coverage from outlets with payload names.
  const head = page
    .getByTestId('update-card')
    .filter({ has: page.getByTestId('similar') })
    .filter({ hasNot: page.getByTestId('story-first') });
  await expect(head.getByTestId('similar-summary')).toHaveText(/^\+2 similar: /);
  await head.getByTestId('similar-summary').click();
  await expect(head.getByTestId('similar-member')).toHaveCount(2);
  await expect(head.getByTestId('similar-member').nth(0)).toContainText(`"><svg onload=${sentinel}>`);
  // The later reports name the first one, its payload headline and outlet shown as text.
  await expect(page.getByTestId('story-first').first()).toContainText(`onerror=${sentinel}`);

  // A live update, at the top where it slides in.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.waitForTimeout(300);
  await post({
    title: `<img src=x onerror=${sentinel}> live`,
    summary: `<svg onload=${sentinel}>`,
    publishedAt: day(300),
  });
  await expect(page.getByTestId('update-card').first()).toContainText(`<img src=x onerror=${sentinel}> live`);
  await page.waitForTimeout(500);
});

test('feed payloads are sanitised to text, and nothing runs', async ({ page }) => {
  await watch(page);
  await page.goto(`${server.url}/e/ukraine-war?source=${encodeURIComponent(feedOutlet)}`);
  await ready(page);
  const cards = page.getByTestId('update-card');
  await expect(cards).toHaveCount(feedPayloads.length);
  await expect(cards.first().locator('.meta .source')).toHaveText(feedOutlet);
  await expect(cards.getByRole('heading', { name: /^Feed item 1\b/ })).toBeVisible();
  // The feed's HTML is gone: what is left is text.
  await expect(cards.locator('.summary').first()).toContainText('Shelling report');
  // Feed titles lose their markup on the server; what is left is plain text.
  for (const title of await cards.locator('h3').allTextContents())
    expect(title.trim()).toMatch(/^Feed item \d+/);
  // The topic explanation of a feed item, shown on hover.
  await cards.first().getByRole('button', { name: 'Military' }).hover();
  await expect(cards.first().getByRole('tooltip')).toHaveText(
    'Military: from the source, keyword “Shelling”',
  );

  // The sources panel shows the outlet's name and feed URL as text.
  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('dialog', { name: 'Sources' }).getByRole('heading', { level: 3 })).toHaveText(
    feedOutlet,
  );
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
});

test('a search or outlet in the address is shown as text', async ({ page }) => {
  await watch(page);
  const q = `<img src=x onerror=${sentinel}>`;
  const source = `"><svg onload=${sentinel}>`;
  await page.goto(
    `${server.url}/e/ukraine-war?q=${encodeURIComponent(q)}&source=${encodeURIComponent(source + 'nobody')}`,
  );
  await expect(page.getByTestId('empty-state')).toContainText(
    `No updates from ${source}nobody match “${q}”.`,
  );
  await expect(page.getByRole('searchbox', { name: 'Search updates' })).toHaveValue(q);
});
