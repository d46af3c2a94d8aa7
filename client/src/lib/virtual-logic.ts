import type { Update } from '@dayline/shared';
import type { DayGroup } from './timeline-logic.js';

/**
 * The timeline flattened into rows: each day's heading, then its cards. Heights are kept per row
 * key, so a card keeps its measured height when it scrolls out and back in.
 */
export type Row =
  | { kind: 'head'; key: string; day: number; group: DayGroup }
  | { kind: 'card'; key: string; day: number; update: Update };

export function buildRows(groups: readonly DayGroup[]): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    rows.push({ kind: 'head', key: `day:${group.day}`, day: group.day, group });
    for (const update of group.items) rows.push({ kind: 'card', key: update.id, day: group.day, update });
  }
  return rows;
}

export interface Estimates {
  head: number;
  card: number;
}

/** `offsets[i]` is the top of row i from the top of the list; `offsets[rows.length]` is the total. */
export function layoutRows(
  rows: readonly Row[],
  heights: ReadonlyMap<string, number>,
  estimates: Estimates,
): Float64Array {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    offsets[i + 1] = offsets[i]! + (heights.get(row.key) ?? estimates[row.kind]);
  }
  return offsets;
}

/** The row covering a position (clamped to the list). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type Range = readonly [start: number, end: number];

/**
 * The rows to render for a viewport (`top`, `bottom`, relative to the list), as an inclusive range.
 * Small lists render whole: a few hundred cards cost little, and then the browser's find-in-page and
 * a screen reader's browse mode see everything. Past that, the current range is kept while it still
 * covers the viewport with `margin` to spare, and otherwise replaced by one reaching `margin * 3`
 * beyond it, so scrolling re-renders in steps rather than on every frame.
 */
export function visibleRange(
  offsets: Float64Array,
  viewport: { top: number; bottom: number },
  current: Range | null,
  options: { margin: number; renderAllUpTo: number },
): Range {
  const count = offsets.length - 1;
  if (count <= 0) return [0, -1];
  if (count <= options.renderAllUpTo) return [0, count - 1];
  const need: Range = [
    rowAt(offsets, viewport.top - options.margin),
    rowAt(offsets, viewport.bottom + options.margin),
  ];
  if (current && current[0] <= need[0] && current[1] >= need[1] && current[1] < count) return current;
  const wide = options.margin * 3;
  return [rowAt(offsets, viewport.top - wide), rowAt(offsets, viewport.bottom + wide)];
}

export interface SectionPlan {
  day: number;
  group: DayGroup;
  /** Space for the day's cards above the rendered ones. */
  before: number;
  cards: Extract<Row, { kind: 'card' }>[];
  /** Space for the day's cards below the rendered ones. */
  after: number;
}

export interface RenderPlan {
  /** Space for the days above the first rendered one. */
  top: number;
  sections: SectionPlan[];
  /** Space for the days below the last rendered one. */
  bottom: number;
}

/**
 * What to put in the DOM for a range: each day that has a row in range becomes a section with its
 * heading (always, so a sticky heading names the day being read) and only the cards in range, with
 * spacers standing in for the rest. Sections keep their full height, so a sticky heading stays
 * stuck for the whole of its day.
 */
export function planRender(rows: readonly Row[], offsets: Float64Array, range: Range): RenderPlan {
  const [start, end] = range;
  const total = offsets[rows.length] ?? 0;
  if (end < start || rows.length === 0) return { top: 0, sections: [], bottom: total };
  let head = start;
  while (head > 0 && rows[head]!.kind !== 'head') head--;
  const sections: SectionPlan[] = [];
  let sectionEnd = 0;
  const top = offsets[head]!;
  let i = head;
  while (i <= end && i < rows.length) {
    const row = rows[i]!;
    if (row.kind !== 'head') {
      i++;
      continue;
    }
    const first = i + 1;
    const last = i + row.group.items.length; // the day's last card row
    const from = Math.max(first, start);
    const to = Math.min(last, end);
    const cards: SectionPlan['cards'] = [];
    for (let c = from; c <= to; c++) cards.push(rows[c] as SectionPlan['cards'][number]);
    sections.push({
      day: row.day,
      group: row.group,
      before: cards.length > 0 ? offsets[from]! - offsets[first]! : offsets[last + 1]! - offsets[first]!,
      cards,
      after: cards.length > 0 ? offsets[last + 1]! - offsets[to + 1]! : 0,
    });
    sectionEnd = offsets[last + 1]!;
    i = last + 1;
  }
  return { top, sections, bottom: Math.max(0, total - sectionEnd) };
}

/** The row index of a card, or -1. */
export function rowOfCard(rows: readonly Row[], id: string): number {
  return rows.findIndex((row) => row.kind === 'card' && row.key === id);
}

/** The row index of a day's heading, or -1. */
export function rowOfDay(rows: readonly Row[], day: number): number {
  return rows.findIndex((row) => row.kind === 'head' && row.day === day);
}
