import type { DayCount, Update, UpdatePage } from '@dayline/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchDays, fetchUpdates } from '../src/lib/api.js';
import { Timeline, type LiveLink } from '../src/lib/timeline.svelte.js';
import { kyiv, update } from './fixtures.js';

vi.mock('../src/lib/api.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api.js')>()),
  fetchUpdates: vi.fn(),
  fetchDays: vi.fn(),
}));

const updatesMock = vi.mocked(fetchUpdates);
const daysMock = vi.mocked(fetchDays);

function page(items: Update[], next: string | null = null): UpdatePage {
  return { items, next };
}

function days(entries: [number, number][]): DayCount[] {
  return entries.map(([day, count]) => ({ day, date: '2022-03-16', count, topics: {} }));
}

/** A live link whose subscribe answers at once, recording what it was asked. */
function fakeLive(subscribed = true) {
  const calls: { topics: readonly string[]; fresh: boolean }[] = [];
  const live: LiveLink & { calls: typeof calls; caughtUpFrom: (number | null)[] } = {
    calls,
    caughtUpFrom: [],
    subscribe: async (_event, topics, { fresh }) => {
      calls.push({ topics, fresh });
      return subscribed;
    },
    catchUpFrom(cursor) {
      this.caughtUpFrom.push(cursor);
    },
  };
  return live;
}

const ids = (timeline: Timeline) => timeline.groups.flatMap((g) => g.items.map((u) => u.id));

beforeEach(() => {
  vi.stubGlobal('location', new URL('https://dayline.test/'));
  vi.stubGlobal('history', { state: null, pushState: vi.fn(), replaceState: vi.fn() });
  updatesMock.mockReset();
  daysMock.mockReset();
  daysMock.mockResolvedValue([]);
});

