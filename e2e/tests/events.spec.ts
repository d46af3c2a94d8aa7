import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { createFirstAdmin, shoot } from './console-helpers.js';

// An admin creates an event in the console and it is usable at once, with no restart: the desk
// publishes to it, tagged by the event's own keyword rule, and a reader's open page gets it live.
let server: RunningServer;
test.beforeEach(async () => {
  // No config file: the built-in event, beside which the admin creates one.
  server = await startServer({}, { builtInEvent: true });
});
test.afterEach(async () => {
  await server.stop();
});

test('an admin creates an event and publishes to it at once; a reader sees it live', async ({
  browser,
  page,
}, testInfo) => {
  await createFirstAdmin(page, server);

  await page.getByRole('button', { name: 'Events', exact: true }).click();
  // The built-in event is shown as defined, with why it cannot be edited here.
  await page.getByRole('button', { name: /Tessel Valley conflict/ }).click();
  await expect(page.getByTestId('read-only')).toContainText('built-in demo event');
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

  await page.getByRole('button', { name: 'New event' }).click();
  const form = page.getByRole('region', { name: 'Event form' });
  // The shared schema's errors show under their fields before anything is sent.
  await form.getByLabel(/^Slug/).fill('Flood Relief');
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(form.getByText('Use lowercase letters, digits and single hyphens')).toBeVisible();

  await form.getByLabel(/^Slug/).fill('flood-relief');
  // Fixed, the field loses its error as you type.
  await expect(form.getByText('Use lowercase letters, digits and single hyphens')).toHaveCount(0);
  await form.getByLabel(/^Title/).fill('River flood relief');
  await form.getByLabel(/^Standfirst/).fill('The river burst its banks after a week of rain.');
  await form.getByLabel(/^Start date/).fill('2024-09-14');
  await form.getByLabel(/^Time zone/).fill('Europe/Warsaw');
  await form.getByRole('button', { name: 'Add topic' }).click();
  await form.getByLabel(/^Id/).fill('rescue');
  await form.getByLabel(/^Label/).fill('Rescue');
  await form.getByLabel(/^Keywords/).fill('evacuat*, rescue');
  await shoot(page, 'console-events-1280', testInfo.project.outputDir);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved River flood relief' })).toBeVisible();

  // A reader opens the new event's page before anything is published to it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/e/flood-relief`);
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('River flood relief');
  await expect(reader.getByTestId('standfirst')).toHaveText(
    'The river burst its banks after a week of rain.',
  );

  // The desk works on it at once: the event picker has it chosen, the composer its topics.
  await page.getByRole('button', { name: 'Desk', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Event' })).toHaveValue('flood-relief');
  await expect(page.getByRole('checkbox', { name: 'Rescue' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Headline', exact: true })
    .fill('Villages evacuated as the river rises');
  await page.getByLabel(/^Published/).fill('2024-09-15T12:00');
  await page.getByRole('textbox', { name: 'Headline', exact: true }).press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText(/Published: Villages evacuated/);

  const card = reader.getByRole('article').filter({ hasText: 'Villages evacuated as the river rises' });
  await expect(card).toBeVisible({ timeout: 5000 });
  await expect(reader.getByText(/Day 2/).first()).toBeVisible();
  await expect(card.getByRole('button', { name: 'Rescue' })).toBeVisible();
  await expect(card.getByTestId('topic-why')).toContainText('evacuat*');
});
