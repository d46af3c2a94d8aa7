import {
  dateOfDay,
  dayHeading,
  eventDay,
  type Change,
  type DayCount,
  type Event,
  type EventClock,
  type Topic,
  type Update,
  type Filters,
} from '@dayline/shared';

/** Every day before day 1 shares one group, "Before day 1", under this key. */
export const BEFORE_DAY_ONE = 0;

export interface DayGroup {
  /** The day number, or BEFORE_DAY_ONE for everything before the start. */
  day: number;
  /** Newest first. */
  items: Update[];
}

/** Ids are opaque, but numeric ones must still order 9 < 10, as the server orders them. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The server's page order: publishedAt descending, then id descending, so ties never shuffle. */
export function compareUpdates(a: Update, b: Update): number {
  const byTime = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  return byTime !== 0 ? byTime : compareIds(b.id, a.id);
}

export function sortUpdates(items: Iterable<Update>): Update[] {
  return [...items].sort(compareUpdates);
}

/**
 * Two copies of one update may arrive (page and push, or a replay after reconnect): the later change
 * wins. That is the higher `cursor`, not the higher `version`: a story growing around an update
 * changes it (its `story`) without a new version, and the cursor moves on with every change.
 */
export function isNewer(incoming: Update, current: Update | undefined): boolean {
  return current === undefined || incoming.cursor > current.cursor;
}

// eventDay goes through Intl for every call, and grouping re-runs on every change: remember the
// answer per update object (a new version is a new object) and per event clock, for as long as the
// update is alive, so even tens of thousands of updates are each computed once.
const dayCache = new Map<string, WeakMap<Update, number>>();

/** The day of an update, computed from its instant in the event's zone (the same function the server uses). */
export function dayOf(update: Update, event: EventClock): number {
  const clockKey = `${event.timeZone}|${event.startDate}`;
  let cache = dayCache.get(clockKey);
  if (!cache) {
    cache = new WeakMap();
    dayCache.set(clockKey, cache);
  }
  let day = cache.get(update);
  if (day === undefined) {
    try {
      day = eventDay(update.publishedAt, event);
    } catch {
      day = update.day;
    }
    cache.set(update, day);
  }
  return day;
}

export function groupKey(day: number): number {
  return day < 1 ? BEFORE_DAY_ONE : day;
}

/** Groups updates by day of the event, days newest first ("Before day 1" last), items newest first. */
export function groupByDay(items: Iterable<Update>, event: EventClock): DayGroup[] {
  return groupSorted(sortUpdates(items), event);
}

/**
 * Groups a list already in timeline order in one pass. The timeline keeps its list sorted, so with
 * tens of thousands of updates a live change never pays for a sort.
 */
export function groupSorted(sorted: readonly Update[], event: EventClock): DayGroup[] {
  const groups: DayGroup[] = [];
  let current: DayGroup | undefined;
  for (const update of sorted) {
    const key = groupKey(dayOf(update, event));
    if (!current || current.day !== key) {
      current = { day: key, items: [] };
      groups.push(current);
    }
    current.items.push(update);
  }
  return groups;
}

/**
 * A sorted list with some ids taken out and some updates put in (replacing any copy of the same id),
 * still sorted: one linear merge instead of a sort of everything.
 */
