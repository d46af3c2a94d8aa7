import type { TopicReasons, Update } from '@dayline/shared';
import type { Clock } from '../clock.js';
import type { CommitStep } from '../commit/commit.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import { withEditorDecisions } from '../decisions/topics.js';
import type { Store } from '../store/store.js';
import type { TopicExplanation } from './tagger.js';

/**
 * The event's current rules applied to a stored update: explicit, source and category reasons are
 * kept as inputs; keyword and regex ones are redone.
 */
export function ruleStored(
  event: EventRuntime,
  update: { title: string; summary: string; source: string | null; topicReasons: TopicReasons },
): TopicExplanation {
  const reasons = Object.entries(update.topicReasons);
  const given = (rule: string) => reasons.filter(([, rs]) => rs.some((r) => r.rule === rule));
  return event.tagger.explain({
    title: update.title,
    summary: update.summary,
    explicit: given('explicit').map(([topic]) => topic),
    sourceTopics: given('source').map(([topic]) => topic),
    ...(update.source ? { source: update.source } : {}),
    categories: reasons.flatMap(([, rs]) => rs.filter((r) => r.rule === 'category').map((r) => r.match)),
  });
}

/**
 * Applies the event's current topic rules to every stored update (after the rules changed).
 * Explicit, source and category reasons are kept as inputs; keyword and regex ones are redone.
 * Editors' decisions outrank the rules (decisions/topics.ts): a topic an editor removed stays
 * removed, one an editor added or confirmed stays. An update whose topics change gets a new version
 * (status unchanged) and goes out as a change.
 */
export async function retag(
  deps: { store: Store; events: EventCatalog; commit: CommitStep; clock: Clock },
  eventSlug: string,
  /** Called after each page of updates, with the counts so far. */
  onProgress?: (progress: { checked: number; changed: number }) => Promise<void> | void,
): Promise<{ checked: number; changed: number }> {
  const { store, events, commit, clock } = deps;
  const event = events.get(eventSlug);
  let checked = 0;
  let changed = 0;
  let before: string | null = null;
  const known = new Set(event.config.topics.map((t) => t.id));
  do {
    const page: { items: Update[]; next: string | null } = await store.listUpdates(event.config.slug, {
      limit: 200,
      ...(before ? { before } : {}),
    });
    const decided = await store.decisions.topicDecisions(page.items.map((u) => u.id));
    for (const update of page.items) {
      checked += 1;
      const ruled = ruleStored(event, {
        title: update.title,
        summary: update.summary,
        source: update.source?.name ?? null,
        topicReasons: update.topicReasons ?? {},
      });
      const explained = withEditorDecisions(ruled, decided.get(update.id) ?? [], known, update.topics);
      if (JSON.stringify(explained.topics) === JSON.stringify(update.topics)) continue;
      const at = clock.now().toISOString();
      await commit.change(update.id, 'changed', (current) =>
        current.status === 'retracted'
          ? undefined
          : {
              kind: 'corrected',
              fields: { topics: explained.topics, topicReasons: explained.reasons },
              note: 'Topics re-tagged with the current rules',
              at,
            },
      );
      changed += 1;
    }
    before = page.next;
    await onProgress?.({ checked, changed });
  } while (before);
  return { checked, changed };
}
