import { expect, test, type Page } from '@playwright/test';
import {
  cardOf as card,
  lvivDepot as story,
  report,
  serverForEachTest,
  shoot,
  warEvent as event,
} from './console-helpers.js';
import { postOne, ready } from './helpers.js';

// Stories never hide news: every report of a story has its own card at its own time; a later one
// names the story's first report, and "+N similar" lists the story's other reports. A new report
// of a developing story arrives at the top like any news.
test.describe.configure({ mode: 'serial' });
const server = serverForEachTest();

const unrelated = report(
  'Grain ships wait outside Odesa as talks stall',
  'Dozens of cargo vessels remain at anchor while negotiators meet in Istanbul.',
  'Danube Post',
  '2022-03-26T09:30:00Z',
);
const fourth = report(
  'Fuel depot in Lviv still burning after missile strike',
  'The fuel depot near Lviv hit by a missile strike was still burning, the mayor said.',
  'Carpathian Herald',
  '2022-03-26T09:00:00Z',
);

const cards = (page: Page) => page.getByTestId('update-card');

const dam = report(
  'Dam on the Dnipro breached, thousands told to evacuate',
  'The dam was breached before dawn and villages downstream were told to evacuate.',
  'River Wire',
  '2022-03-26T07:39:00Z',
);
const damLater = report(
  'Nova Kakhovka dam breach: 16,000 evacuated, governor says',
  'The governor said 16,000 people had been evacuated after the dam breach.',
  'Steppe Courier',
  '2022-03-26T09:39:00Z',
);
const between = [
  'Railway timetable restored between Kharkiv and Poltava',
  'Schools reopen online across three regions',
  'Central bank holds interest rate steady',
].map((title, i) => ({
  title,
  publishedAt: ['2022-03-26T07:50:00Z', '2022-03-26T08:20:00Z', '2022-03-26T08:50:00Z'][i]!,
}));

