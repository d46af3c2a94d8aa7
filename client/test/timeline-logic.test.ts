import type { Update } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import {
  BEFORE_DAY_ONE,
  compareIds,
  countLabel,
  countsByGroup,
  displayCount,
  groupByDay,
  isNewer,
  searchHits,
  matchesTopics,
  sortUpdates,
} from '../src/lib/timeline-logic.js';
import { kyiv, update } from './fixtures.js';

describe('groupByDay', () => {
  it('turns the day at midnight in the event zone, not UTC (Kyiv winter, UTC+2)', () => {
    const late = update({ id: 'a', publishedAt: '2022-03-16T21:30:00.000Z' }); // 23:30 in Kyiv
    const afterMidnight = update({ id: 'b', publishedAt: '2022-03-16T22:30:00.000Z' }); // 00:30
    const groups = groupByDay([late, afterMidnight], kyiv);
    expect(groups.map((g) => [g.day, g.items.map((u) => u.id)])).toEqual([
      [22, ['b']],
      [21, ['a']],
    ]);
  });

  it('puts days newest first and items newest first within a day', () => {
    const items = [
      update({ id: '1', publishedAt: '2022-02-24T03:00:00.000Z' }),
      update({ id: '2', publishedAt: '2022-03-16T08:00:00.000Z' }),
      update({ id: '3', publishedAt: '2022-03-16T18:00:00.000Z' }),
      update({ id: '4', publishedAt: '2022-02-25T10:00:00.000Z' }),
    ];
    const groups = groupByDay(items, kyiv);
    expect(groups.map((g) => g.day)).toEqual([21, 2, 1]);
    expect(groups[0]?.items.map((u) => u.id)).toEqual(['3', '2']);
  });

  it('gathers every day before the start into one "Before day 1" group, last', () => {
    const items = [
      update({ id: 'a', publishedAt: '2022-02-20T10:00:00.000Z' }), // day -3
      update({ id: 'b', publishedAt: '2022-02-23T21:59:00.000Z' }), // 23:59 on the 23rd: day 0
      update({ id: 'c', publishedAt: '2022-02-23T22:00:00.000Z' }), // 00:00 on the 24th: day 1
    ];
    const groups = groupByDay(items, kyiv);
    expect(groups.map((g) => [g.day, g.items.map((u) => u.id)])).toEqual([
      [1, ['c']],
      [BEFORE_DAY_ONE, ['b', 'a']],
    ]);
  });

  it('returns no groups for no items', () => {
    expect(groupByDay([], kyiv)).toEqual([]);
  });
});

describe('sortUpdates', () => {
  it('orders by publishedAt descending, then id descending, whatever the input order', () => {
    const same = '2022-03-16T12:00:00.000Z';
    const items = [
      update({ id: 'b', publishedAt: same }),
      update({ id: 'z', publishedAt: '2022-03-16T11:00:00.000Z' }),
      update({ id: 'c', publishedAt: same }),
      update({ id: 'a', publishedAt: same }),
      update({ id: 'y', publishedAt: '2022-03-16T13:00:00.000Z' }),
    ];
    const expected = ['y', 'c', 'b', 'a', 'z'];
    expect(sortUpdates(items).map((u) => u.id)).toEqual(expected);
    expect(sortUpdates([...items].reverse()).map((u) => u.id)).toEqual(expected);
  });

  it('compares instants, not strings, when offsets are written differently', () => {
    const items = [
      update({ id: 'a', publishedAt: '2022-03-16T12:00:00.000Z' }),
      update({ id: 'b', publishedAt: '2022-03-16T13:30:00+02:00' }), // 11:30Z: older
    ];
    expect(sortUpdates(items).map((u) => u.id)).toEqual(['a', 'b']);
  });

  it('orders numeric ids by value', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('10', '9')).toBeGreaterThan(0);
    expect(compareIds('abc', 'abd')).toBeLessThan(0);
    expect(compareIds('x', 'x')).toBe(0);
  });
});

describe('isNewer: two copies of one update', () => {
  it('keeps the latest change, whatever the arrival order', () => {
    const v1 = update({ id: 'a', version: 1, cursor: 4, title: 'First' });
    const v2 = update({ id: 'a', version: 2, cursor: 9, title: 'Corrected' });
    expect(isNewer(v2, v1)).toBe(true);
    expect(isNewer(v1, v2)).toBe(false);
  });

  it('takes a story change of the same version: the higher cursor wins, not the higher version', () => {
    const alone = update({ id: 'a', version: 1, cursor: 4 });
    const grown = update({
      id: 'a',
      version: 1,
      cursor: 12,
      story: { id: 'c1', headId: 'a', size: 3, sources: ['Wire', 'Post', 'Herald'] },
    } as Partial<Update> & { id: string });
    expect(isNewer(grown, alone)).toBe(true);
    expect(isNewer(alone, grown)).toBe(false);
    expect(isNewer(alone, undefined)).toBe(true);
  });

  it('ignores a replay of the same change', () => {
    const kept = update({ id: 'a', version: 3, cursor: 20, title: 'Kept' });
    expect(isNewer(update({ id: 'a', version: 3, cursor: 20, title: 'Replay' }), kept)).toBe(false);
  });
});

describe('day counts', () => {
  it('adds up the days before the start into the "Before day 1" count', () => {
    const counts = countsByGroup([
      { day: 21, date: '2022-03-16', count: 14, topics: {} },
      { day: 0, date: '2022-02-23', count: 2, topics: {} },
      { day: -5, date: '2022-02-18', count: 3, topics: {} },
    ]);
    expect(counts.get(21)).toBe(14);
    expect(counts.get(BEFORE_DAY_ONE)).toBe(5);
  });

  it('never shows fewer than the cards on screen, retracted ones aside', () => {
    const group = {
      day: 21,
      items: [update({ id: 'a' }), update({ id: 'b' }), update({ id: 'c', status: 'retracted' })],
    };
    expect(displayCount(group, new Map([[21, 14]]))).toBe(14);
    expect(displayCount(group, new Map())).toBe(2);
  });

  it('says "update" for one and "updates" otherwise', () => {
    expect(countLabel(1)).toBe('1 update');
    expect(countLabel(0)).toBe('0 updates');
    expect(countLabel(14)).toBe('14 updates');
  });
});

describe('helpers', () => {
  it('matches any selected topic; no selection matches all', () => {
    const u = update({ id: 'a', topics: ['military'] });
    expect(matchesTopics(u, [])).toBe(true);
    expect(matchesTopics(u, ['diplomacy', 'military'])).toBe(true);
    expect(matchesTopics(u, ['diplomacy'])).toBe(false);
  });
});

describe('search hits', () => {
  const marked = (text: string, q: string) =>
    searchHits(text, q)
      .map((p) => (p.hit ? `[${p.text}]` : p.text))
      .join('');

  it('marks where each word of the search starts a word, whatever the case and accents', () => {
    expect(marked('Grain ships leave Odesa under the grain corridor deal', 'grain corr')).toBe(
      '[Grain] ships leave Odesa under the [grain] [corr]idor deal',
    );
    expect(marked('Élection à Kyiv: résultats', 'election resul')).toBe('[Élection] à Kyiv: [résul]tats');
    expect(marked('Nothing here', 'grain')).toBe('Nothing here');
    expect(marked('Anything', '')).toBe('Anything');
  });
});
