import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { createFirstAdmin, shoot } from './console-helpers.js';

// The newsroom's side: from the setup link a fresh install logs, an editor creates the first admin
// account, composes with a preview, publishes, corrects and retracts in the console, and a reader's
// page in another browser context shows each step live.
let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('an editor sets up, publishes with a preview, corrects and retracts; a reader sees each live', async ({
  browser,
  page,
}, testInfo) => {
  await createFirstAdmin(page, server, 'duty-editor');
  // The setup link is spent, and the address no longer shows it.
  expect(page.url()).not.toContain('token=');

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/e/ukraine-war`);
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();

  // Compose: the preview is the reader's card under its day heading, as typed.
  await page
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('Convoy reaches the besieged city with food and medicine');
  await page.getByLabel(/^Summary/).fill('Forty trucks crossed the last checkpoint at dawn, officials said.');
  await page.getByRole('textbox', { name: 'Source', exact: true }).fill('Desk Wire');
  await page.getByLabel(/^Published/).fill('2022-03-16T21:30');
  await page.getByRole('checkbox', { name: 'Humanitarian' }).check();
  const preview = page.getByLabel('Preview as readers will see it');
  await expect(preview.getByRole('heading', { name: /Day 21 · Wed 16 Mar 2022/ })).toBeVisible();
  await expect(preview.getByText('Convoy reaches the besieged city')).toBeVisible();
  await shoot(page, 'console-composer-1280', testInfo.project.outputDir);

  // Ctrl+Enter publishes; the reader's open page gets it live, under Day 21.
  await page.getByRole('textbox', { name: 'Headline', exact: true }).press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText(/Published: Convoy reaches/);
  const card = reader.getByRole('article').filter({ hasText: 'Convoy reaches the besieged city' });
  await expect(card).toBeVisible({ timeout: 5000 });
  await expect(reader.getByText(/Day 21/).first()).toBeVisible();
  await expect(page.getByRole('listitem', { name: /Convoy reaches the besieged city/ })).toBeVisible();
  await shoot(page, 'console-desk-1280', testInfo.project.outputDir);

  // A correction with a public note.
  const item = page.getByRole('listitem', { name: /Convoy reaches the besieged city/ });
  await item.getByRole('button', { name: 'Correct' }).click();
  await item
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('Convoy of 40 trucks reaches the besieged city');
  await item.getByLabel(/Correction note/).fill('The number of trucks was added.');
  await item.getByRole('button', { name: 'Save correction' }).click();
  const corrected = reader.getByRole('article').filter({ hasText: 'Convoy of 40 trucks' });
  await expect(corrected.getByTestId('correction')).toContainText('The number of trucks was added.');

  // The topics, changed from the desk: the editor's word replaces the keyword rules'.
  const topicsOf = page.getByRole('listitem', { name: /Convoy of 40 trucks/ });
  await topicsOf.getByRole('button', { name: 'Topics' }).click();
  await topicsOf.getByRole('checkbox', { name: 'Military' }).check();
  await topicsOf.getByRole('button', { name: 'Save topics' }).click();
  await expect(corrected.getByText('Military', { exact: true })).toBeVisible({ timeout: 5000 });
  // Every change is in the desk's version history.
  await topicsOf.getByText('Earlier versions').click();
  await expect(topicsOf.getByText('Corrected').first()).toBeVisible();

  // Pinned to the top of the reader's page as the sticky post, above the timeline, live.
  await page
    .getByRole('listitem', { name: /Convoy of 40 trucks/ })
    .getByRole('button', { name: 'Pin to top' })
    .click();
  const sticky = reader.getByTestId('sticky-post');
  await expect(sticky).toContainText('Convoy of 40 trucks', { timeout: 5000 });
  await expect(sticky.getByRole('heading', { name: 'Pinned by the editors' })).toBeVisible();
  await expect(
    page
      .getByRole('listitem', { name: /Convoy of 40 trucks/ })
      .getByRole('button', { name: 'Unpin from top' }),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: /Convoy of 40 trucks/ }).getByTestId('desk-sticky'),
  ).toHaveText('· Pinned to top');
  await shoot(reader, 'reader-sticky-1280', testInfo.project.outputDir);
  await reader.setViewportSize({ width: 390, height: 844 });
  await shoot(reader, 'reader-sticky-390', testInfo.project.outputDir);

  // A retraction with a reason; it stops being the sticky post.
  const again = page.getByRole('listitem', { name: /Convoy of 40 trucks/ });
  await again.getByRole('button', { name: 'Retract' }).click();
  await again.getByLabel(/Reason/).fill('The convoy had not yet arrived.');
  await again.getByRole('button', { name: 'Retract update' }).click();
  await expect(reader.getByTestId('retraction')).toContainText('The convoy had not yet arrived.');
  await expect(sticky).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'console-390', testInfo.project.outputDir);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a wrong password is refused in words, and the console is not in the reader bundle', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));
  await page.goto(`${server.url}/e/ukraine-war`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(loaded.filter((url) => /Console-.*\.js/.test(url))).toEqual([]);

  await page.goto(`${server.url}/console`);
  await page.getByLabel('Name').fill('nobody');
  await page.getByLabel('Password').fill('not a password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong name or password');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an admin adds a colleague and a token in the browser, and reads the audit log', async ({
  page,
}, testInfo) => {
  await createFirstAdmin(page, server);
  await page.getByRole('button', { name: 'Admin' }).click();

  await page.getByRole('textbox', { name: 'New user', exact: true }).fill('ana');
  await page.getByLabel('Role of the new user').selectOption('editor');
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('Created editor "ana"');
  await expect(page.getByLabel('Role of ana')).toHaveValue('editor');

  await page.getByRole('textbox', { name: 'New token', exact: true }).fill('wire-bot');
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('issued-token').textContent()) ?? '';
  expect(token).toMatch(/^dl_/);
  const post = (bearer: string) =>
    fetch(`${server.url}/api/events/ukraine-war/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'From the wire bot', publishedAt: '2022-03-16T21:30:00Z' }),
    });
  expect((await post(token)).status).toBe(201);
  await page.getByRole('button', { name: 'Revoke wire-bot' }).click();
  await expect(
    page.getByRole('region', { name: 'API tokens' }).getByRole('row', { name: /wire-bot/ }),
  ).toContainText('revoked');
  expect((await post(token)).status).toBe(401);

  const log = page.getByRole('region', { name: 'Audit log' });
  await expect(log).toContainText('token.revoke');
  await expect(log).toContainText('user.create');
  await shoot(page, 'console-admin-1280', testInfo.project.outputDir);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The new editor signs in and has no admin pages.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Name').fill('ana');
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('ana · editor')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Admin' })).toHaveCount(0);
});

