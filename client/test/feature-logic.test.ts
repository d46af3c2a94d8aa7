import { endOfDay, topicsById, type Change, type DayCount, type Update } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import { relativeTime } from '../src/lib/format.js';
import {
  adjustDays,
  announcement,
  chartBars,
  chartTopics,
  emptyMessage,
  groupSorted,
  matchesFilters,
  matchesQuery,
  replaceInSorted,
  sortUpdates,
  summarise,
  summaryText,
  topicTotals,
} from '../src/lib/timeline-logic.js';
import { kyiv, update } from './fixtures.js';

describe('search and filters on live updates', () => {
  const u = update({
    id: 'a',
    title: 'Shelling near Kharkiv',
    summary: 'Officials in Kyïv said…',
    topics: ['military'],
    source: { name: 'E2E Wire' },
  });

  it('matches every word of the query as the start of a word, ignoring case and accents', () => {
    expect(matchesQuery(u, 'shell kharkiv')).toBe(true);
    expect(matchesQuery(u, 'KYIV')).toBe(true);
    expect(matchesQuery(u, 'kharkiv odesa')).toBe(false);
    expect(matchesQuery(u, 'elling')).toBe(false);
    expect(matchesQuery(u, '  ')).toBe(true);
  });

  it('combines topics, source and search', () => {
    expect(matchesFilters(u, { topics: ['military'], q: 'shelling', source: 'E2E Wire' })).toBe(true);
    expect(matchesFilters(u, { topics: ['diplomacy'], q: '', source: '' })).toBe(false);
    expect(matchesFilters(u, { topics: [], q: '', source: 'Other' })).toBe(false);
    // A tombstone has no text left to search.
    const tombstone = update({ id: 'a', status: 'retracted', title: '', topics: ['military'] });
    expect(matchesFilters(tombstone, { topics: [], q: 'shelling', source: '' })).toBe(true);
  });

  it('explains an empty result in the reader’s terms', () => {
    const label = (id: string) => topicsById(kyiv).get(id)?.label ?? id;
    expect(emptyMessage({ topics: ['military', 'diplomacy'], q: 'kyiv', source: 'Wire' }, label)).toBe(
      'No updates from Wire in Military or Diplomacy match “kyiv”.',
    );
    expect(emptyMessage({ topics: [], q: 'kyiv', source: '' }, label)).toBe('No updates match “kyiv”.');
  });
});

