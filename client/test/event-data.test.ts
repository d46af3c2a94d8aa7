import { type FirstView, type Update, latest, noFilters } from '@dayline/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchFirstView } from '../src/lib/api.js';
import { EventData, type LiveLink } from '../src/lib/event-data.svelte.js';
import { kyiv, update } from './fixtures.js';

vi.mock('../src/lib/api.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api.js')>()),
  fetchFirstView: vi.fn(),
}));
const viewMock = vi.mocked(fetchFirstView);

const at = (id: string, time: string, fields: Partial<Update> = {}) =>
  update({ id, publishedAt: `2022-03-16T${time}:00.000Z`, ...fields });

function served(items: Update[], cursor = 50): FirstView {
  return {
    events: [kyiv],
    view: {
      event: kyiv.slug,
      cursor,
      topics: [],
      target: null,
      page: { items, next: null },
      days: [{ day: 21, date: '2022-03-16', count: items.length, topics: {} }],
      filteredDays: null,
      keyEvents: [],
      sticky: null,
    },
  };
}

const live = (): LiveLink & { since: number[] } => {
  const link = {
    since: [] as number[],
    subscribe: async (_event: string, since: number) => !!link.since.push(since),
  };
  return link;
};

const ids = (data: EventData) => data.items.map((u) => u.id);

beforeEach(() => viewMock.mockReset());

describe('EventData with the desk rules (everything shows at once)', () => {
  it('loads the first view, subscribes from its cursor, and holds what came meanwhile', async () => {
    const link = live();
    const data = new EventData(kyiv, link);
    let answer: (view: FirstView) => void = () => {};
    viewMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const loading = data.load(noFilters, latest);
    data.change('new', at('b', '11:00', { cursor: 51 }), false);
    expect(ids(data)).toEqual([]);
    answer(served([at('a', '10:00', { cursor: 40 })]));
    await loading;
    expect(ids(data)).toEqual(['b', 'a']);
    expect(link.since).toEqual([50]);
  });

  it('shows new updates, corrections and retractions as they come, one copy each, counted once', async () => {
    viewMock.mockResolvedValue(served([at('a', '10:00', { cursor: 40 })]));
    const data = new EventData(kyiv, live());
    await data.load(noFilters, latest);
    data.change('new', at('b', '11:00', { cursor: 51 }), false);
    data.change('new', at('b', '11:00', { cursor: 51 }), false);
    data.change(
      'changed',
      at('a', '10:00', { cursor: 52, version: 2, title: 'Fixed', status: 'corrected' }),
      false,
    );
    data.change('retracted', at('b', '11:00', { cursor: 53, version: 2, status: 'retracted' }), false);
    expect(ids(data)).toEqual(['b', 'a']);
    expect(data.items.map((u) => u.status)).toEqual(['retracted', 'corrected']);
    // The retraction takes b back out of the counts it joined once.
    expect(data.counts.get(21)).toBe(1);
    // Another event's change is not this data's business.
    data.change('new', at('x', '12:00', { cursor: 54, event: 'other' }), false);
    expect(ids(data)).toEqual(['b', 'a']);
  });

  it('starts over from a fresh first view when the server cannot replay a gap', async () => {
    const link = live();
    viewMock.mockResolvedValueOnce(served([at('a', '10:00')], 50));
    const data = new EventData(kyiv, link);
    await data.load(noFilters, latest);
    viewMock.mockResolvedValueOnce(served([at('z', '12:00')], 900));
    data.reset();
    await vi.waitFor(() => expect(link.since).toEqual([50, 900]));
    expect(ids(data)).toEqual(['z']);
  });
});
