import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  hourly,
  ownWords,
  patchUpdate,
  postMany,
  startConfigured,
  type ConfiguredServer,
} from './helpers.js';

// The first screen of a reader's page with everything an event can put above its timeline: a
// standfirst of more than two lines, six key events with long headlines and a sticky post with a
// long body. Positions are measured on the page as the server sends it (no JavaScript) and after
// the client has taken it over, in both themes, on two phones and a laptop.
const event = 'valley-watch';
let server: ConfiguredServer;
let keyIds: string[];

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const now = Date.now();
  const startDate = new Date(now - 20 * 86_400_000).toISOString().slice(0, 10);
  server = await startConfigured(`
events:
  - slug: ${event}
    title: Valley watch
    startDate: "${startDate}"
    timeZone: UTC
    standfirst: >-
      Fighting along the river valley entered its third week as both sides reported advances, aid
      convoys waited at the crossings and envoys met again in the capital.
    topics:
      - { id: military, label: Military, color: "#b91c1c", keywords: [shelling] }
      - { id: diplomacy, label: Diplomacy, color: "#1d4ed8", keywords: [envoys] }
      - { id: aid, label: Humanitarian, color: "#047857", keywords: [convoy] }
`);
  const newest = new Date(now - 10 * 60_000).toISOString();
  await postMany(server.url, event, hourly(30, newest, 'Dispatch from the valley'));
  // Six key events, days apart, with headlines longer than a phone's line.
  keyIds = await postMany(
    server.url,
    event,
    Array.from({ length: 6 }, (_, i) => ({
      title: `Key moment ${i + 1}: negotiators on both sides agree to a partial truce around the river crossings`,
      summary: ownWords(),
      publishedAt: new Date(now - (2 + i * 3) * 86_400_000).toISOString(),
      source: { name: 'E2E Wire' },
      pinned: true,
    })),
  );
  // The sticky post: a long headline and several paragraphs' worth of body.
  const [sticky] = await postMany(server.url, event, [
    {
      title: 'About this page: how we report the fighting in the valley, and what we cannot yet confirm',
      summary: `Our reporters are in three towns along the river. ${ownWords(120)}.`,
      publishedAt: new Date(now - 19 * 86_400_000).toISOString(),
      source: { name: 'Editors' },
    },
  ]);
  await patchUpdate(server.url, sticky!, { sticky: true });
});
test.afterAll(async () => {
  await server.stop();
});

interface Box {
  top: number;
  bottom: number;
  height: number;
}
interface Layout {
  header: Box;
  standfirst: Box;
  key: Box;
  keyItems: Box[];
  chart: Box;
  sticky: Box;
  /** The first update of the timeline (not the sticky post's card). */
  cards: Box[];
  headline: Box;
  overflow: number;
  width: number;
}

/** Where the parts of the first screen are, from the page's own layout. */
function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (el: Element | null | undefined) => {
      if (!el) throw new Error('missing element');
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    };
    const q = (selector: string) => document.querySelector(selector);
    const cards = Array.from(document.querySelectorAll('.timeline [data-testid="update-card"]'));
    const keyItems = Array.from(document.querySelectorAll('[data-testid="key-events"] li')).filter(
      (li) => li.getBoundingClientRect().height > 0,
    );
    return {
      header: box(q('.site-header')),
      standfirst: box(q('[data-testid="standfirst"]')),
      key: box(q('[data-testid="key-events"]')),
      keyItems: keyItems.map(box),
      chart: box(q('[data-testid="day-chart"]')),
      sticky: box(q('[data-testid="sticky-post"]')),
      cards: cards.slice(0, 2).map(box),
      headline: box(cards[0]?.querySelector('h3')),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      width: window.innerWidth,
    };
  });
}

const inView = (b: Box, height: number) => b.top >= 0 && b.bottom <= height;

/** The share of a box inside the first screen. */
const shown = (b: Box, height: number) =>
  Math.max(0, Math.min(b.bottom, height) - Math.max(b.top, 0)) / b.height;