export function replaceInSorted(
  sorted: readonly Update[],
  upserts: readonly Update[],
  removed: ReadonlySet<string> = new Set(),
): Update[] {
  if (upserts.length === 0 && removed.size === 0) return [...sorted];
  const replaced = new Set(upserts.map((u) => u.id));
  const kept = sorted.filter((u) => !replaced.has(u.id) && !removed.has(u.id));
  const incoming = sortUpdates(new Map(upserts.map((u) => [u.id, u])).values());
  const out: Update[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < incoming.length) {
    const a = kept[i];
    const b = incoming[j];
    if (b === undefined || (a !== undefined && compareUpdates(a, b) <= 0)) {
      out.push(a!);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

/** Server day counts keyed like the groups, so all days before the start add up into one. */
export function countsByGroup(days: readonly DayCount[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { day, count } of days) {
    const key = groupKey(day);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return counts;
}

/**
 * The count shown in a day heading. The server's count covers pages not loaded yet; it can lag a
 * moment behind live updates, so it never drops below what is on screen.
 */
export function displayCount(group: DayGroup, counts: ReadonlyMap<number, number>): number {
  const shown = group.items.filter((u) => u.status !== 'retracted').length;
  return Math.max(counts.get(group.day) ?? 0, shown);
}

export function countLabel(count: number): string {
  return `${count} ${count === 1 ? 'update' : 'updates'}`;
}

/** True when an update carries one of the selected topics; no selection means every topic. */
export function matchesTopics(update: Update, topics: readonly string[]): boolean {
  return topics.length === 0 || update.topics.some((t) => topics.includes(t));
}

/** Lower case without accents, so "Kyiv", "KYIV" and "Kÿiv" compare alike. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A piece of text, and whether it is a search's hit. */
export interface TextPart {
  text: string;
  hit: boolean;
}

/**
 * A text cut into parts at the words a search matched (the rule `matchesQuery` uses: a word of the
 * text that starts with a word of the query, ignoring case and accents), so a card can mark them.
 */
export function searchHits(text: string, q: string): TextPart[] {
  const wanted = words(q);
  if (wanted.length === 0 || !text) return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(match[0]);
    const prefix = wanted.filter((w) => word.startsWith(w)).sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) continue;
    // Mark as much of the original word as the query covered (accents may span two code points).
    let end = match.index;
    while (end < match.index + match[0].length && fold(text.slice(match.index, end)).length < prefix.length)
      end++;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), hit: false });
    parts.push({ text: text.slice(match.index, end), hit: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/**
 * Whether a live update matches a search. The server decides for pages (full-text search); this
 * is its approximation for pushes: every word of the query starts a word of the title or summary,
 * ignoring case and accents. A rare live item may be judged differently until the next reload.
 */
export function matchesQuery(update: Update, q: string): boolean {
  const wanted = words(q);
  if (wanted.length === 0) return true;
  const have = words(`${update.title} ${update.summary}`);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/**
 * Whether an update belongs in a filtered view. A tombstone has no text left to search, so a
 * search keeps it only if it was already shown (the caller decides that).
 */
export function matchesFilters(update: Update, filters: Filters): boolean {
  if (!matchesTopics(update, filters.topics)) return false;
  if (filters.source && update.source?.name !== filters.source) return false;
  if (update.status === 'retracted') return true;
  return matchesQuery(update, filters.q);
}

/**
 * Day counts after one live change: `before` and `after` are the update's old and new state (either
 * may be missing), counted only where `counts` says so. Returns a new array, days newest first.
 */
export function adjustDays(
  days: readonly DayCount[],
  before: Update | undefined,
  after: Update | undefined,
  event: EventClock,
  counts: (u: Update) => boolean,
): DayCount[] {
  const byDay = new Map(days.map((d) => [d.day, { ...d, topics: { ...d.topics } }]));
  const shift = (u: Update | undefined, by: number) => {
    if (!u || u.status === 'retracted' || !counts(u)) return;
    const day = dayOf(u, event);
    let entry = byDay.get(day);
    if (!entry) {
      entry = { day, date: dateOfDay(day, event), count: 0, topics: {} };
      byDay.set(day, entry);
    }
    entry.count = Math.max(0, entry.count + by);
    for (const topic of new Set(u.topics)) {
      entry.topics[topic] = Math.max(0, (entry.topics[topic] ?? 0) + by);
    }
  };
  shift(before, -1);
  shift(after, +1);
  return [...byDay.values()].sort((a, b) => b.day - a.day);
}

/** Per-topic totals over some days (an update with two topics counts under both). */
export function topicTotals(days: readonly DayCount[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const day of days) {
    for (const [topic, count] of Object.entries(day.topics))
      totals.set(topic, (totals.get(topic) ?? 0) + count);
  }
  return totals;
}

/** A change is a correction unless the copy on screen already carried that same correction. */
function isNewCorrection(update: Update, before: Update | undefined): boolean {
  if (!before) return true;
  if (before.status !== 'corrected') return true;
  return (
    (update.correctedAt ?? '') !== (before.correctedAt ?? '') ||
    update.title !== before.title ||
    update.summary !== before.summary
  );
}

export interface CatchUpSummary {
  new: number;
  corrected: number;
  retracted: number;
}

/** "12 new, 2 corrected, 1 retracted"; empty parts are left out. */
export function summaryText(summary: CatchUpSummary): string {
  const parts: string[] = [];
  if (summary.new > 0) parts.push(`${summary.new} new`);
  if (summary.corrected > 0) parts.push(`${summary.corrected} corrected`);
  if (summary.retracted > 0) parts.push(`${summary.retracted} retracted`);
  return parts.join(', ');
}

/**
 * What happened while the reader was away, counting each update once by its latest state: a new
 * update that was also corrected in the gap is new; a pin alone is not a correction.
 */
export function summarise(
  changes: readonly Change[],
  counts: (u: Update) => boolean,
  known: (id: string) => Update | undefined = () => undefined,
): CatchUpSummary {
  const latest = new Map<string, Change>();
  for (const change of changes) {
    const seen = latest.get(change.update.id);
    if (!seen || change.update.cursor >= seen.update.cursor) {
      latest.set(
        change.update.id,
        seen?.kind === 'new' && change.kind === 'changed' ? { ...change, kind: 'new' } : change,
      );
    }
  }
  const summary: CatchUpSummary = { new: 0, corrected: 0, retracted: 0 };
  for (const { kind, update } of latest.values()) {
    if (!counts(update)) continue;
    if (kind === 'retracted' || update.status === 'retracted') summary.retracted++;
    else if (kind === 'new') summary.new++;
    else if (update.status === 'corrected' && isNewCorrection(update, known(update.id))) summary.corrected++;
  }
  return summary;
}

/**
 * Why the timeline is empty, in the reader's terms: "No updates from Reuters in Military or
 * Diplomacy match “kyiv”."
 */
export function emptyMessage(filters: Filters, labelOf: (topic: string) => string): string {
  let text = 'No updates';
  if (filters.source) text += ` from ${filters.source}`;
  if (filters.topics.length > 0) text += ` in ${filters.topics.map(labelOf).join(' or ')}`;
  if (filters.q) text += ` match “${filters.q}”`;
  return `${text}.`;
}

export interface ChartSegment {
  topic: string;
  color: string;
  /** Share of the bar, 0–1. */
  share: number;
}

export interface ChartBar {
  kind: 'day';
  day: number;
  date: string;
  count: number;
  /** Bar height as a share of the busiest day, 0–1. */
  height: number;
  segments: ChartSegment[];
  /** "Day 21 · Wed 16 Mar 2022: 14 updates (Military 5, Diplomacy 3)". */
  label: string;
}

/** A long run of days without updates, drawn as one narrow gap instead of a row of empty bars. */
export interface ChartGap {
  kind: 'gap';
  from: number;
  to: number;
  label: string;
}

/** Empty runs longer than this become one gap. */
const longestDrawnGap = 7;

/**
 * The topics the day chart colours: the event's, then the retired ones (removed from the event, still
 * on stored updates), under the last label and colour the server kept, as their cards' chips show
 * them; only an update with no topic at all is grey.
 */
export function chartTopics(event: Pick<Event, 'topics' | 'retiredTopics'>): Topic[] {
  const current = new Set(event.topics.map((t) => t.id));
  return [...event.topics, ...(event.retiredTopics ?? []).filter((t) => !current.has(t.id))];
}

/**
 * Bars for the days-at-a-glance chart, day 1 to the last day with updates. Short runs of empty days
 * are drawn (the axis stays true to time); long ones collapse into a gap. Segments split each bar by
 * topic; an update with two topics counts under both, so shares are of the topic total, and updates
 * with no topic fill the rest in grey.
 */
export function chartBars(
  days: readonly DayCount[],
  topics: readonly Topic[],
  event: EventClock,
): (ChartBar | ChartGap)[] {
  const byDay = new Map(days.filter((d) => d.day >= 1 && d.count > 0).map((d) => [d.day, d]));
  const present = [...byDay.keys()].sort((a, b) => a - b);
  const max = Math.max(1, ...[...byDay.values()].map((d) => d.count));
  const out: (ChartBar | ChartGap)[] = [];
  let previous = 0;
  for (const day of present) {
    const empty = day - previous - 1;
    if (empty > longestDrawnGap) {
      out.push({ kind: 'gap', from: previous + 1, to: day - 1, label: `${empty} days without updates` });
    } else {
      for (let d = previous + 1; d < day; d++) out.push(bar(d, undefined));
    }
    out.push(bar(day, byDay.get(day)));
    previous = day;
  }
  return out;

  function bar(day: number, entry: DayCount | undefined): ChartBar {
    const count = entry?.count ?? 0;
    const perTopic = topics.map((t) => ({ topic: t, n: entry?.topics[t.id] ?? 0 })).filter((t) => t.n > 0);
    const tagged = perTopic.reduce((sum, t) => sum + t.n, 0);
    const scale = Math.max(tagged, count);
    const segments: ChartSegment[] = perTopic.map(({ topic, n }) => ({
      topic: topic.id,
      color: topic.color,
      share: scale > 0 ? n / scale : 0,
    }));
    if (count > tagged) segments.push({ topic: '', color: '', share: (count - tagged) / scale });
    const detail = perTopic.map(({ topic, n }) => `${topic.label} ${n}`).join(', ');
    return {
      kind: 'day',
      day,
      date: entry?.date ?? dateOfDay(day, event),
      count,
      height: count / max,
      segments,
      label: `${dayHeading(day, event)}: ${countLabel(count)}${detail ? ` (${detail})` : ''}`,
    };
  }
}

/**
 * "3 new updates in Military" or "5 new updates: 3 in Military, 2 in Diplomacy". Each update counts
 * under its first topic, so the numbers add up to the total.
 */
export function announcement(updates: readonly Update[], topics: ReadonlyMap<string, Topic>): string {
  const total = updates.length;
  const noun = total === 1 ? 'new update' : 'new updates';
  const byTopic = new Map<string, number>();
  let untagged = 0;
  for (const update of updates) {
    const topic = update.topics.map((id) => topics.get(id)).find((t) => t !== undefined);
    if (topic) byTopic.set(topic.label, (byTopic.get(topic.label) ?? 0) + 1);
    else untagged++;
  }
  if (byTopic.size === 0) return `${total} ${noun}`;
  if (byTopic.size === 1 && untagged === 0) return `${total} ${noun} in ${[...byTopic.keys()][0]}`;
  const parts = [...byTopic].map(([label, count]) => `${count} in ${label}`);
  if (untagged > 0) parts.push(`${untagged} other`);
  return `${total} ${noun}: ${parts.join(', ')}`;
}
