// Takes docs/embed.md's screenshots: a publisher's article on another origin with the embed in it,
// at 390 and 1280 px, light and dark. Start Dayline first (the demo has updates: `npm start`), then
//   node scripts/embed-screenshots.mjs [DAYLINE_URL] [EVENT] [OUT_DIR]
/* global window -- a function run in the page */
import http from 'node:http';
import { chromium } from '@playwright/test';

const [dayline = 'http://127.0.0.1:3000', event = 'ukraine-war', out = 'docs/images'] = process.argv.slice(2);

const article = (theme) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>The Daily Example</title>
<style>
  body { margin: 0; font: 18px/1.55 Georgia, 'Times New Roman', serif; background: #fff; color: #1b1b1b; }
  @media (prefers-color-scheme: dark) { body { background: #121212; color: #e8e8e8; } .masthead { border-color: #444; } }
  .masthead { padding: 0.75rem 1rem; border-bottom: 3px solid #1b1b1b; font: 700 1.4rem/1 Georgia, serif; }
  article { max-width: 40rem; margin: 0 auto; padding: 0 1rem 2rem; }
  h1 { font-size: 1.9rem; line-height: 1.15; margin: 1.2rem 0 0.6rem; }
  .standfirst { font-size: 1.05rem; opacity: 0.8; }
</style></head>
<body>
  <header class="masthead">The Daily Example</header>
  <main><article>
    <h1>War in Europe: what we know on day 21</h1>
    <p class="standfirst">Talks resume as shelling continues in the east. Follow the latest updates below.</p>
    <script src="${dayline}/embed.js" data-event="${event}" data-limit="4" data-theme="${theme}" async></script>
    <p>Our correspondents continue to report from the capital and the front line.</p>
  </article></main>
</body>
</html>`;

const server = http.createServer((req, res) => {
  const theme = new URL(req.url ?? '/', 'http://x').searchParams.get('theme') ?? 'auto';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(theme));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
// Another host name than Dayline's: the publisher is another site.
const publisher = `http://localhost:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
try {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(`${publisher}/?theme=auto`);
      const frame = page.frameLocator('iframe[data-dayline-embed]');
      await frame.getByTestId('update-card').first().waitFor();
      await page.waitForTimeout(1500);
      const iframe = page.locator('iframe[data-dayline-embed]');
      // On a phone the embed starts below the first screen: show it with the article's last lines.
      if (width < 600) await iframe.evaluate((e) => window.scrollTo(0, e.offsetTop - 150));
      const file = `${out}/embed-${width}-${scheme}.png`;
      await page.screenshot({ path: file });
      const frameHeight = (await iframe.boundingBox())?.height;
      const content = await frame.getByTestId('embed').evaluate((e) => e.getBoundingClientRect().height);
      console.log(`wrote ${file} (frame ${frameHeight} px, its content ${content} px)`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
