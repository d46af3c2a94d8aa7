import {
  type Change,
  type ChangeKind,
  type DayCount,
  type EventView,
  type FirstView,
  type Update,
  noFilters,
  type Filters,
  type Target,
} from '@dayline/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchFirstView, fetchUpdates } from '../src/lib/api.js';
import { Timeline, type LiveLink } from '../src/lib/timeline.svelte.js';
import { kyiv, update } from './fixtures.js';

vi.mock('../src/lib/api.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api.js')>()),
  fetchFirstView: vi.fn(),
  fetchUpdates: vi.fn(),
}));

const viewMock = vi.mocked(fetchFirstView);
const updatesMock = vi.mocked(fetchUpdates);

function days(entries: [number, number][]): DayCount[] {
  return entries.map(([day, count]) => ({ day, date: '2022-03-16', count, topics: {} }));
}

/** GET /api/first-view's answer for one view of the event, as the server would give it. */
function served(
  items: Update[],
  fields: Partial<Omit<EventView, 'page'>> & { next?: string | null } = {},
): FirstView {
  const { next = null, ...rest } = fields;
  return {
    events: [kyiv],
    view: {
      event: kyiv.slug,
      cursor: 100,
      topics: [],
      target: null,
      page: { items, next },
      days: [],
      filteredDays: null,
      keyEvents: [],
      sticky: null,
      ...rest,
    },
  };
}

/** A live link whose subscribe answers at once, recording what it was asked. */
function fakeLive(subscribed = true) {
  const live: LiveLink & { calls: { event: string; since: number }[] } = {
    calls: [],
    subscribe: async (event, since) => {
      live.calls.push({ event, since });
      return subscribed;
    },
  };
  return live;
}

/** What the live connection hands the timeline's data: a push, a confirmed subscription's replay. */
const push = (timeline: Timeline, kind: ChangeKind, u: Update, early = false) =>
  timeline.data.change(kind, u, early);
const replay = (timeline: Timeline, changes: Change[], reconnected: boolean) =>
  timeline.data.subscribed(changes, reconnected);

const view = (filters: Partial<Filters> = {}, target: Target = { kind: 'latest' }) => ({
  filters: { ...noFilters, ...filters },
  target,
});

const ids = (timeline: Timeline) => timeline.groups.flatMap((g) => g.items.map((u) => u.id));
const at = (id: string, time: string, fields: Partial<Update> = {}) =>
  update({ id, publishedAt: `2022-03-16T${time}:00.000Z`, ...fields });

/** A timeline with its first view loaded. */
async function loaded(
  items: Update[],
  options: { next?: string | null; filters?: Partial<Filters>; days?: DayCount[] } = {},
) {
  viewMock.mockResolvedValueOnce(served(items, { next: options.next ?? null, days: options.days ?? [] }));
  const timeline = new Timeline(kyiv, fakeLive(), view(options.filters));
  await timeline.reload();
  return timeline;
}

beforeEach(() => {
  viewMock.mockReset();
  updatesMock.mockReset();
});

