import { type EventView, type Update, noFilters, type Filters } from '@dayline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbedView } from '../src/embed/embed-view.svelte.js';
import type { LiveLink } from '../src/lib/event-data.svelte.js';
import { kyiv, update } from './fixtures.js';

// The embed's rules: nothing a reader of the publisher's page looks at moves by itself. New updates
// wait behind "N new updates"; corrections and retractions of cards on screen show at once.
const at = (id: string, instant: string, fields: Partial<Update> = {}) =>
  update({ id, publishedAt: `${instant}:00.000Z`, ...fields });

function view(items: Update[], cursor = 50): EventView {
  return {
    event: kyiv.slug,
    cursor,
    topics: [],
    target: null,
    // A page of `limit` items, with more behind it.
    page: { items, next: 'older-page' },
    days: [
      { day: 21, date: '2022-03-16', count: 2, topics: {} },
      { day: 20, date: '2022-03-15', count: 2, topics: {} },
    ],
    filteredDays: null,
    keyEvents: [],
    sticky: null,
  };
}

const live: LiveLink = { subscribe: async () => true };
let embeds: EmbedView[] = [];
afterEach(() => {
  for (const embed of embeds) embed.dispose();
  embeds = [];
});

async function started(items: Update[], options: { filters?: Filters; limit?: number } = {}) {
  const embed = new EmbedView(kyiv, live, {
    filters: options.filters ?? noFilters,
    limit: options.limit ?? 3,
  });
  embeds.push(embed);
  embed.start(view(items));
  // The subscription's answer (nothing missed) comes after the first view.
  await Promise.resolve();
  embed.data.subscribed([], false);
  return embed;
}

const page = [
  at('d', '2022-03-16T10:00', { cursor: 40 }),
  at('c', '2022-03-16T09:00', { cursor: 39 }),
  at('b', '2022-03-15T18:00', { cursor: 38 }),
];
const ids = (embed: EmbedView) => embed.items.map((u) => u.id);

describe('EmbedView', () => {
  it('shows the newest cards grouped by day of the event, as the full page does', async () => {
    const embed = await started(page);
    expect(ids(embed)).toEqual(['d', 'c', 'b']);
    expect(embed.groups.map((g) => [g.heading, g.items.map((u) => u.id)])).toEqual([
      ['Day 21 · Wed 16 Mar 2022', ['d', 'c']],
      ['Day 20 · Tue 15 Mar 2022', ['b']],
    ]);
    expect(embed.waiting).toBe(0);
  });

  it('keeps a new update behind "N new updates", announced, until the reader asks for it', async () => {
    const embed = await started(page);
    embed.data.change('new', at('e', '2022-03-16T11:00', { cursor: 51, topics: ['military'] }), false);
    embed.data.change('new', at('f', '2022-03-16T11:05', { cursor: 52 }), false);
    expect(ids(embed)).toEqual(['d', 'c', 'b']);
    expect(embed.waiting).toBe(2);
    embed.announcer.flush();
    expect(embed.announcer.message.trim()).toBe('2 new updates: 1 in Military, 1 other');

    embed.reveal();
    // Still `limit` cards: the embed keeps its size, the full page has the rest.
    expect(ids(embed)).toEqual(['f', 'e', 'd']);
    expect(embed.waiting).toBe(0);
    expect(embed.isFresh('f')).toBe(true);
    expect(embed.isFresh('d')).toBe(false);
  });

  it('shows a correction or a retraction of a card on screen at once, in place', async () => {
    const embed = await started(page);
    embed.data.change(
      'changed',
      at('c', '2022-03-16T09:00', { cursor: 51, version: 2, status: 'corrected', title: 'Fixed' }),
      false,
    );
    embed.data.change(
      'retracted',
      at('b', '2022-03-15T18:00', { cursor: 52, version: 2, status: 'retracted' }),
      false,
    );
    expect(embed.items.map((u) => [u.id, u.status, u.title])).toEqual([
      ['d', 'published', 'Update d'],
      ['c', 'corrected', 'Fixed'],
      ['b', 'retracted', 'Update b'],
    ]);
    expect(embed.waiting).toBe(0);
  });

  it('counts a new update corrected while it waits once, and shows its latest text', async () => {
    const embed = await started(page);
    embed.data.change('new', at('e', '2022-03-16T11:00', { cursor: 51 }), false);
    embed.data.change(
      'changed',
      at('e', '2022-03-16T11:00', { cursor: 52, version: 2, title: 'Better' }),
      false,
    );
    expect(embed.waiting).toBe(1);
    embed.reveal();
    expect(embed.items[0]).toMatchObject({ id: 'e', title: 'Better' });
  });

  it('leaves out what the publisher filtered away, and what is older than the cards it shows', async () => {
    const embed = await started(page, { filters: { ...noFilters, topics: ['diplomacy'] } });
    embed.data.change('new', at('e', '2022-03-16T11:00', { cursor: 51, topics: ['military'] }), false);
    embed.data.change('new', at('old', '2022-03-01T11:00', { cursor: 52 }), false);
    expect(embed.waiting).toBe(0);
    embed.data.change('new', at('g', '2022-03-16T12:00', { cursor: 53, topics: ['diplomacy'] }), false);
    expect(embed.waiting).toBe(1);
  });

  it('holds what the subscription replays (it came after the first view was read) like any new update', async () => {
    const embed = new EmbedView(kyiv, live, { filters: noFilters, limit: 3 });
    embeds.push(embed);
    embed.start(view(page));
    embed.data.subscribed(
      [{ kind: 'new', cursor: 51, update: at('e', '2022-03-16T11:00', { cursor: 51 }) }],
      false,
    );
    expect(ids(embed)).toEqual(['d', 'c', 'b']);
    expect(embed.waiting).toBe(1);
  });
});
