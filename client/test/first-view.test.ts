import { type EventView, type Update, noFilters, type Target } from '@dayline/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchFirstView, fetchUpdates } from '../src/lib/api.js';
import { Timeline, type LiveLink } from '../src/lib/timeline.svelte.js';
import { kyiv, update } from './fixtures.js';

// The first view arrives with the page load: the timeline must not ask for any of it again.
vi.mock('../src/lib/api.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api.js')>()),
  fetchUpdates: vi.fn(() => Promise.reject(new Error('no request expected'))),
  fetchFirstView: vi.fn(() => Promise.reject(new Error('no request expected'))),
}));

beforeEach(() => {
  vi.clearAllMocks();
});

function recordingLive() {
  const calls: { event: string; since: number }[] = [];
  const live: LiveLink = {
    subscribe: async (event, since) => {
      calls.push({ event, since });
      return true;
    },
  };
  return { live, calls };
}

const at = (id: string, time: string, fields: Partial<Update> = {}) =>
  update({ id, publishedAt: `2022-03-16T${time}:00.000Z`, ...fields });

function firstView(fields: Partial<EventView> = {}): EventView {
  return {
    event: kyiv.slug,
    cursor: 40,
    topics: [],
    target: null,
    page: { items: [at('b', '13:00', { cursor: 12 }), at('a', '12:00', { cursor: 11 })], next: 'older' },
    days: [{ day: 21, date: '2022-03-16', count: 9, topics: {} }],
    filteredDays: null,
    keyEvents: [at('k', '09:00', { pinned: true }), at('r', '08:00', { pinned: true, status: 'retracted' })],
    sticky: null,
    ...fields,
  };
}

const ids = (timeline: Timeline) => timeline.groups.flatMap((g) => g.items.map((u) => u.id));

describe('a timeline started from the first view', () => {
  it('shows it at once, then subscribes from the cursor it was read at', async () => {
    const { live, calls } = recordingLive();
    const timeline = new Timeline(kyiv, live, {
      filters: noFilters,
      target: { kind: 'latest' },
      initial: firstView(),
    });
    timeline.start();
    expect(timeline.state).toBe('ready');
    expect(ids(timeline)).toEqual(['b', 'a']);
    expect(timeline.total).toBe(9);
    expect(timeline.next).toBe('older');
    // Retracted key events are left out of the strip, as when it loads them itself.
    expect(timeline.keyEvents.items.map((u) => u.id)).toEqual(['k']);
    await vi.waitFor(() => expect(calls).toEqual([{ event: kyiv.slug, since: 40 }]));
    expect(fetchUpdates).not.toHaveBeenCalled();
    expect(fetchFirstView).not.toHaveBeenCalled();

    // What the subscription replays from that cursor is merged in like any change.
    timeline.data.subscribed([{ kind: 'new', cursor: 41, update: at('c', '14:00', { cursor: 41 }) }], false);
    expect(ids(timeline)).toEqual(['c', 'b', 'a']);
    expect(timeline.summary).toBeNull();
  });

  it('starts a permalink at its update, or says it was not found', async () => {
    const target: Target = { kind: 'update', id: 'a' };
    const found = new Timeline(kyiv, recordingLive().live, {
      filters: noFilters,
      target,
      initial: firstView({ target: at('a', '12:00', { cursor: 11 }) }),
    });
    found.start();
    expect(found.atLatest).toBe(false);
    expect(found.scrollRequest).toMatchObject({ kind: 'update', id: 'a' });

    const missing = new Timeline(kyiv, recordingLive().live, {
      filters: noFilters,
      target,
      initial: firstView(),
    });
    missing.start();
    expect(missing.atLatest).toBe(true);
    expect(missing.targetNote).toMatch(/could not be found/);
  });

  it('uses the first view only once: a reset loads the view again', async () => {
    vi.mocked(fetchFirstView).mockResolvedValue({
      events: [kyiv],
      view: firstView({ cursor: 55, page: { items: [at('z', '15:00')], next: null } }),
    });
    const { live, calls } = recordingLive();
    const timeline = new Timeline(kyiv, live, {
      filters: noFilters,
      target: { kind: 'latest' },
      initial: firstView(),
    });
    timeline.start();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    timeline.data.reset();
    await vi.waitFor(() => expect(ids(timeline)).toEqual(['z']));
    expect(vi.mocked(fetchFirstView)).toHaveBeenCalledWith({
      slug: kyiv.slug,
      filters: noFilters,
      target: { kind: 'latest' },
    });
    // Subscribed afresh from the new view's cursor.
    await vi.waitFor(() => expect(calls[1]).toEqual({ event: kyiv.slug, since: 55 }));
  });
});
