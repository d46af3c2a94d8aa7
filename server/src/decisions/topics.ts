import type { TopicReason, TopicReasons, Update } from '@dayline/shared';
import type { EditorDecision, TopicDecision } from './queries.js';

const editorReason = (topic: string, by: string, at: string): TopicReason => ({
  rule: 'editor',
  match: topic,
  by,
  at,
});

const isEditors = (reasons: readonly TopicReason[] | undefined) =>
  reasons?.some((r) => r.rule === 'editor') ?? false;

/**
 * An editor's choice of an update's topics (the desk's Topics, a PATCH with `topics`), decided
 * from its current state: each chosen topic it had is confirmed, each it lacked is added, each it
 * had and is not chosen is removed. A topic the editor already decided on keeps its reason (who
 * and when); the rules' reasons stay after the editor's, for the record.
 */
export function decideEditorTopics(
  current: Update,
  chosen: readonly string[],
  by: string,
  at: string,
): { topics: string[]; topicReasons: TopicReasons; decisions: EditorDecision[] } {
  const topics = [...new Set(chosen)];
  const was = current.topicReasons ?? {};
  const topicReasons: TopicReasons = {};
  const decisions: EditorDecision[] = [];
  const decision = { event: current.event, at, actor: by, updateId: current.id };
  for (const topic of topics) {
    const had = current.topics.includes(topic);
    if (had && isEditors(was[topic])) {
      topicReasons[topic] = was[topic] ?? [];
      continue;
    }
    decisions.push({ ...decision, topic, verdict: had ? 'confirmed' : 'added' });
    topicReasons[topic] = [
      editorReason(topic, by, at),
      ...(was[topic] ?? []).filter((r) => r.rule !== 'editor'),
    ];
  }
  for (const topic of current.topics) {
    if (!topics.includes(topic)) decisions.push({ ...decision, topic, verdict: 'removed' });
  }
  return { topics, topicReasons, decisions };
}

/**
 * The rules' topics with the editors' word over them (retag): a topic an editor removed stays
 * removed whatever matches; one an editor added or confirmed stays, first, with the editor's reason
 * before the rules'. Topics the event no longer has are dropped, the editor's too.
 */
export function withEditorDecisions(
  ruled: { topics: string[]; reasons: TopicReasons },
  decisions: readonly TopicDecision[],
  known: ReadonlySet<string>,
  currentOrder: readonly string[],
): { topics: string[]; reasons: TopicReasons } {
  if (decisions.length === 0) return ruled;
  const kept = decisions.filter((d) => d.verdict !== 'removed' && known.has(d.topic));
  const decided = new Set(decisions.map((d) => d.topic));
  const rank = (topic: string) => {
    const i = currentOrder.indexOf(topic);
    return i === -1 ? currentOrder.length : i;
  };
  kept.sort((a, b) => rank(a.topic) - rank(b.topic));
  const topics = [...kept.map((d) => d.topic), ...ruled.topics.filter((t) => !decided.has(t))];
  const reasons: TopicReasons = {};
  for (const d of kept) {
    reasons[d.topic] = [
      editorReason(d.topic, d.actor, d.at),
      ...(ruled.reasons[d.topic] ?? []).filter((r) => r.rule !== 'editor'),
    ];
  }
  for (const topic of topics) reasons[topic] ??= ruled.reasons[topic] ?? [];
  return { topics, reasons };
}
