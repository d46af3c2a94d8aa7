import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { adminPassword, createFirstAdmin } from './console-helpers.js';

// The review flow in the browser: a contributor writes a draft (saved on the server as they type)
// and submits it; an editor publishes it from the drafts list; a reader's open page gets it live,
// and never saw it before.
let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

const password = adminPassword;

/** A browser of its own, signed in to the console as `name`. */
async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/console`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(new RegExp(`${name} · `))).toBeVisible();
  return page;
}

test("a contributor's draft, approved by an editor, shows up live on a reader's page", async ({
  browser,
  page,
}, testInfo) => {
  // The first admin, from the setup link, adds a contributor and an editor.
  await createFirstAdmin(page, server);
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
    csrfToken: string;
  };
  for (const [name, role] of [
    ['cora', 'contributor'],
    ['eli', 'editor'],
  ]) {
    const created = await page.request.post(`${server.url}/api/users`, {
      data: { name, role, password },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(created.status()).toBe(201);
  }

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/e/ukraine-war`);
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();

  // The contributor writes; the draft is saved after a pause in typing, and submitted for review.
  const cora = await signedIn(browser, 'cora');
  await expect(cora.getByRole('button', { name: /^Publish/ })).toHaveCount(0);
  await cora
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('Volunteers reopen the village school');
  await cora.getByLabel(/^Summary/).fill('Classes resume on Monday for 120 pupils.');
  await expect(cora.getByTestId('save-state')).toHaveText(/Draft saved/, { timeout: 10_000 });
  await expect(cora.getByTestId('draft')).toContainText('Volunteers reopen the village school');
  await cora.getByRole('textbox', { name: 'Headline', exact: true }).press('Control+Enter');
  await expect(cora.getByRole('status').first()).toHaveText(/Submitted for review/);
  await expect(cora.getByTestId('draft')).toHaveAttribute('data-state', 'review');

  // Readers see nothing of it.
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reader.getByText('Volunteers reopen the village school')).toHaveCount(0);

  // The editor finds it in review and publishes it; the reader's open page gets it live.
  const eli = await signedIn(browser, 'eli');
  const inReview = eli.getByTestId('draft').filter({ hasText: 'Volunteers reopen the village school' });
  await expect(inReview).toContainText('In review');
  await expect(inReview).toContainText('by cora');
  const { violations } = await new AxeBuilder({ page: eli }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const shots = path.join(testInfo.project.outputDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  await eli.screenshot({
    path: path.join(shots, 'console-drafts-1280.png'),
    fullPage: true,
    animations: 'disabled',
  });
  await inReview.getByRole('button', { name: 'Publish now' }).click();
  const card = reader.getByRole('article').filter({ hasText: 'Volunteers reopen the village school' });
  await expect(card).toBeVisible({ timeout: 5000 });
  await expect(card).toContainText('Classes resume on Monday');
  await expect(eli.getByTestId('draft')).toHaveCount(0);
  await expect(eli.getByRole('listitem', { name: /Volunteers reopen the village school/ })).toBeVisible();
});