describe('Timeline', () => {
  it('reads the topic filter from the URL, keeping known topics in event order', () => {
    vi.stubGlobal('location', new URL('https://dayline.test/?topics=humanitarian,bogus,military'));
    const timeline = new Timeline(kyiv, fakeLive());
    expect(timeline.topics).toEqual(['military', 'humanitarian']);
  });

  it('subscribes afresh before loading, and merges pushes that beat the page', async () => {
    const live = fakeLive();
    const timeline = new Timeline(kyiv, live);
    let answer: (value: UpdatePage) => void = () => {};
    updatesMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    daysMock.mockResolvedValue(days([[21, 14]]));

    const loading = timeline.reload();
    await vi.waitFor(() => expect(updatesMock).toHaveBeenCalled());
    expect(live.calls).toEqual([{ topics: [], fresh: true }]);
    timeline.apply('new', update({ id: 'b', publishedAt: '2022-03-16T13:00:00.000Z', cursor: 7 }));
    answer(page([update({ id: 'b', publishedAt: '2022-03-16T13:00:00.000Z' }), update({ id: 'a' })]));
    await loading;

    expect(timeline.state).toBe('ready');
    expect(ids(timeline)).toEqual(['b', 'a']);
    expect(timeline.counts.get(21)).toBe(14);
    expect(live.caughtUpFrom).toEqual([]);
  });

  it('applies changes that came during loading once the page is in, by version and range', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    let answer: (value: UpdatePage) => void = () => {};
    updatesMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const loading = timeline.reload();
    await vi.waitFor(() => expect(updatesMock).toHaveBeenCalled());

    // The page was read before this correction; the correction must still win.
    timeline.apply('changed', update({ id: 'a', version: 2, title: 'Corrected', status: 'corrected' }));
    // An old update's correction, older than anything on the first page, waits for its own page.
    timeline.apply('changed', update({ id: 'old', version: 2, publishedAt: '2022-03-01T00:00:00Z' }));
    answer(page([update({ id: 'a', title: 'Original' })], 'token-1'));
    await loading;

    expect(ids(timeline)).toEqual(['a']);
    expect(timeline.groups[0]?.items[0]?.title).toBe('Corrected');
  });

  it('asks the live link to catch up from the page when the socket was not there in time', async () => {
    const live = fakeLive(false);
    const timeline = new Timeline(kyiv, live);
    updatesMock.mockResolvedValue(page([update({ id: 'a', cursor: 12 }), update({ id: 'b', cursor: 30 })]));
    await timeline.reload();
    expect(live.caughtUpFrom).toEqual([30]);
  });

  it('shows an error when the page fails, and recovers on retry', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockRejectedValueOnce(new Error('boom'));
    await timeline.reload();
    expect(timeline.state).toBe('error');
    expect(timeline.error).not.toBe('');

    updatesMock.mockResolvedValue(page([update({ id: 'a' })]));
    await timeline.reload();
    expect(timeline.state).toBe('ready');
    expect(ids(timeline)).toEqual(['a']);
  });

  it('applies corrections by version and never shows an update twice', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockResolvedValue(page([update({ id: 'a', version: 2, title: 'Second' })]));
    await timeline.reload();

    timeline.apply('changed', update({ id: 'a', version: 1, title: 'Stale' }));
    expect(timeline.groups[0]?.items[0]?.title).toBe('Second');
    timeline.apply('changed', update({ id: 'a', version: 3, title: 'Third', status: 'corrected' }));
    expect(timeline.groups[0]?.items.map((u) => u.title)).toEqual(['Third']);
    expect(timeline.isFresh('a')).toBe(true);
  });

  it('counts live updates into their day and takes retractions back out', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockResolvedValue(page([update({ id: 'a' })]));
    daysMock.mockResolvedValue(days([[21, 5]]));
    await timeline.reload();

    timeline.apply('new', update({ id: 'b', publishedAt: '2022-03-16T21:30:00.000Z' }));
    timeline.apply('new', update({ id: 'c', publishedAt: '2022-03-16T22:30:00.000Z' }));
    expect(timeline.counts.get(21)).toBe(6);
    expect(timeline.counts.get(22)).toBe(1);
    expect(timeline.groups.map((g) => g.day)).toEqual([22, 21]);

    timeline.apply('retracted', update({ id: 'b', version: 2, status: 'retracted', title: '' }));
    expect(timeline.counts.get(21)).toBe(5);
    const retracted = timeline.groups[1]?.items.find((u) => u.id === 'b');
    expect(retracted?.status).toBe('retracted');
  });

  it('ignores retractions of updates it never showed, and updates outside the filter', async () => {
    vi.stubGlobal('location', new URL('https://dayline.test/?topics=military'));
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockResolvedValue(page([update({ id: 'a', topics: ['military'] })]));
    await timeline.reload();

    timeline.apply('retracted', update({ id: 'x', status: 'retracted', topics: ['military'] }));
    timeline.apply('new', update({ id: 'y', topics: ['diplomacy'] }));
    expect(ids(timeline)).toEqual(['a']);

    // A correction that moves an update out of the filter removes it.
    timeline.apply('changed', update({ id: 'a', version: 2, topics: ['diplomacy'] }));
    expect(ids(timeline)).toEqual([]);
  });

  it('leaves changes older than the loaded pages to those pages', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockResolvedValue(page([update({ id: 'a' })], 'token-1'));
    await timeline.reload();

    timeline.apply('changed', update({ id: 'old', version: 2, publishedAt: '2022-03-01T00:00:00Z' }));
    expect(ids(timeline)).toEqual(['a']);
  });

  it('loads older pages until the start', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    updatesMock.mockResolvedValueOnce(page([update({ id: 'b' })], 'token-1'));
    await timeline.reload();
    expect(timeline.next).toBe('token-1');

    updatesMock.mockResolvedValueOnce(
      page([update({ id: 'a', publishedAt: '2022-03-15T10:00:00.000Z' })], null),
    );
    await timeline.loadOlder();
    expect(updatesMock).toHaveBeenLastCalledWith(kyiv.slug, { topics: [], before: 'token-1' });
    expect(timeline.next).toBeNull();
    expect(ids(timeline)).toEqual(['b', 'a']);
  });

  it('puts a filter change in the URL and starts over with the new topics', async () => {
    const live = fakeLive();
    const timeline = new Timeline(kyiv, live);
    updatesMock.mockResolvedValue(page([]));
    timeline.toggleTopic('diplomacy');
    timeline.toggleTopic('military');
    expect(timeline.topics).toEqual(['military', 'diplomacy']);
    expect(history.pushState).toHaveBeenLastCalledWith(null, '', '/?topics=military,diplomacy');

    await vi.waitFor(() => expect(timeline.state).toBe('ready'));
    expect(live.calls.at(-1)).toEqual({ topics: ['military', 'diplomacy'], fresh: true });
    expect(updatesMock).toHaveBeenLastCalledWith(kyiv.slug, { topics: ['military', 'diplomacy'] });

    timeline.clearTopics();
    expect(history.pushState).toHaveBeenLastCalledWith(null, '', '/');
  });

  it('drops the answer to a filter that was replaced while loading', async () => {
    const timeline = new Timeline(kyiv, fakeLive());
    let answerFirst: (value: UpdatePage) => void = () => {};
    updatesMock.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    const first = timeline.reload();
    await vi.waitFor(() => expect(updatesMock).toHaveBeenCalledTimes(1));

    updatesMock.mockResolvedValueOnce(page([update({ id: 'new' })]));
    await timeline.reload();
    answerFirst(page([update({ id: 'stale' })]));
    await first;
    expect(ids(timeline)).toEqual(['new']);
  });
});