describe('the sorted list', () => {
  const at = (id: string, time: string) => update({ id, publishedAt: `2022-03-16T${time}:00.000Z` });

  it('inserts, replaces and removes without losing the order', () => {
    const sorted = sortUpdates([at('a', '10:00'), at('b', '12:00'), at('c', '14:00')]);
    const next = replaceInSorted(
      sorted,
      [at('d', '13:00'), { ...at('a', '15:00'), version: 2 }],
      new Set(['b']),
    );
    expect(next.map((u) => u.id)).toEqual(['a', 'c', 'd']);
    expect(replaceInSorted(next, [at('e', '09:00')]).map((u) => u.id)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('groups a sorted list by day in one pass, as groupByDay would', () => {
    const items = sortUpdates([
      update({ id: '1', publishedAt: '2022-03-16T21:30:00.000Z' }),
      update({ id: '2', publishedAt: '2022-03-16T22:30:00.000Z' }),
      update({ id: '3', publishedAt: '2022-02-20T10:00:00.000Z' }),
    ]);
    expect(groupSorted(items, kyiv).map((g) => [g.day, g.items.map((u) => u.id)])).toEqual([
      [22, ['2']],
      [21, ['1']],
      [0, ['3']],
    ]);
  });
});

describe('day permalinks', () => {
  it('start at the last instant of the day in the event zone', () => {
    // Day 21 is 16 March 2022; Kyiv is UTC+2 in winter, so the day ends at 21:59:59.999Z.
    expect(endOfDay(21, kyiv)).toBe('2022-03-16T21:59:59.999Z');
    // Day 32 ends on 27 March, the night clocks go forward to UTC+3.
    expect(endOfDay(32, kyiv)).toBe('2022-03-27T20:59:59.999Z');
  });
});

describe('day counts', () => {
  const days: DayCount[] = [
    { day: 21, date: '2022-03-16', count: 2, topics: { military: 2 } },
    { day: 20, date: '2022-03-15', count: 1, topics: {} },
  ];
  const all = () => true;

  it('counts a new update into its day and topics', () => {
    const after = update({ id: 'x', publishedAt: '2022-03-16T22:30:00.000Z', topics: ['military'] });
    const next = adjustDays(days, undefined, after, kyiv, all);
    expect(next[0]).toEqual({ day: 22, date: '2022-03-17', count: 1, topics: { military: 1 } });
    expect(days[0]?.count).toBe(2);
  });

  it('moves a corrected update and takes a retracted one out', () => {
    const before = update({ id: 'x', publishedAt: '2022-03-16T12:00:00.000Z', topics: ['military'] });
    const moved = { ...before, publishedAt: '2022-03-15T12:00:00.000Z', topics: ['diplomacy'], version: 2 };
    expect(adjustDays(days, before, moved, kyiv, all)).toEqual([
      { day: 21, date: '2022-03-16', count: 1, topics: { military: 1 } },
      { day: 20, date: '2022-03-15', count: 2, topics: { diplomacy: 1 } },
    ]);
    const gone = { ...before, status: 'retracted' as const, version: 2 };
    expect(adjustDays(days, before, gone, kyiv, all)[0]?.count).toBe(1);
  });

  it('sums topics over days for the chip counts', () => {
    expect(
      topicTotals([
        { day: 2, date: '', count: 3, topics: { military: 2, diplomacy: 1 } },
        { day: 1, date: '', count: 1, topics: { military: 1 } },
      ]),
    ).toEqual(
      new Map([
        ['military', 3],
        ['diplomacy', 1],
      ]),
    );
  });

  it('draws bars from day 1, short empty runs as empty bars and long ones as a gap', () => {
    const items = chartBars(
      [
        { day: 30, date: '2022-03-25', count: 1, topics: {} },
        { day: 3, date: '2022-02-26', count: 4, topics: { military: 2, diplomacy: 2 } },
        { day: 1, date: '2022-02-24', count: 2, topics: { military: 1 } },
      ],
      kyiv.topics,
      kyiv,
    );
    expect(items.map((i) => (i.kind === 'day' ? i.day : `${i.from}-${i.to}`))).toEqual([1, 2, 3, '4-29', 30]);
    const first = items[0];
    expect(first?.kind === 'day' && first.segments).toEqual([
      { topic: 'military', color: '#b91c1c', share: 0.5 },
      { topic: '', color: '', share: 0.5 },
    ]);
    expect(first?.kind === 'day' && first.label).toBe('Day 1 · Thu 24 Feb 2022: 2 updates (Military 1)');
    const third = items[2];
    expect(third?.kind === 'day' && third.height).toBe(1);
  });

  it('colours an update whose topic was removed under its last label, as its chip shows it; grey is for no topic', () => {
    const event = {
      ...kyiv,
      retiredTopics: [{ id: 'energy', label: 'Power and fuel', color: '#c2410c' }],
    };
    expect(chartTopics(event).map((t) => t.id)).toEqual([...event.topics.map((t) => t.id), 'energy']);
    const [day] = chartBars(
      [{ day: 1, date: '2022-02-24', count: 3, topics: { military: 1, energy: 1 } }],
      chartTopics(event),
      event,
    );
    expect(day?.kind === 'day' && day.segments).toEqual([
      { topic: 'military', color: '#b91c1c', share: 1 / 3 },
      { topic: 'energy', color: '#c2410c', share: 1 / 3 },
      { topic: '', color: '', share: 1 / 3 },
    ]);
    expect(day?.kind === 'day' && day.label).toBe(
      'Day 1 · Thu 24 Feb 2022: 3 updates (Military 1, Power and fuel 1)',
    );
    // Before the server kept retired topics, the event had none: the chart is as it was.
    expect(chartTopics({ topics: kyiv.topics })).toEqual(kyiv.topics);
  });
});

describe('catch-up summary', () => {
  const change = (kind: Change['kind'], fields: Partial<Update> & { id: string }): Change => ({
    kind,
    cursor: 1,
    update: update(fields),
  });

  it('counts each update once by its latest state', () => {
    const summary = summarise(
      [
        change('new', { id: 'a' }),
        change('new', { id: 'b' }),
        change('changed', { id: 'b', version: 2, status: 'corrected' }),
        change('changed', { id: 'c', version: 3, status: 'corrected' }),
        change('changed', { id: 'd', version: 2, pinned: true }),
        change('retracted', { id: 'e', version: 2, status: 'retracted', title: '' }),
      ],
      () => true,
    );
    expect(summary).toEqual({ new: 2, corrected: 1, retracted: 1 });
    expect(summaryText(summary)).toBe('2 new, 1 corrected, 1 retracted');
    expect(summaryText({ new: 0, corrected: 3, retracted: 0 })).toBe('3 corrected');
  });

  it('does not call a pin on an already corrected update a correction', () => {
    const shown = update({ id: 'c', version: 2, status: 'corrected', correctedAt: '2022-03-16T12:00:00Z' });
    const pinned = change('changed', { ...shown, version: 3, pinned: true });
    expect(
      summarise(
        [pinned],
        () => true,
        () => shown,
      ).corrected,
    ).toBe(0);
  });

  it('leaves out what the filters hide', () => {
    const summary = summarise([change('new', { id: 'a', topics: ['military'] })], (u) =>
      u.topics.includes('diplomacy'),
    );
    expect(summary).toEqual({ new: 0, corrected: 0, retracted: 0 });
  });
});

describe('announcements', () => {
  const topics = topicsById(kyiv);
  it('says how many arrived and in which topics', () => {
    const m = (id: string, t: string[]) => update({ id, topics: t });
    expect(announcement([m('a', ['military']), m('b', ['military']), m('c', ['military'])], topics)).toBe(
      '3 new updates in Military',
    );
    expect(announcement([m('a', ['military']), m('b', ['diplomacy', 'military']), m('c', [])], topics)).toBe(
      '3 new updates: 1 in Military, 1 in Diplomacy, 1 other',
    );
    expect(announcement([m('a', [])], topics)).toBe('1 new update');
  });
});

describe('relative times', () => {
  const now = new Date('2022-03-16T12:00:00Z');
  it('says how long ago within the last day, and nothing after', () => {
    expect(relativeTime('2022-03-16T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2022-03-16T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2022-03-16T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2022-03-15T11:00:00Z', now)).toBeNull();
  });
});
