import { dayOfConflict, type DayCount, type EventClock, type Topic, type Update } from '@dayline/shared';

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

/** Two copies of one update may arrive (page and push, or a replay after reconnect): the higher version wins. */
export function isNewer(incoming: Update, current: Update | undefined): boolean {
  return current === undefined || incoming.version > current.version;
}

/** Merges updates into a map by id, keeping the highest version of each; returns how many changed. */
export function mergeUpdates(items: Map<string, Update>, incoming: Iterable<Update>): number {
  let changed = 0;
  for (const update of incoming) {
    if (!isNewer(update, items.get(update.id))) continue;
    items.set(update.id, update);
    changed++;
  }
  return changed;
}

// dayOfConflict goes through Intl for every call; grouping re-runs on every change, so remember answers.
const dayCache = new Map<string, number>();
const dayCacheLimit = 10_000;

/** The day of an update, computed from its instant in the event's zone (the same function the server uses). */
export function dayOf(update: Update, event: EventClock): number {
  const key = `${event.timeZone}|${event.startDate}|${update.publishedAt}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    try {
      day = dayOfConflict(update.publishedAt, event);
    } catch {
      day = update.day;
    }
    if (dayCache.size >= dayCacheLimit) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

export function groupKey(day: number): number {
  return day < 1 ? BEFORE_DAY_ONE : day;
}

/** Groups updates by day of the event, days newest first ("Before day 1" last), items newest first. */
export function groupByDay(items: Iterable<Update>, event: EventClock): DayGroup[] {
  const groups = new Map<number, Update[]>();
  for (const update of items) {
    const key = groupKey(dayOf(update, event));
    const group = groups.get(key);
    if (group) group.push(update);
    else groups.set(key, [update]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b - a)
    .map(([day, group]) => ({ day, items: group.sort(compareUpdates) }));
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

/** The topics of `?topics=a,b`, trimmed and without repeats. */
export function parseTopics(search: string): string[] {
  const value = new URLSearchParams(search).get('topics') ?? '';
  return [
    ...new Set(
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The URL with `?topics=` set to the given list (removed when empty), other parameters kept. Commas
 * stay literal so shared links read as `?topics=a,b`.
 */
export function withTopics(href: string, topics: readonly string[]): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  params.delete('topics');
  const parts = params.toString() ? [params.toString()] : [];
  if (topics.length > 0) parts.push(`topics=${topics.map(encodeURIComponent).join(',')}`);
  url.search = parts.length > 0 ? `?${parts.join('&')}` : '';
  return url.pathname + url.search + url.hash;
}

/** Keeps only known topic ids, in the event's own order, so equal selections give equal URLs. */
export function normaliseTopics(selected: readonly string[], known: readonly string[]): string[] {
  return known.filter((id) => selected.includes(id));
}

/** The highest change cursor among some updates, or null for none. */
export function maxCursor(items: Iterable<Update>): number | null {
  let max: number | null = null;
  for (const update of items) if (max === null || update.cursor > max) max = update.cursor;
  return max;
}

export function topicIndex(topics: readonly Topic[]): ReadonlyMap<string, Topic> {
  return new Map(topics.map((topic) => [topic.id, topic]));
}
