// Takes the README's screenshot of a running Dayline: node scripts/screenshot.mjs [URL] [OUT] [WIDTH]
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
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url);
await page.getByTestId('update-card').first().waitFor();
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