describe('Timeline: loading', () => {
  it('shows the first view, key events included, then subscribes from the cursor it was read at', async () => {
    const live = fakeLive();
    viewMock.mockResolvedValue(
      served([at('a', '10:00')], { cursor: 42, keyEvents: [at('k', '09:00', { pinned: true })] }),
    );
    const timeline = new Timeline(kyiv, live, view({ topics: ['military'] }));
    const stop = timeline.start();
    await vi.waitFor(() => expect(timeline.state).toBe('ready'));
    expect(timeline.keyEvents.items.map((u) => u.id)).toEqual(['k']);
    await vi.waitFor(() => expect(live.calls).toEqual([{ event: kyiv.slug, since: 42 }]));
    expect(viewMock).toHaveBeenCalledWith({
      slug: kyiv.slug,
      filters: { ...noFilters, topics: ['military'] },
      target: { kind: 'latest' },
    });
    stop();
  });

  it('merges pushes that beat the page, by version and range', async () => {
    const timeline = new Timeline(kyiv, fakeLive(), view());
    let answer: (value: FirstView) => void = () => {};
    viewMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const loading = timeline.reload();
    await vi.waitFor(() => expect(viewMock).toHaveBeenCalled());

    // The page was read before this correction; the correction must still win.
    push(timeline, 'changed', at('a', '12:00', { version: 2, title: 'Corrected', status: 'corrected' }));
    push(timeline, 'new', at('b', '13:00', { cursor: 7 }));
    // An old update's correction, older than anything on the first page, waits for its own page.
    push(timeline, 'changed', update({ id: 'old', version: 2, publishedAt: '2022-03-01T00:00:00Z' }));
    answer(
      served([at('b', '13:00'), at('a', '12:00', { title: 'Original' })], {
        next: 'token-1',
        days: days([[21, 14]]),
      }),
    );
    await loading;

    expect(timeline.state).toBe('ready');
    expect(ids(timeline)).toEqual(['b', 'a']);
    expect(timeline.groups[0]?.items[1]?.title).toBe('Corrected');
    expect(timeline.counts.get(21)).toBe(14);
  });

  it("subscribes from the view's cursor even when the socket was not there in time", async () => {
    const live = fakeLive(false);
    viewMock.mockResolvedValue(
      served([update({ id: 'a', cursor: 12 }), update({ id: 'b', cursor: 30 })], { cursor: 31 }),
    );
    const timeline = new Timeline(kyiv, live, view());
    const stop = timeline.start();
    await vi.waitFor(() => expect(live.calls).toEqual([{ event: kyiv.slug, since: 31 }]));
    stop();
  });

  it('applies pushes that came before the subscription was confirmed after its replay, counted once', async () => {
    const timeline = await loaded([at('a', '10:00', { cursor: 10 })], { days: days([[21, 1]]) });
    // b's correction races the answer that replays b's arrival.
    push(
      timeline,
      'changed',
      at('b', '11:00', { version: 2, cursor: 13, title: 'B2', status: 'corrected' }),
      true,
    );
    push(timeline, 'new', at('c', '12:00', { cursor: 15 }), true);
    expect(ids(timeline)).toEqual(['a']);
    replay(
      timeline,
      [
        { kind: 'new', cursor: 12, update: at('b', '11:00', { cursor: 12 }) },
        {
          kind: 'changed',
          cursor: 13,
          update: at('b', '11:00', { version: 2, cursor: 13, title: 'B2', status: 'corrected' }),
        },
      ],
      true,
    );
    expect(ids(timeline)).toEqual(['c', 'b', 'a']);
    expect(timeline.groups[0]?.items[1]?.title).toBe('B2');
    expect(timeline.counts.get(21)).toBe(3);
    expect(timeline.summary).toEqual({ new: 1, corrected: 0, retracted: 0 });
  });

  it('shows an error when the page fails, and recovers on retry', async () => {
    const timeline = new Timeline(kyiv, fakeLive(), view());
    viewMock.mockRejectedValueOnce(new Error('boom'));
    await timeline.reload();
    expect(timeline.state).toBe('error');
    expect(timeline.error).not.toBe('');

    viewMock.mockResolvedValue(served([update({ id: 'a' })]));
    await timeline.reload();
    expect(timeline.state).toBe('ready');
    expect(ids(timeline)).toEqual(['a']);
  });

  it('loads older pages with the same filters until the start', async () => {
    const timeline = await loaded([at('b', '12:00')], {
      next: 'token-1',
      filters: { q: 'grain', source: 'Wire' },
    });
    expect(timeline.next).toBe('token-1');
    updatesMock.mockResolvedValueOnce({
      items: [update({ id: 'a', publishedAt: '2022-03-15T10:00:00.000Z' })],
      next: null,
    });
    await timeline.loadOlder();
    expect(updatesMock).toHaveBeenLastCalledWith(kyiv.slug, {
      topics: [],
      q: 'grain',
      source: 'Wire',
      before: 'token-1',
    });
    expect(timeline.next).toBeNull();
    expect(ids(timeline)).toEqual(['b', 'a']);
  });

  it('drops the answer to a view that was replaced while loading', async () => {
    const timeline = new Timeline(kyiv, fakeLive(), view());
    let answerFirst: (value: FirstView) => void = () => {};
    viewMock.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    const first = timeline.reload();
    await vi.waitFor(() => expect(viewMock).toHaveBeenCalledTimes(1));

    viewMock.mockResolvedValueOnce(served([update({ id: 'new' })]));
    await timeline.reload();
    answerFirst(served([update({ id: 'stale' })]));
    await first;
    expect(ids(timeline)).toEqual(['new']);
  });

  it('reloads for new filters, with day counts for the chart (every topic) and the headings', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    viewMock.mockResolvedValue(
      served([], {
        days: [{ day: 21, date: '2022-03-16', count: 5, topics: { military: 2, diplomacy: 3 } }],
        filteredDays: days([[21, 2]]),
      }),
    );
    timeline.setView({ topics: ['military'], q: 'shelling', source: '' }, { kind: 'latest' });
    await vi.waitFor(() => expect(timeline.state).toBe('ready'));
    expect(viewMock).toHaveBeenLastCalledWith({
      slug: kyiv.slug,
      filters: { topics: ['military'], q: 'shelling', source: '' },
      target: { kind: 'latest' },
    });
    expect(timeline.counts.get(21)).toBe(2);
    expect(timeline.topicCounts.get('diplomacy')).toBe(3);
    expect(timeline.total).toBe(5);
  });
});

