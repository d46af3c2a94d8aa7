import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  cardOf,
  createFirstAdmin,
  lvivDepot,
  serverForEachTest,
  shoot,
  warEvent,
} from './console-helpers.js';
import { postOne, ready } from './helpers.js';

// Issue 17: an editor confirms an update's topics and fixes its story from the desk, with the
// keyboard; a reader's open page shows each decision live: the new chip, why ("editor …"), and the
// story's "+N similar".
const server = serverForEachTest();

test('an editor confirms topics and splits and joins stories from the desk; a reader sees each live', async ({
  browser,
  page,
}, testInfo) => {
  for (const item of lvivDepot) await postOne(server().url, warEvent, item);
  const [first, , third] = lvivDepot;

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server().url}/e/${warEvent}`);
  await ready(reader);
  const head = cardOf(reader, first.title);
  await expect(head.getByTestId('similar-summary')).toHaveText(/^\+2 similar/);

  await page.setViewportSize({ width: 1280, height: 800 });
  await createFirstAdmin(page, server(), 'duty-editor');
  const item = page.getByRole('listitem', { name: third.title });

  // Topics: the editor adds Humanitarian and takes Military off; the reader's chips change live,
  // and say whose word it is.
  await item.getByRole('button', { name: 'Topics' }).click();
  await expect(item.getByRole('checkbox', { name: /^Military \(keyword/ })).toBeChecked();
  await item.getByRole('checkbox', { name: /^Humanitarian/ }).check();
  await item.getByRole('checkbox', { name: /^Military/ }).uncheck();
  await shoot(page, 'console-topics-1280', testInfo.project.outputDir);
  await item.getByRole('button', { name: 'Save topics' }).click();
  const readerCard = cardOf(reader, third.title);
  const added = readerCard.getByRole('button', { name: 'Humanitarian', exact: true });
  await expect(added).toBeVisible({ timeout: 5000 });
  await expect(readerCard.getByText('Military', { exact: true })).toHaveCount(0);
  await added.focus();
  await expect(readerCard.getByTestId('topic-why').filter({ hasText: 'Humanitarian' })).toHaveText(
    /^Humanitarian: editor duty-editor, \d+ \w+, \d\d:\d\d$/,
  );
  // Not a correction: readers are not told the report changed.
  await expect(readerCard.getByTestId('correction')).toHaveCount(0);

  // The story: its reports, outlets and first report; this one moves to its own story.
  await item.getByRole('button', { name: 'Story · 3' }).click();
  const panel = item.getByTestId('story-panel');
  await expect(panel.getByRole('heading', { name: 'Story · 3 reports from 3 outlets' })).toBeVisible();
  await expect(panel.getByTestId('story-member')).toHaveCount(3);
  await expect(panel.getByTestId('story-member').first()).toContainText('Kyiv Ledger');
  await expect(panel.getByTestId('story-member').first()).toContainText('First report');
  await shoot(page, 'console-story-1280', testInfo.project.outputDir);
  await panel
    .getByTestId('story-member')
    .filter({ hasText: 'Baltic Dispatch' })
    .getByRole('button', { name: /Move to its own story/ })
    .click();
  await expect(panel.getByRole('status')).toContainText('Moved the Baltic Dispatch report to its own story.');
  await expect(panel.getByRole('heading', { name: 'Story · 1 report from 1 outlet' })).toBeVisible();
  await expect(head.getByTestId('similar-summary')).toHaveText(/^\+1 similar/, { timeout: 5000 });
  await expect(readerCard.getByTestId('similar')).toHaveCount(0);

  // Joined again by typing in the search box and choosing with the keyboard; Enter once more joins.
  const search = panel.getByRole('combobox', { name: 'Join with another story…' });
  await search.focus();
  await page.keyboard.type('Lviv depot');
  const option = panel.getByRole('option', { name: new RegExp(first.title) });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await shoot(page, 'console-story-search-1280', testInfo.project.outputDir);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="story-panel"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const join = panel.getByRole('button', { name: 'Join stories' });
  await expect(join).toBeFocused();
  // Nothing changed for readers until the editor confirms.
  await expect(head.getByTestId('similar-summary')).toHaveText(/^\+1 similar/);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Story · 3 reports from 3 outlets' })).toBeVisible();
  await expect(head.getByTestId('similar-summary')).toHaveText(/^\+2 similar/, { timeout: 5000 });

  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'console-story-390', testInfo.project.outputDir);
});

test('a topic removed from an event keeps its last label in a fresh browser, for readers and editors alike', async ({
  browser,
  page,
}, testInfo) => {
  const url = server().url;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createFirstAdmin(page, server());
  const { csrfToken } = (await (await page.request.get(`${url}/api/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  // An event of the console's with a Rescue topic, a colleague, and a report tagged Rescue.
  const created = await page.request.post(`${url}/api/events`, {
    headers,
    data: {
      slug: 'flood-relief',
      title: 'River flood relief',
      startDate: '2024-09-14',
      timeZone: 'Europe/Warsaw',
      topics: [
        { id: 'rescue', label: 'Rescue', color: '#0e7490', keywords: ['evacuat*', 'rescue'] },
        { id: 'weather', label: 'Weather', color: '#4d7c0f', keywords: ['rain', 'forecast'] },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const colleague = await page.request.post(`${url}/api/users`, {
    headers,
    data: { name: 'ana', role: 'editor', password: 'another long password' },
  });
  expect(colleague.status()).toBe(201);
  const title = 'Villages evacuated as the river rises';
  const tagged = await postOne(url, 'flood-relief', { title, publishedAt: '2024-09-15T10:00:00Z' });
  expect(tagged.topics).toEqual(['rescue']);

  // The admin removes the topic in the console's event form.
  await page.getByRole('button', { name: 'Events', exact: true }).click();
  await page.getByRole('button', { name: /River flood relief/ }).click();
  await page.getByRole('button', { name: 'Remove Rescue' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved River flood relief' })).toBeVisible();

  // A reader in a browser that never saw the topic: the report's chip has its label, not its id,
  // and the topic is no longer a filter.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${url}/e/flood-relief`);
  await ready(reader);
  const card = cardOf(reader, title);
  await expect(card.getByRole('button', { name: 'Rescue', exact: true })).toBeVisible();
  await expect(card.getByText('rescue', { exact: true })).toHaveCount(0);
  const filter = reader.getByRole('navigation', { name: 'Topics' });
  await expect(filter.getByRole('button', { name: /^Weather/ })).toBeVisible();
  await expect(filter.getByRole('button', { name: /Rescue/ })).toHaveCount(0);

  // The colleague, signed in on another fresh browser: the desk shows the label too; the topic
  // picker offers the event's topics only and says the removed one goes on saving.
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await other.goto(`${url}/console`);
  await other.getByLabel('Name').fill('ana');
  await other.getByLabel('Password').fill('another long password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('combobox', { name: 'Event' }).selectOption('flood-relief');
  const item = other.getByRole('listitem', { name: title });
  await expect(item.getByRole('button', { name: 'Rescue', exact: true })).toBeVisible();
  await expect(item.getByText('rescue', { exact: true })).toHaveCount(0);
  await item.getByRole('button', { name: 'Topics' }).click();
  await expect(item.getByRole('checkbox', { name: /^Weather/ })).not.toBeChecked();
  await expect(item.getByRole('checkbox', { name: /Rescue/ })).toHaveCount(0);
  await expect(item).toContainText('Saving drops Rescue, no longer a topic of this event.');
  await shoot(other, 'console-retired-topic-1280', testInfo.project.outputDir);
});