for (const width of [390, 1280]) {
  test(`a new report of a developing story arrives at the top on its own card, naming the story (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 844 });
    await postOne(server().url, event, dam);
    for (const item of between) await postOne(server().url, event, item);
    await page.goto(`${server().url}/e/${event}`);
    await ready(page);
    await expect(cards(page).first()).toContainText(between[2]!.title);

    await postOne(server().url, event, damLater);
    // At the top, it arrives at the top: its own card, first.
    await expect(cards(page).first()).toContainText(damLater.title);
    const latest = card(page, damLater.title);
    await expect(latest.getByTestId('story-first')).toHaveText(
      `Same story as “${dam.title}”, first reported by River Wire at 09:39`,
    );
    // Its "+1 similar" lists the first report, not its own headline again.
    await latest.getByTestId('similar-summary').click();
    await expect(latest.getByTestId('similar-member')).toHaveCount(1);
    await expect(latest.getByTestId('similar-member')).toContainText(dam.title);
    // The first report's card stays where its time puts it, and knows the story grew.
    await expect(card(page, dam.title).getByTestId('similar-summary')).toHaveText(
      '+1 similar: Steppe Courier',
    );
    await expect(card(page, dam.title).getByTestId('story-first')).toHaveCount(0);
    await latest.scrollIntoViewIfNeeded();
    await shoot(page, `story-arrives-${width}`, testInfo.project.outputDir);

    // A fresh load shows the same.
    await page.reload();
    await ready(page);
    await expect(cards(page).first()).toContainText(damLater.title);
    await expect(card(page, damLater.title).getByTestId('story-first')).toBeVisible();
  });
}

test('read further down, a new report of a story waits behind "1 new update" like any news', async ({
  page,
}) => {
  for (const item of story) await postOne(server().url, event, item);
  const headlines = [
    'Railway timetable restored between Kharkiv and Poltava',
    'Schools reopen online across three regions',
    'Heavy snowfall expected this weekend',
    'Central bank holds interest rate steady',
    'Volunteers deliver insulin to Chernihiv hospital',
    'Parliament approves emergency budget amendment',
    'Football league postpones remaining fixtures',
    'Mobile operators extend free roaming abroad',
    'Museum curators move paintings into storage',
    'Farmers begin sowing spring wheat early',
    'Border crossing queues shorten at Medyka',
    'Orchestra performs concert in metro station',
  ];
  for (const [i, title] of headlines.entries()) {
    await postOne(server().url, event, {
      title,
      publishedAt: new Date(Date.parse('2022-03-26T07:00:00Z') - i * 3600_000).toISOString(),
    });
  }
  await page.goto(`${server().url}/e/${event}`);
  await ready(page);
  await page.evaluate(() =>
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
  );
  await page.waitForTimeout(200);
  await postOne(server().url, event, fourth);
  await expect(page.getByTestId('new-updates')).toHaveText(/^1 new update/);
  await page.getByTestId('new-updates').click();
  await expect(cards(page).first()).toContainText(fourth.title);
});

for (const width of [390, 1280]) {
  test(`search finds a report inside a story headed by another outlet, and the chip agrees (${width} px)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 844 });
    await postOne(
      server().url,
      event,
      report(
        'Ships leave Odesa under the new grain corridor deal',
        'Three ships carrying grain left Odesa along the grain corridor.',
        'Harbour Gazette',
        '2022-03-26T06:00:00Z',
      ),
    );
    const inside = await postOne(
      server().url,
      event,
      report(
        'Grain corridor: three more ships leave Odesa',
        'More ships carrying grain left Odesa through the corridor.',
        'Granary Times',
        '2022-03-26T07:00:00Z',
      ),
    );
    expect(inside.story).toBeDefined();
    await postOne(server().url, event, unrelated);
    await page.goto(`${server().url}/e/${event}?q=${encodeURIComponent('grain corridor')}`);
    await ready(page);
    await expect(cards(page)).toHaveCount(2);
    await expect(page.getByText('No updates match')).toHaveCount(0);
    await expect(card(page, 'Grain corridor: three more ships leave Odesa')).toBeVisible();
    // The words the search matched are marked in the headline and the summary.
    await expect(card(page, 'Grain corridor: three more ships leave Odesa').locator('h3 mark')).toHaveText([
      'Grain',
      'corridor',
    ]);
    await expect(page.getByRole('button', { name: /^All/ })).toContainText('2');
    await card(page, 'Grain corridor: three more ships leave Odesa').scrollIntoViewIfNeeded();
    await shoot(page, `story-search-${width}`, testInfo.project.outputDir);
  });
}

test('a shared number joins nothing: "… 17" and "… 17 …" stay two stories', async ({ page }) => {
  await postOne(
    server().url,
    event,
    report('Bridge in Kherson reopens 17', '', 'River Wire', '2022-03-26T07:00:00Z'),
  );
  await postOne(
    server().url,
    event,
    report('Parliament elects 17 deputies', '', 'Desk', '2022-03-26T07:30:00Z'),
  );
  await page.goto(`${server().url}/e/${event}`);
  await ready(page);
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByTestId('similar')).toHaveCount(0);
});

test('the earliest published report heads its story, even when it arrives later', async ({ page }) => {
  await postOne(server().url, event, story[1]); // 08:20 UTC, arrives first
  await postOne(server().url, event, story[0]); // 08:00 UTC, arrives second
  await page.goto(`${server().url}/e/${event}`);
  await ready(page);
  await expect(card(page, story[1].title).getByTestId('story-first')).toHaveText(
    `Same story as “${story[0].title}”, first reported by Kyiv Ledger at 10:00`,
  );
  await expect(card(page, story[0].title).getByTestId('story-first')).toHaveCount(0);
});

test('after a time offline, every report that arrived is counted, story members included', async ({
  page,
  context,
}) => {
  await postOne(server().url, event, story[0]);
  await page.goto(`${server().url}/e/${event}`);
  await ready(page);
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveText('Offline');
  await postOne(server().url, event, story[1]);
  await postOne(server().url, event, story[2]);
  await postOne(server().url, event, unrelated);
  await context.setOffline(false);
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('offline-summary')).toContainText('While you were offline: 3 new');
  await expect(cards(page)).toHaveCount(4);
  await expect(card(page, story[2].title).getByTestId('story-first')).toContainText(story[0].title);
});
