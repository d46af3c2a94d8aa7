import { describe, expect, it } from 'vitest';
import { groupByDay } from '../src/lib/timeline-logic.js';
import {
  buildRows,
  layoutRows,
  planRender,
  rowAt,
  rowOfCard,
  rowOfDay,
  visibleRange,
} from '../src/lib/virtual-logic.js';
import { kyiv, update } from './fixtures.js';

// Day 21: a, b, c; day 20: d, e.
const groups = groupByDay(
  [
    update({ id: 'a', publishedAt: '2022-03-16T12:00:00.000Z' }),
    update({ id: 'b', publishedAt: '2022-03-16T11:00:00.000Z' }),
    update({ id: 'c', publishedAt: '2022-03-16T10:00:00.000Z' }),
    update({ id: 'd', publishedAt: '2022-03-15T12:00:00.000Z' }),
    update({ id: 'e', publishedAt: '2022-03-15T11:00:00.000Z' }),
  ],
  kyiv,
);
const rows = buildRows(groups);
const estimates = { head: 50, card: 100 };

describe('virtual list layout', () => {
  it('flattens days into a heading row followed by card rows', () => {
    expect(rows.map((r) => r.key)).toEqual(['day:21', 'a', 'b', 'c', 'day:20', 'd', 'e']);
    expect(rowOfCard(rows, 'd')).toBe(5);
    expect(rowOfDay(rows, 20)).toBe(4);
  });

  it('adds measured heights, estimates where none was measured', () => {
    const offsets = layoutRows(rows, new Map([['b', 300]]), estimates);
    expect([...offsets]).toEqual([0, 50, 150, 450, 550, 600, 700, 800]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 449)).toBe(2);
    expect(rowAt(offsets, 450)).toBe(3);
    expect(rowAt(offsets, 5000)).toBe(6);
    expect(rowAt(offsets, -10)).toBe(0);
  });

  it('renders everything when the list is small', () => {
    const offsets = layoutRows(rows, new Map(), estimates);
    expect(visibleRange(offsets, { top: 500, bottom: 600 }, null, { margin: 0, renderAllUpTo: 10 })).toEqual([
      0, 6,
    ]);
  });

  it('renders a window around the viewport, and keeps it while it still covers the view', () => {
    const offsets = layoutRows(rows, new Map(), estimates);
    const options = { margin: 10, renderAllUpTo: 0 };
    const first = visibleRange(offsets, { top: 160, bottom: 260 }, null, options);
    expect(first).toEqual([1, 3]);
    expect(visibleRange(offsets, { top: 170, bottom: 250 }, first, options)).toBe(first);
    expect(visibleRange(offsets, { top: 380, bottom: 450 }, first, options)).toEqual([4, 5]);
  });

  it('plans sections with their heading and spacers standing in for what is left out', () => {
    const offsets = layoutRows(rows, new Map(), estimates);
    // Rows b..d: day 21 from its second card, day 20 with only its first card.
    const plan = planRender(rows, offsets, [2, 5]);
    expect(plan.top).toBe(0);
    expect(plan.sections.map((s) => [s.day, s.before, s.cards.map((c) => c.key), s.after])).toEqual([
      [21, 100, ['b', 'c'], 0],
      [20, 0, ['d'], 100],
    ]);
    expect(plan.bottom).toBe(0);

    const later = planRender(rows, offsets, [5, 6]);
    expect(later.top).toBe(350);
    expect(later.sections.map((s) => [s.day, s.before, s.cards.map((c) => c.key), s.after])).toEqual([
      [20, 0, ['d', 'e'], 0],
    ]);

    const early = planRender(rows, offsets, [0, 1]);
    expect(early.sections.map((s) => [s.day, s.cards.map((c) => c.key), s.after])).toEqual([
      [21, ['a'], 200],
    ]);
    expect(early.bottom).toBe(250);
  });
});
