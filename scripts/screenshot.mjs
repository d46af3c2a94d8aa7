// Takes the README's screenshots of a running Dayline (the demo, `npm start`):
//   node scripts/screenshot.mjs [URL] [OUT] [WIDTH]
// OUT (docs/images/timeline.png) is the timeline at WIDTH; beside it go the reader's first screen on
// a phone and a laptop, light and dark: reader-{390,1280}-{light,dark}.png.
import path from 'node:path';
import { chromium } from '@playwright/test';

const [url = 'http://localhost:3000', out = 'docs/images/timeline.png', width = '1100'] =
  process.argv.slice(2);
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

async function shoot(file, viewport, colorScheme = 'light') {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(url);
  await page.getByTestId('update-card').first().waitFor();
  await page.getByTestId('connection').getByText('Live').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: file });
  await page.close();
  console.log(`wrote ${file}`);
}

await shoot(out, { width: Number(width), height: 900 });
for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  for (const theme of ['light', 'dark']) {
    await shoot(path.join(path.dirname(out), `reader-${viewport.width}-${theme}.png`), viewport, theme);
  }
}
await browser.close();
