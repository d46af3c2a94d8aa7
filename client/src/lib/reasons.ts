import { topicRules, type TopicReason, type Update } from '@dayline/shared';

export type { TopicReason } from '@dayline/shared';

const rules = new Set<TopicReason['rule']>(topicRules);

function isReason(value: unknown): value is TopicReason {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    rules.has(r.rule as TopicReason['rule']) &&
    typeof r.match === 'string' &&
    (r.pattern === undefined || typeof r.pattern === 'string')
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

/** "keyword “shelling”", "feed category “Power”", "from the source", "set by the editor". */
export function reasonText(reason: TopicReason): string {
  switch (reason.rule) {
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
export function reasonsSentence(label: string, reasons: readonly TopicReason[]): string {
  const parts = [...new Set(reasons.map(reasonText))];
  return `${label}: ${parts.join(', ')}`;
}
