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
