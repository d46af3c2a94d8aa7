import { topicRules, type TopicReason, type Update } from '@dayline/shared';
import { dateTime } from './format.js';

export type { TopicReason } from '@dayline/shared';

const rules = new Set<TopicReason['rule']>(topicRules);

function isReason(value: unknown): value is TopicReason {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    rules.has(r.rule as TopicReason['rule']) &&
    typeof r.match === 'string' &&
    (r.pattern === undefined || typeof r.pattern === 'string') &&
    (r.by === undefined || typeof r.by === 'string') &&
    (r.at === undefined || typeof r.at === 'string')
  );
}

/**
 * The reasons recorded for one topic of an update; none for updates stored before reasons were
 * kept. Read defensively: the field is optional, and a malformed entry is better left out than shown.
 */
export function reasonsFor(update: Update, topic: string): TopicReason[] {
  const all: unknown = (update as { topicReasons?: unknown }).topicReasons;
  if (typeof all !== 'object' || all === null || !Object.hasOwn(all, topic)) return [];
  const list: unknown = (all as Record<string, unknown>)[topic];
  return Array.isArray(list) ? list.filter(isReason) : [];
}

const quoted = (text: string) => `“${text}”`;

/**
 * "keyword “shelling”", "feed category “Power”", "from the source", "set by the editor",
 * "editor Ana, 16 Mar, 09:12" (an editor's decision, at the event's clock `timeZone`).
 */
export function reasonText(reason: TopicReason, timeZone = 'UTC'): string {
  switch (reason.rule) {
    case 'editor': {
      const who = reason.by ? ` ${reason.by}` : '';
      const at =
        reason.at && !Number.isNaN(Date.parse(reason.at)) ? `, ${dateTime(reason.at, timeZone)}` : '';
      return `editor${who}${at}`;
    }
    case 'explicit':
      return 'set by the editor';
    case 'source':
      return 'from the source';
    case 'category':
      return `feed category ${quoted(reason.match)}`;
    case 'keyword': {
      // "refugee" matching "Refugees": name the rule, and the words it found when they differ.
      const { match, pattern } = reason;
      if (!pattern || pattern.toLowerCase() === match.toLowerCase()) return `keyword ${quoted(match)}`;
      return `keyword ${quoted(pattern)} (${quoted(match)})`;
    }
    case 'regex':
      return `pattern matching ${quoted(reason.match)}`;
    case 'model':
      return `topic model (${reason.match})`;
  }
}

/** "Military: keyword “shelling”, feed category “Defence”", each rule once, in the order given. */
export function reasonsSentence(label: string, reasons: readonly TopicReason[], timeZone = 'UTC'): string {
  const parts = [...new Set(reasons.map((r) => reasonText(r, timeZone)))];
  return `${label}: ${parts.join(', ')}`;
}