describe('Timeline: live changes', () => {
  it('applies corrections by version and never shows an update twice', async () => {
    const timeline = await loaded([update({ id: 'a', version: 2, title: 'Second' })]);
    push(timeline, 'changed', update({ id: 'a', version: 1, title: 'Stale' }));
    expect(timeline.groups[0]?.items[0]?.title).toBe('Second');
    push(timeline, 'changed', update({ id: 'a', version: 3, title: 'Third', status: 'corrected' }));
    expect(timeline.groups[0]?.items.map((u) => u.title)).toEqual(['Third']);
    expect(timeline.isFresh('a')).toBe(true);
  });

  it('counts live updates into their day and takes retractions back out', async () => {
    const timeline = await loaded([update({ id: 'a' })], { days: days([[21, 5]]) });
    push(timeline, 'new', update({ id: 'b', publishedAt: '2022-03-16T21:30:00.000Z' }));
    push(timeline, 'new', update({ id: 'c', publishedAt: '2022-03-16T22:30:00.000Z' }));
    expect(timeline.counts.get(21)).toBe(6);
    expect(timeline.counts.get(22)).toBe(1);
    expect(timeline.groups.map((g) => g.day)).toEqual([22, 21]);

    push(timeline, 'retracted', update({ id: 'b', version: 2, status: 'retracted', title: '' }));
    expect(timeline.counts.get(21)).toBe(5);
    expect(timeline.groups[1]?.items.find((u) => u.id === 'b')?.status).toBe('retracted');
  });

  it('ignores retractions of updates it never showed, and updates outside the filters', async () => {
    const timeline = await loaded([update({ id: 'a', topics: ['military'], title: 'Shelling' })], {
      filters: { topics: ['military'], source: '', q: '' },
    });
    push(timeline, 'retracted', update({ id: 'x', status: 'retracted', topics: ['military'] }));
    push(timeline, 'new', update({ id: 'y', topics: ['diplomacy'] }));
    expect(ids(timeline)).toEqual(['a']);

    // A correction that moves an update out of the filter removes it.
    push(timeline, 'changed', update({ id: 'a', version: 2, topics: ['diplomacy'] }));
    expect(ids(timeline)).toEqual([]);
  });

  it('filters live updates by search and source too', async () => {
    const timeline = await loaded([], { filters: { q: 'grain', source: 'Wire' } });
    push(timeline, 'new', at('a', '10:00', { title: 'Grain ships leave', source: { name: 'Wire' } }));
    push(timeline, 'new', at('b', '11:00', { title: 'Grain ships leave', source: { name: 'Post' } }));
    push(timeline, 'new', at('c', '12:00', { title: 'Talks resume', source: { name: 'Wire' } }));
    expect(ids(timeline)).toEqual(['a']);
  });

  it('leaves changes older than the loaded pages to those pages', async () => {
    const timeline = await loaded([update({ id: 'a' })], { next: 'token-1' });
    push(timeline, 'changed', update({ id: 'old', version: 2, publishedAt: '2022-03-01T00:00:00Z' }));
    expect(ids(timeline)).toEqual(['a']);
  });

  it('keeps the key events strip live: pin, unpin, retract', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    push(timeline, 'changed', at('a', '10:00', { version: 2, pinned: true }));
    expect(timeline.keyEvents.items.map((u) => u.id)).toEqual(['a']);
    push(timeline, 'new', at('b', '11:00', { pinned: true, topics: ['diplomacy'] }));
    expect(timeline.keyEvents.items.map((u) => u.id)).toEqual(['b', 'a']);
    push(timeline, 'changed', at('a', '10:00', { version: 3, pinned: false }));
    push(
      timeline,
      'retracted',
      at('b', '11:00', { version: 2, pinned: true, status: 'retracted', title: '' }),
    );
    expect(timeline.keyEvents.items).toEqual([]);
  });
});

