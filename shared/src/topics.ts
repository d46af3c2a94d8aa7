import type { Event, Topic } from './schemas.js';

// No zod here (types only): the reader's bundle imports this without the schemas.

/**
 * Every topic an update of the event may carry, by id: its topics, then the retired ones with their
 * last label (what cards, feeds and the console show). Filters and choices use `event.topics` only.
 */
export function topicsById(event: Pick<Event, 'topics' | 'retiredTopics'>): ReadonlyMap<string, Topic> {
  return new Map([...(event.retiredTopics ?? []), ...event.topics].map((topic) => [topic.id, topic]));
}
