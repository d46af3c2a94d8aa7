import type { Update } from '@dayline/shared';
import type { Store } from '../store/store.js';
import type { EditorDecision } from './queries.js';

/** Marks labels that came from editors, where the evaluation sets name their dev/test halves. */
const split = 'editor';

/** Editors' topic decisions as labels, in the shape of server/test/fixtures/tagging.json. */
export interface TaggingLabels {
  description: string;
  items: {
    id: string;
    split: string;
    source: string;
    title: string;
    summary: string;
    topics: string[];
    /** Topics an editor took off: the rules gave them and they were wrong. */
    removed: string[];
  }[];
}

/** Editors' story decisions as labels, in the shape of server/test/fixtures/clustering-pairs.json. */
export interface ClusteringLabels {
  description: string;
  updates: {
    id: string;
    /** The story the update is in now. */
    story: string;
    split: string;
    source: string;
    publishedAt: string;
    title: string;
    summary: string;
  }[];
  pairs: { a: string; b: string; same: boolean; kind: string; split: string }[];
}

/**
 * Every editor decision on the event's topics and stories, as labelled data: per update, the
 * topics editors kept (added or confirmed, their latest word on each) and the ones they removed;
 * per pair of updates, whether an editor said they are one story (a merge) or not (a split), the
 * latest word on each pair. Retracted updates are left out (their text is gone).
 */
export async function exportLabels(
  store: Store,
  event: string,
): Promise<{ tagging: TaggingLabels; clustering: ClusteringLabels }> {
  const decisions = await store.decisions.list(event);
  const topics = new Map<string, Map<string, EditorDecision>>();
  const pairs = new Map<string, EditorDecision & { otherId: string }>();
  for (const d of decisions) {
    if ('topic' in d) {
      const byTopic = topics.get(d.updateId) ?? new Map<string, EditorDecision>();
      byTopic.set(d.topic, d);
      topics.set(d.updateId, byTopic);
    } else {
      const [a, b] = [d.updateId, d.otherId].sort() as [string, string];
      pairs.set(`${a}\n${b}`, { ...d, updateId: a, otherId: b });
    }
  }
  const ids = [
    ...new Set([...topics.keys(), ...[...pairs.values()].flatMap((p) => [p.updateId, p.otherId])]),
  ];
  const updates = new Map<string, Update>();
  for (let i = 0; i < ids.length; i += 200) {
    for (const u of await store.getUpdates(ids.slice(i, i + 200))) {
      if (u.status !== 'retracted') updates.set(u.id, u);
    }
  }
  const storyIds = await store.storyIdsOf([...updates.keys()]);
  const text = (u: Update) => ({ source: u.source?.name ?? '', title: u.title, summary: u.summary });

  const items: TaggingLabels['items'] = [];
  for (const [id, byTopic] of topics) {
    const update = updates.get(id);
    if (!update) continue;
    const verdicts = [...byTopic.values()] as (EditorDecision & { topic: string })[];
    const kept = verdicts.filter((d) => d.verdict !== 'removed').map((d) => d.topic);
    // The editor's order is the update's; topics decided on are listed in it.
    kept.sort((a, b) => update.topics.indexOf(a) - update.topics.indexOf(b));
    items.push({
      id,
      split,
      ...text(update),
      topics: kept,
      removed: verdicts.filter((d) => d.verdict === 'removed').map((d) => d.topic),
    });
  }

  const labelled: ClusteringLabels['pairs'] = [];
  for (const p of pairs.values()) {
    if (!updates.has(p.updateId) || !updates.has(p.otherId)) continue;
    const same = p.verdict === 'same';
    labelled.push({ a: p.updateId, b: p.otherId, same, kind: same ? 'editor-merge' : 'editor-split', split });
  }
  const inPairs = new Set(labelled.flatMap((p) => [p.a, p.b]));
  const clusteringUpdates = [...inPairs].flatMap((id) => {
    const u = updates.get(id);
    return u ? [{ id, story: storyIds.get(id) ?? id, split, publishedAt: u.publishedAt, ...text(u) }] : [];
  });
  clusteringUpdates.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));

  return {
    tagging: {
      description: `Editors' topic decisions on the event "${event}": per update, the topics editors kept (added or confirmed) and the ones they removed. Exported by npm run export-labels.`,
      items,
    },
    clustering: {
      description: `Editors' story decisions on the event "${event}": pairs of updates an editor merged into one story (same) or split apart (different). Exported by npm run export-labels.`,
      updates: clusteringUpdates,
      pairs: labelled,
    },
  };
}