describe('Timeline: the sticky post', () => {
  it('comes with the first view and follows the editors live, whatever the filters', async () => {
    const first = at('s', '08:00', { sticky: true, topics: ['diplomacy'], cursor: 5 });
    viewMock.mockResolvedValue(served([at('a', '10:00')], { sticky: first }));
    const timeline = new Timeline(kyiv, fakeLive(), view({ topics: ['military'] }));
    await timeline.reload();
    expect(timeline.sticky.update?.id).toBe('s');

    // Another update is made sticky: the store un-sticks the first in the same commit.
    push(timeline, 'changed', at('b', '09:00', { sticky: true, version: 2, cursor: 20 }));
    push(timeline, 'changed', at('s', '08:00', { sticky: false, topics: ['diplomacy'], cursor: 21 }));
    expect(timeline.sticky.update?.id).toBe('b');
    // A stale copy from before (another update when it was sticky) changes nothing.
    push(timeline, 'changed', at('s', '08:00', { sticky: true, topics: ['diplomacy'], cursor: 6 }));
    expect(timeline.sticky.update?.id).toBe('b');
    push(
      timeline,
      'retracted',
      at('b', '09:00', { status: 'retracted', sticky: false, version: 3, cursor: 22 }),
    );
    expect(timeline.sticky.update).toBeNull();
  });
});

