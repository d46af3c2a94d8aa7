/**
 * The page: the built client's JS and CSS sizes (raw, gzip, brotli; and what the server sends),
 * time to the first timeline paint, and the JS heap in Chromium once the timeline holds 5k and
 * 50k updates.
 *
 *   node bench/page.mjs [--full] [--sizes 5000,50000]
 *
 * Loading every update scrolls the timeline to its end page by page; requests ask for 200 updates
 * a page instead of the client's 50 to get there sooner (the state held in the end is the same).
 */
/* global window, document, MutationObserver, requestAnimationFrame -- functions run in the page */
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { builtFiles, scriptWeights } from './bundle.mjs';
import { insertRaw, migratedDatabase, openSqlite, updateInputs } from './data.mjs';
import { full, round, save, startServer, summary, table, tempDir, watchdog } from './lib.mjs';

const sizesArg = process.argv.find((a, i) => process.argv[i - 1] === '--sizes');
const sizes = sizesArg ? sizesArg.split(',').map(Number) : [5000, 50_000];
const loads = full ? 5 : 3;
watchdog((full ? 20 : 8) * 60_000, 'page');

const started = performance.now();
// Each built file with the page that loads it (bench/bundle.mjs: the reader, the embed, later).
const assets = builtFiles();
const weights = scriptWeights(assets);

/** Marks the first update card's arrival in the DOM and the frame after it. */
const markFirstCard = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="update-card"]')) return;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__firstCard = { dom, paint: performance.now() })));
  }).observe(document, { childList: true, subtree: true });
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let served;
const results = [];
try {
  for (const size of sizes) {
    const dir = tempDir('dayline-bench-page-');
    const file = path.join(dir, 'bench.db');
    migratedDatabase(file);
    const db = openSqlite(file, 'OFF');
    insertRaw(db, updateInputs(size, 5, 200), 5000);
    db.close();
    const server = await startServer('dayline', { dir });
    if (!served) {
      const js = assets.find((a) => a.pages.includes('reader') && a.kind === 'js');
      // node:http, not fetch: fetch decodes the body, and the bytes on the wire are the point.
      served = await new Promise((resolve, reject) => {
        http
          .get(
            `${server.url}/assets/${js.file}`,
            { headers: { 'accept-encoding': 'gzip, br' } },
            (response) => {
              let bytes = 0;
              response.on('data', (chunk) => (bytes += chunk.length));
              response.on('end', () =>
                resolve({ encoding: response.headers['content-encoding'] ?? 'none', bytes }),
              );
            },
          )
          .on('error', reject);
      });
    }

    const paints = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(markFirstCard);
      await page.goto(server.url);
      await page.waitForFunction(() => window.__firstCard, null, { timeout: 30_000 });
      paints.push(
        await page.evaluate(() => ({
          ...window.__firstCard,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          // When the first view's data was asked for (one request: /api/first-view).
          updatesAsked: performance
            .getEntriesByType('resource')
            .find((e) => /\/(first-view|updates)(\?|$)/.test(e.name) && !e.name.includes('pinned='))
            ?.startTime,
        })),
      );
      await context.close();
    }

    // Scroll to the start of the timeline, then weigh the page after a full GC.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(/\/api\/events\/[^/]+\/updates\?/, (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/([?&])limit=\d+/, '$1limit=200'),
      }),
    );
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url);
    await page.getByTestId('update-card').first().waitFor({ timeout: 30_000 });
    const weigh = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const firstHeap = await weigh();
    const t0 = performance.now();
    const deadline = t0 + (full ? 600_000 : 240_000);
    const end = page.getByText('You have reached the start of the timeline');
    while (!(await end.isVisible()) && performance.now() < deadline) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(30);
    }
    const loadAllSeconds = (performance.now() - t0) / 1000;
    const complete = await end.isVisible();
    const rows = await page.evaluate(() =>
      Number(document.querySelector('[data-testid="timeline-list"]')?.dataset.rows),
    );
    const heap = await weigh();
    const dom = await cdp.send('Memory.getDOMCounters');
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });

    results.push({
      size,
      firstCard: summary(paints.map((p) => p.paint)),
      fcp: summary(paints.map((p) => p.fcp ?? NaN)),
      updatesAsked: summary(paints.map((p) => p.updatesAsked ?? NaN)),
      firstHeap,
      heap,
      complete,
      loadAllSeconds,
      rows,
      nodes: dom.nodes,
    });
    process.stderr.write(
      `page with ${size}: first card ${round(results.at(-1).firstCard.p50)} ms, heap ${round(heap / 2 ** 20)} MB\n`,
    );
  }
} finally {
  await browser.close();
}
const seconds = (performance.now() - started) / 1000;

const kb = (bytes) => round(bytes / 1024);
const mb = (bytes) => round(bytes / 2 ** 20);
const sum = (key) => assets.reduce((total, a) => total + a[key], 0);
save(
  'page',
  { assets, served, results, seconds },
  [
    `### Page (built client; Chromium headless; ${Math.round(seconds)} s)`,
    '',
    table(
      ['asset', 'loaded by', 'raw KB', 'gzip KB', 'brotli KB'],
      [
        ...assets.map((a) => [a.file, a.pages.join(', '), kb(a.raw), kb(a.gzip), kb(a.brotli)]),
        ['**total**', '', kb(sum('raw')), kb(sum('gzip')), kb(sum('brotli'))],
      ],
    ),
    '',
    `Script a page loads first (gzip -9): ${weights.map((w) => `${w.page} ${w.kib} KB (budget ${w.budget} KB${w.ok ? '' : ', OVER'})`).join(' · ')}.`,
    '',
    `The server sends the JS with content-encoding: ${served.encoding} (${kb(served.bytes)} KB on the wire).`,
    '',
    table(
      [
        'updates in the store',
        `first timeline paint p50 / max ms (${loads} loads)`,
        'FCP p50 ms',
        'first view asked at p50 ms',
        'JS heap, first page (MB)',
        'JS heap, all loaded (MB)',
        'time to load all (s)',
        'timeline rows (cards + day headings)',
        'DOM nodes',
      ],
      results.map((r) => [
        r.size.toLocaleString('en'),
        `${round(r.firstCard.p50)} / ${round(r.firstCard.max)}`,
        round(r.fcp.p50),
        round(r.updatesAsked.p50),
        mb(r.firstHeap),
        `${mb(r.heap)}${r.complete ? '' : ' (not all: time limit)'}`,
        round(r.loadAllSeconds),
        r.rows,
        r.nodes,
      ]),
    ),
  ].join('\n'),
);
