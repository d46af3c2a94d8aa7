import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { UpdateInput } from '@dayline/shared';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';

/** The password of the first admin in these tests. */
export const adminPassword = 'a long enough password';

/** The one-time setup link a fresh install prints in its log. */
export async function setupLink(server: RunningServer): Promise<string> {
  const pattern = /\/console\/setup\?token=[\w-]+/;
  await expect.poll(() => pattern.exec(server.log())?.[0]).toBeTruthy();
  return (pattern.exec(server.log()) as RegExpExecArray)[0];
}

/** Opens the setup link and creates the first admin, signed in at once, as a newsroom would. */
export async function createFirstAdmin(page: Page, server: RunningServer, name = 'chief'): Promise<void> {
  await page.goto(`${server.url}${await setupLink(server)}`);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByText(`${name} · admin`)).toBeVisible();
}

/** A screenshot kept with the test's output, to look at (docs/images copies some). */
export async function shoot(page: Page, name: string, outputDir: string): Promise<void> {
  const dir = path.join(outputDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false, animations: 'disabled' });
}

/**
 * `shoot` at 1280x800 and 390x844, in the light and the dark theme (`<name>-1280-dark`, ...);
 * the page is reloaded in each theme, and `ready` waits for what must be on screen.
 */
export async function shootBoth(
  page: Page,
  name: string,
  outputDir: string,
  ready: () => Promise<void>,
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.reload();
      await ready();
      await shoot(page, `${name}-${width}-${colorScheme}`, outputDir);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The config's event the story and curation specs write to. */
export const warEvent = 'ukraine-war';

/**
 * A server of its own (fresh database, the test config) for each test of the spec that calls this at
 * its top level; the answer gives the current test's.
 */
export function serverForEachTest(): () => RunningServer {
  let server: RunningServer | undefined;
  test.beforeEach(async () => {
    server = await startServer();
  });
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('No server: call it inside a test');
    return server;
  };
}

/** An outlet's report, with its own link and the outlet's site. */
export const report = (title: string, summary: string, outlet: string, at: string): UpdateInput => ({
  title,
  summary,
  publishedAt: at,
  source: { name: outlet, url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/` },
  url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/${encodeURIComponent(title.toLowerCase())}`,
});

/** One story in three outlets' words: the fuel depot near Lviv, 08:00, 08:20 and 08:40 UTC. */
export const lvivDepot = [
  report(
    'Missile strike hits fuel depot near Lviv',
    'A missile strike hit a fuel depot near Lviv overnight, setting storage tanks on fire.',
    'Kyiv Ledger',
    '2022-03-26T08:00:00Z',
  ),
  report(
    'Fuel depot near Lviv hit by missile strike, officials say',
    'Officials say a missile strike hit a fuel depot near Lviv; fire crews fought the blaze at the depot.',
    'Northern Wire',
    '2022-03-26T08:20:00Z',
  ),
  report(
    'Lviv fuel depot struck by missiles overnight',
    'Missiles struck a fuel depot near Lviv overnight and the depot burned for hours.',
    'Baltic Dispatch',
    '2022-03-26T08:40:00Z',
  ),
] as const;

/** The update card whose headline is `title`. */
export const cardOf = (page: Page, title: string) =>
  page.getByTestId('update-card').filter({ has: page.getByRole('heading', { name: title }) });
