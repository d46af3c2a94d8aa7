import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { RunningServer } from '../server.js';

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
