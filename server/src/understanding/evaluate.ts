/**
 * Scoring of topic decisions against a labelled set (server/test/fixtures/tagging.json and
 * blind-r5-tagging.json share its shape): micro-averaged over (update, topic) decisions, and per
 * topic. One place for the arithmetic, so the rules, the model and their combination are scored
 * alike. docs/quality.md.
 */

/** One labelled update of a tagging fixture. */
export interface LabelledUpdate {
  id: string;
  split: string;
  title: string;
  summary: string;
  source?: string;
  categories?: string[];
  topics: string[];
}

export interface TaggingFixture {
  items: LabelledUpdate[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface TopicScores extends Prf, Counts {
  updates: number;
  perTopic: Record<string, Prf & Counts>;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Scores `decide` on the items: micro-averaged, and per topic over `topics`. */
export function scoreTopics(
  items: readonly LabelledUpdate[],
  topics: readonly string[],
  decide: (item: LabelledUpdate) => readonly string[],
): TopicScores {
  const per = new Map<string, Counts>(topics.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const add = (topic: string, key: keyof Counts): void => {
    total[key]++;
    const c = per.get(topic) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    per.set(topic, c);
  };
  for (const item of items) {
    const got = new Set(decide(item));
    const want = new Set(item.topics);
    for (const topic of got) add(topic, want.has(topic) ? 'tp' : 'fp');
    for (const topic of want) if (!got.has(topic)) add(topic, 'fn');
  }
  return {
    updates: items.length,
    ...total,
    ...prf(total),
    perTopic: Object.fromEntries([...per].map(([t, c]) => [t, { ...c, ...prf(c) }])),
  };
}
