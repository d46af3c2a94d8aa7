import { topicsById, type Event } from '@dayline/shared';

/**
 * A label for any topic id the console may meet: the event's own topics by their label, a removed
 * one by the last label the server kept for it (`event.retiredTopics`), marked as removed, so an
 * editor never reads a raw id and never mistakes it for a topic they can still choose.
 */
export function topicLabels(event: Event): (id: string) => string {
  const known = topicsById(event);
  const current = new Set(event.topics.map((t) => t.id));
  return (id) => {
    const label = known.get(id)?.label;
    if (current.has(id)) return label ?? id;
    return label ? `${label} (removed)` : 'A removed topic';
  };
}