test('two editors see each other at the desk; the second to save sees both texts and chooses', async ({
  browser,
  page,
}) => {
  await createFirstAdmin(page, server);
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
    csrfToken: string;
  };
  const colleague = await page.request.post(`${server.url}/api/users`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { name: 'ana', role: 'editor', password: 'another long password' },
  });
  expect(colleague.status()).toBe(201);
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Bridge reopens to traffic');
  await page.getByRole('button', { name: /^Publish/ }).click();
  const mine = page.getByRole('listitem', { name: /Bridge reopens/ });
  await expect(mine).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await other.goto(`${server.url}/console`);
  await other.getByLabel('Name').fill('ana');
  await other.getByLabel('Password').fill('another long password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  const theirs = other.getByRole('listitem', { name: /Bridge reopens/ });
  await expect(page.getByTestId('presence')).toHaveText('At this desk: ana, chief');

  // Both open the same version; each sees the other at it.
  await mine.getByRole('button', { name: 'Correct' }).click();
  await theirs.getByRole('button', { name: 'Correct' }).click();
  await expect(mine).toContainText('ana is editing');
  await expect(theirs).toContainText('chief is editing');
  await theirs
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('Bridge reopens to traffic after repairs');
  await theirs.getByRole('button', { name: 'Save correction' }).click();
  await expect(other.getByRole('listitem', { name: /after repairs/ })).toBeVisible();
  await expect(mine).not.toContainText('ana is editing');

  await mine.getByRole('textbox', { name: 'Headline', exact: true }).fill('Bridge reopens to light traffic');
  await mine.getByRole('button', { name: 'Save correction' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Someone saved this update first');
  await expect(dialog).toContainText('Bridge reopens to traffic after repairs');
  await expect(dialog).toContainText('Bridge reopens to light traffic');
  await dialog.getByRole('button', { name: 'Save mine instead' }).click();
  await expect(other.getByRole('listitem', { name: /light traffic/ })).toBeVisible();

  // A second tab of the same editor: still one name at the desk.
  const secondTab = await page.context().newPage();
  await secondTab.goto(`${server.url}/console`);
  await expect(secondTab.getByTestId('presence')).toHaveText('At this desk: ana, chief');
  await expect(page.getByTestId('presence')).toHaveText('At this desk: ana, chief');
  await secondTab.close();

  await other.close();
  await expect(page.getByTestId('presence')).toHaveText('At this desk: chief');
});
