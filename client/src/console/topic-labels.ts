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

/**
 * What the queue says of an item's topics that were removed from the event since it arrived:
 * approving drops them. Named by their last label; empty when there are none.
 */
export function droppedTopicsNotice(event: Event, dropped: readonly string[] | undefined): string {
  if (!dropped?.length) return '';
  const known = topicsById(event);
  const names = dropped.map((id) => known.get(id)?.label ?? 'A removed topic');
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return names.length === 1
    ? `${list} is no longer a topic: it will be dropped on approval.`
    : `${list} are no longer topics: they will be dropped on approval.`;
}
