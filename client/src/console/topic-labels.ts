import type { Event } from '@dayline/shared';

/**
 * Topic labels the console has seen, per event, kept in this browser: a topic removed from the
 * event still shows the label it last had (a feed or a queued item may name it), never its raw id.
 */
const key = (slug: string) => `dayline:topic-labels:${slug}`;

function remembered(slug: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(key(slug)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Remembers the event's labels now, and answers with a label for any id. */
export function topicLabels(event: Event): (id: string) => string {
  const known = remembered(event.slug);
  for (const topic of event.topics) known[topic.id] = topic.label;
  try {
    localStorage.setItem(key(event.slug), JSON.stringify(known));
  } catch {
    // Private browsing without storage: the current labels still serve.
  }
  const current = new Set(event.topics.map((t) => t.id));
  return (id) => {
    const label = known[id];
    if (current.has(id)) return label ?? id;
    return label ? `${label} (removed)` : 'A removed topic';
  };
}