describe('Timeline: reading position', () => {
  it('holds new updates while the reader is further down, and reveals them on request', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    timeline.setAtTop(false);
    push(timeline, 'new', at('b', '11:00', { topics: ['military'] }));
    push(timeline, 'new', at('c', '12:00', { topics: ['diplomacy'] }));
    // Corrections of what is on screen still apply in place.
    push(timeline, 'changed', at('a', '10:00', { version: 2, title: 'Fixed', status: 'corrected' }));
    expect(ids(timeline)).toEqual(['a']);
    expect(timeline.groups[0]?.items[0]?.title).toBe('Fixed');
    expect(timeline.waitingCount).toBe(2);
    expect(timeline.unread).toBe(2);

    timeline.reveal();
    expect(ids(timeline)).toEqual(['c', 'b', 'a']);
    expect(timeline.waitingCount).toBe(0);
    expect(timeline.scrollRequest).toMatchObject({ kind: 'top' });
  });

  it('lets held updates slide in once the reader scrolls back to the top', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    timeline.setAtTop(false);
    push(timeline, 'new', at('b', '11:00'));
    push(timeline, 'changed', at('b', '11:00', { version: 2, title: 'Corrected before shown' }));
    expect(timeline.waitingCount).toBe(1);
    timeline.setAtTop(true);
    expect(ids(timeline)).toEqual(['b', 'a']);
    expect(timeline.groups[0]?.items[0]?.title).toBe('Corrected before shown');
  });

  it('holds everything while paused, corrections included, until resumed', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    timeline.setPaused(true);
    push(timeline, 'new', at('b', '11:00'));
    push(timeline, 'changed', at('a', '10:00', { version: 2, title: 'Fixed', status: 'corrected' }));
    expect(ids(timeline)).toEqual(['a']);
    expect(timeline.groups[0]?.items[0]?.title).not.toBe('Fixed');
    expect(timeline.waitingCount).toBe(1);

    timeline.setPaused(false);
    expect(ids(timeline)).toEqual(['b', 'a']);
    expect(timeline.groups[0]?.items[1]?.title).toBe('Fixed');
  });

  it('counts what arrives while the tab is hidden, for the title', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    timeline.setHidden(true);
    push(timeline, 'new', at('b', '11:00'));
    push(timeline, 'new', at('c', '12:00'));
    expect(ids(timeline)).toEqual(['c', 'b', 'a']);
    expect(timeline.unread).toBe(2);
    expect(timeline.isFresh('b')).toBe(false);
    timeline.setHidden(false);
    expect(timeline.unread).toBe(0);
    // The highlight waits for the reader to come back.
    expect(timeline.isFresh('b')).toBe(true);
  });

  it('batches arrivals into one announcement', async () => {
    vi.useFakeTimers();
    try {
      const timeline = await loaded([]);
      push(timeline, 'new', at('a', '10:00', { topics: ['military'] }));
      push(timeline, 'new', at('b', '11:00', { topics: ['military'] }));
      push(timeline, 'new', at('c', '12:00', { topics: ['military'] }));
      expect(timeline.announcer.message).toBe('');
      vi.advanceTimersByTime(2500);
      expect(timeline.announcer.message.trim()).toBe('3 new updates in Military');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Timeline: catch-up', () => {
  it('applies what a reconnect missed and sums it up', async () => {
    const timeline = await loaded([at('a', '10:00'), at('b', '09:00')]);
    replay(
      timeline,
      [
        { kind: 'new', cursor: 5, update: at('c', '11:00') },
        {
          kind: 'changed',
          cursor: 6,
          update: at('a', '10:00', { version: 2, status: 'corrected', title: 'A2' }),
        },
        {
          kind: 'retracted',
          cursor: 7,
          update: at('b', '09:00', { version: 2, status: 'retracted', title: '' }),
        },
      ],
      true,
    );
    expect(ids(timeline)).toEqual(['c', 'a', 'b']);
    expect(timeline.groups[0]?.items.map((u) => u.status)).toEqual(['published', 'corrected', 'retracted']);
    expect(timeline.summary).toEqual({ new: 1, corrected: 1, retracted: 1 });
    timeline.dismissSummary();
    expect(timeline.summary).toBeNull();
  });

  it('says nothing about a replay that was not a reconnection, or that changed nothing', async () => {
    const timeline = await loaded([at('a', '10:00')]);
    replay(timeline, [{ kind: 'new', cursor: 5, update: at('c', '11:00') }], false);
    expect(timeline.summary).toBeNull();
    replay(timeline, [{ kind: 'new', cursor: 6, update: at('z', '11:00', { event: 'other' }) }], true);
    expect(timeline.summary).toBeNull();
  });

  it('starts over from a fresh subscription, and says so, when the gap was too long to replay', async () => {
    const live = fakeLive();
    viewMock.mockResolvedValueOnce(served([at('a', '10:00')], { cursor: 100 }));
    const timeline = new Timeline(kyiv, live, view());
    await timeline.reload();
    viewMock.mockResolvedValue(served([at('b', '11:00')], { cursor: 2000 }));
    timeline.data.reset();
    await vi.waitFor(() => expect(ids(timeline)).toEqual(['b']));
    await vi.waitFor(() =>
      expect(live.calls).toEqual([
        { event: kyiv.slug, since: 100 },
        { event: kyiv.slug, since: 2000 },
      ]),
    );
    expect(timeline.notice).toMatch(/reloaded/);
  });
});

describe('Timeline: permalinks', () => {
  it('loads a day from its last instant, in the event zone', async () => {
    viewMock.mockResolvedValue(served([at('a', '10:00')], { next: 'token' }));
    const timeline = new Timeline(kyiv, fakeLive(), view({}, { kind: 'day', day: 21 }));
    await timeline.reload();
    expect(viewMock).toHaveBeenLastCalledWith(expect.objectContaining({ target: { kind: 'day', day: 21 } }));
    expect(timeline.atLatest).toBe(false);
    expect(timeline.scrollRequest).toMatchObject({ kind: 'day', day: 21 });
    expect(timeline.isTargetDay(21)).toBe(true);

    // Newer updates wait behind the button, which leads back to the latest.
    push(timeline, 'new', update({ id: 'n', publishedAt: '2022-03-20T10:00:00.000Z' }));
    expect(ids(timeline)).toEqual(['a']);
    expect(timeline.waitingCount).toBe(1);
  });

  it('loads an update from its own instant, and shows it even when it is a tombstone', async () => {
    const target = at('t', '10:00', { status: 'retracted', title: '', version: 2 });
    viewMock.mockResolvedValue(served([at('s', '09:00')], { target }));
    const timeline = new Timeline(kyiv, fakeLive(), view({}, { kind: 'update', id: 't' }));
    await timeline.reload();
    expect(timeline.atLatest).toBe(false);
    expect(ids(timeline)).toEqual(['t', 's']);
    expect(timeline.isTarget('t')).toBe(true);
    expect(timeline.scrollRequest).toMatchObject({ kind: 'update', id: 't' });
  });

  it('says so when the update does not exist, and shows the latest', async () => {
    viewMock.mockResolvedValue(served([at('a', '10:00')], { target: null }));
    const timeline = new Timeline(kyiv, fakeLive(), view({}, { kind: 'update', id: 'nope' }));
    await timeline.reload();
    expect(timeline.targetNote).toMatch(/could not be found/);
    expect(timeline.atLatest).toBe(true);
    expect(ids(timeline)).toEqual(['a']);
  });

  it('scrolls to a day already loaded instead of reloading, and reloads for one that is not', async () => {
    const timeline = await loaded(
      [at('a', '10:00'), update({ id: 'b', publishedAt: '2022-03-10T10:00:00Z' })],
      {
        next: 'more',
      },
    );
    const calls = viewMock.mock.calls.length;
    timeline.setView(noFilters, { kind: 'day', day: 15 });
    expect(timeline.scrollRequest).toMatchObject({ kind: 'day', day: 15 });
    timeline.setView(noFilters, { kind: 'update', id: 'a' });
    expect(timeline.scrollRequest).toMatchObject({ kind: 'update', id: 'a' });
    expect(viewMock.mock.calls.length).toBe(calls);

    viewMock.mockResolvedValue(served([]));
    timeline.setView(noFilters, { kind: 'day', day: 3 });
    await vi.waitFor(() => expect(viewMock.mock.calls.length).toBe(calls + 1));
  });
});

describe('Timeline: similar coverage', () => {
  const story = (headId: string, size: number, sources: string[]) => ({
    story: { id: 'c1', headId, size, sources },
  });
  /** An update carrying a story (a field the shared type may not name yet). */
  const clustered = (id: string, time: string, fields: Record<string, unknown>) =>
    at(id, time, fields as Partial<Update>);

  it('gives a new report of a story its own card, counted as new, where its time puts it', async () => {
    const timeline = await loaded(
      [at('h', '10:00', { cursor: 5, source: { name: 'Wire' } }), at('x', '09:00')],
      { days: days([[21, 2]]) },
    );
    timeline.setAtTop(false);
    push(
      timeline,
      'new',
      clustered('m', '11:00', { cursor: 7, source: { name: 'Post' }, ...story('h', 2, ['Wire', 'Post']) }),
    );
    push(
      timeline,
      'changed',
      clustered('h', '10:00', { cursor: 8, source: { name: 'Wire' }, ...story('h', 2, ['Wire', 'Post']) }),
    );
    // A reader further down is not moved: the new report waits behind "1 new update".
    expect(ids(timeline)).toEqual(['h', 'x']);
    expect(timeline.waitingCount).toBe(1);
    expect(timeline.counts.get(21)).toBe(3);
    expect(timeline.sources).toEqual(['Post', 'Wire']);
    // At the top it arrives at the top.
    timeline.setAtTop(true);
    push(
      timeline,
      'new',
      clustered('m2', '12:00', {
        cursor: 9,
        source: { name: 'Desk' },
        ...story('h', 3, ['Wire', 'Post', 'Desk']),
      }),
    );
    expect(ids(timeline)[0]).toBe('m2');
  });

  it('shows every card of a story the story as it stands now', async () => {
    const timeline = await loaded([
      clustered('m', '11:00', { cursor: 6, ...story('h', 2, ['A', 'B']) }),
      clustered('h', '10:00', { cursor: 5, ...story('h', 2, ['A', 'B']) }),
    ]);
    push(timeline, 'new', clustered('m2', '12:00', { cursor: 7, ...story('h', 3, ['A', 'B', 'C']) }));
    for (const id of ['h', 'm', 'm2']) {
      const shown = timeline.groups[0]?.items.find((u) => u.id === id);
      expect(shown && timeline.storyOf(shown)?.size, id).toBe(3);
    }
    // The report that started it leaves (retracted): the one left is alone again.
    push(
      timeline,
      'retracted',
      clustered('m2', '12:00', { cursor: 8, status: 'retracted', story: undefined }),
    );
    push(
      timeline,
      'retracted',
      clustered('m', '11:00', { cursor: 9, status: 'retracted', story: undefined }),
    );
    push(timeline, 'changed', clustered('h', '10:00', { cursor: 10, story: undefined }));
    const head = timeline.groups[0]?.items.find((u) => u.id === 'h');
    expect(head && timeline.storyOf(head)).toBeNull();
  });

  it('ignores an older copy of the head that arrives after the story grew', async () => {
    const timeline = await loaded([
      clustered('h', '10:00', { cursor: 9, ...story('h', 3, ['A', 'B', 'C']) }),
    ]);
    push(timeline, 'changed', clustered('h', '10:00', { cursor: 8, ...story('h', 2, ['A', 'B']) }));
    expect(timeline.groups[0]?.items[0]).toMatchObject({ cursor: 9, story: { size: 3 } });
  });

  it('counts every report of a story in the catch-up summary', async () => {
    const timeline = await loaded([at('h', '10:00')]);
    replay(
      timeline,
      [
        {
          kind: 'new',
          cursor: 8,
          update: clustered('m2', '11:30', { cursor: 8, ...story('h', 3, ['A', 'B']) }),
        },
        { kind: 'new', cursor: 9, update: at('n', '12:00', { cursor: 9 }) },
      ],
      true,
    );
    expect(timeline.summary).toEqual({ new: 2, corrected: 0, retracted: 0 });
    expect(ids(timeline)).toEqual(['n', 'm2', 'h']);
  });

  it('keeps a permalinked member on screen', async () => {
    const member = clustered('m', '10:00', { cursor: 4, ...story('h', 2, ['A', 'B']) });
    viewMock.mockResolvedValue(served([at('h', '09:00')], { target: member }));
    const timeline = new Timeline(kyiv, fakeLive(), view({}, { kind: 'update', id: 'm' }));
    await timeline.reload();
    expect(ids(timeline)).toEqual(['m', 'h']);
    push(timeline, 'changed', clustered('m', '10:00', { cursor: 6, ...story('h', 3, ['A', 'B', 'C']) }));
    expect(ids(timeline)).toEqual(['m', 'h']);
  });
});