const viewports = [
  { width: 390, height: 844, phone: true },
  { width: 360, height: 740, phone: true },
  { width: 1280, height: 800, phone: false },
] as const;

for (const { width, height, phone } of viewports) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${width} × ${height}, ${theme}`, () => {
      test.use({ viewport: { width, height }, colorScheme: theme });

      test('the first screen: title, day, standfirst, a short key-events strip, the folded sticky post, then news', async ({
        page,
      }, testInfo) => {
        // The page as the server sends it: the app's script is held back until it has been measured.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.addInitScript((choice) => localStorage.setItem('dayline:theme', choice), theme);
        await page.goto(`${server.url}/e/${event}`, { waitUntil: 'commit' });
        await expect(page.getByTestId('sticky-post')).toBeVisible();
        await expect(page.getByTestId('connection')).not.toHaveText('Live');
        // On a phone the standfirst's "More" comes with the page, not with the script.
        const moreStandfirst = page.getByRole('button', { name: 'More', exact: true });
        if (phone) await expect(moreStandfirst).toBeVisible();
        else await expect(moreStandfirst).toBeHidden();
        const before = await layoutOf(page);

        release();
        await expect(page.getByTestId('connection')).toHaveText('Live');
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const after = await layoutOf(page);

        for (const [when, layout] of [
          ['server-rendered', before],
          ['hydrated', after],
        ] as const) {
          expect(layout.overflow, `${when}: no sideways scrolling`).toBeLessThanOrEqual(0);
          expect(inView(layout.standfirst, height), `${when}: the standfirst`).toBe(true);
          expect(inView(layout.key, height), `${when}: the key-events strip`).toBe(true);
          expect(inView(layout.sticky, height), `${when}: the sticky post`).toBe(true);
          if (phone) {
            // The first update's headline is on the first screen (a laptop's: see the test below).
            expect(inView(layout.headline, height), `${when}: the first headline`).toBe(true);
            // One line that scrolls sideways, not a list.
            expect(layout.key.height, `${when}: the strip is one line`).toBeLessThanOrEqual(48);
            expect(new Set(layout.keyItems.map((b) => Math.round(b.top))).size).toBe(1);
            expect(layout.keyItems).toHaveLength(6);
          } else {
            // The newest three, one a line.
            expect(layout.keyItems).toHaveLength(3);
            for (const item of layout.keyItems) expect(item.height).toBeLessThanOrEqual(36);
            expect(layout.key.height, `${when}: three lines`).toBeLessThanOrEqual(120);
          }
          // Folded: the label and "Show more" over a one-line headline, far shorter than the post.
          expect(layout.sticky.height, `${when}: the folded sticky post`).toBeLessThanOrEqual(64);
        }
        // Taking the page over moves nothing: not the header, nor anything below it.
        expect(Math.round(after.header.height), 'the header as served').toBe(
          Math.round(before.header.height),
        );
        const below = (l: Layout) =>
          [l.standfirst, l.key, l.chart, l.sticky, l.headline].map((b) => Math.round(b.top));
        expect(below(after)).toEqual(below(before));

        await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
        await expect(page.getByTestId('today')).toHaveText('Day 21');
        await expect(page.getByTestId('today')).toBeInViewport();
        await expect(page.getByTestId('connection')).toBeInViewport();

        testInfo.annotations.push({
          type: 'positions',
          description:
            `${after.width} px wide: header ${Math.round(before.header.height)} px served, ` +
            `${Math.round(after.header.height)} px hydrated, key events ${Math.round(after.key.height)}, ` +
            `chart bottom ${Math.round(after.chart.bottom)}, sticky ${Math.round(after.sticky.top)}–` +
            `${Math.round(after.sticky.bottom)}, first headline at y ${Math.round(after.headline.top)}, ` +
            `first card ${Math.round(after.cards[0]!.top)}–${Math.round(after.cards[0]!.bottom)}`,
        });

        const strip = page.getByTestId('key-events');
        const sticky = page.getByTestId('sticky-post');
        await expect(sticky.getByRole('heading', { name: 'Pinned by the editors' })).toBeVisible();
        const more = sticky.getByRole('button', { name: 'Show more' });
        await expect(more).toHaveAttribute('aria-expanded', 'false');
        await expect(sticky.getByTestId('update-card')).toHaveCount(0);
        if (phone) {
          // Every key event is a link in the line; the line scrolls to the last of them.
          await expect(strip.getByRole('button')).toBeHidden();
          const last = strip.getByRole('link').last();
          await expect(last).not.toBeInViewport();
          await last.focus();
          await expect(last).toBeInViewport();
          await expect(last).toHaveAttribute('href', `/e/${event}/u/${keyIds[5]}`);
        } else {
          // "All key events (6)" opens the rest in place, from the keyboard too.
          const all = strip.getByRole('button', { name: 'All key events (6)' });
          await expect(all).toHaveAttribute('aria-expanded', 'false');
          await expect(strip.getByRole('link')).toHaveCount(3);
          await all.focus();
          await page.keyboard.press('Enter');
          await expect(strip.getByRole('link')).toHaveCount(6);
          const fewer = strip.getByRole('button', { name: 'Fewer key events' });
          await expect(fewer).toHaveAttribute('aria-expanded', 'true');
          await page.keyboard.press('Space');
          await expect(strip.getByRole('link')).toHaveCount(3);
        }
        // The sticky post opens to the whole card, and folds again.
        await more.click();
        await expect(sticky.getByTestId('update-card')).toContainText('Our reporters are in three towns');
        await expect(sticky.getByTestId('update-card')).toContainText('Editors');
        const less = sticky.getByRole('button', { name: 'Show less' });
        await expect(less).toHaveAttribute('aria-expanded', 'true');
        await less.click();
        await expect(sticky.getByTestId('update-card')).toHaveCount(0);
      });

      // The numbers: on a phone the first update's headline in the top half of the screen,
      // and on a tall one the second card mostly in view too; on a laptop one whole update.
      test('the first update is high enough on the first screen', async ({ page }) => {
        await page.goto(`${server.url}/e/${event}`);
        await expect(page.getByTestId('connection')).toHaveText('Live');
        const layout = await layoutOf(page);
        if (phone) {
          expect(layout.headline.top, 'the first headline in the top half').toBeLessThanOrEqual(height / 2);
          if (height >= 844) {
            expect(shown(layout.cards[1]!, height), 'the second card mostly in view').toBeGreaterThanOrEqual(
              0.6,
            );
          }
        } else {
          expect(inView(layout.cards[0]!, height), 'one whole update in view').toBe(true);
        }
      });
    });
  }
}

// The page as served is the page the reader keeps: the standfirst's "More" is in it from the start,
// so nothing on the first screen moves when the client takes it over.
test('taking the page over shifts nothing, standfirst and all (390 and 1280 wide)', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { e2eShift: number };
    w.e2eShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.e2eShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`${server.url}/e/${event}`);
    await expect(page.getByTestId('connection')).toHaveText('Live');
    await expect(page.getByTestId('standfirst')).toBeVisible();
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => (window as unknown as { e2eShift: number }).e2eShift);
    expect(shift, `${size.width}: cumulative layout shift`).toBeLessThan(0.01);
  }
});

// axe on the first screen with everything above the timeline: the standfirst, the key events and
// the folded sticky post, on a phone and a laptop, in both themes (WCAG 2.2's target size too).
for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    test(`the first screen has no axe violations, ${viewport.width} wide, ${colorScheme}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/e/${event}`);
      await expect(page.getByTestId('connection')).toHaveText('Live');
      await expect(page.getByTestId('key-events')).toBeVisible();
      await expect(page.getByTestId('sticky-post')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
      expect(summary).toEqual([]);
    });
  }
}
