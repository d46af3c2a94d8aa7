import { StoryIndex, type StoryIndexOptions } from './story-index.js';

/** The shape of server/test/fixtures/clustering-pairs.json. */
export interface ClusteringFixture {
  updates: {
    id: string;
    /** Which story the update tells: updates of one story are the same story, all others are not. */
    story: string;
    split: Split;
    source: string;
    publishedAt: string;
    title: string;
    summary: string;
  }[];
  pairs: { a: string; b: string; same: boolean; kind: string; split: Split }[];
}

export type Split = 'dev' | 'test';

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringEvaluation {
  /** Would the later update of a pair join the earlier one, were it its best match? */
  pairwise: Scores;
  /** Did the pair end up in one story after the whole set went through the index in time order? */
  clustered: Scores;
  /** Per pair kind: how many pairs, and how many `clustered` got wrong. */
  byKind: Record<string, { pairs: number; wrong: number }>;
}

export function scores(tp: number, fp: number, fn: number, tn: number): Scores {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1,
  };
}

/**
 * Streams every update of the fixture through a fresh index in publication order, evicting as a
 * live server would, and scores the labelled pairs of the chosen split. All updates go through the
 * index whatever the split, so the other half is background noise, as other stories are in a real
 * event. `vectors` gives updates their sentence vectors by id (without it, words only).
 */
export function evaluateClustering(
  fixture: ClusteringFixture,
  options: StoryIndexOptions = {},
  split?: Split,
  vectors?: ReadonlyMap<string, ArrayLike<number>>,
): ClusteringEvaluation {
  const index = new StoryIndex(options);
  const updates = [...fixture.updates].sort(
    (a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? -1 : 1),
  );
  const pairs = fixture.pairs.filter((p) => !split || p.split === split);
  const pairsOf = new Map<string, typeof pairs>();
  for (const pair of pairs) {
    for (const id of [pair.a, pair.b]) pairsOf.set(id, [...(pairsOf.get(id) ?? []), pair]);
  }

  const storyOf = new Map<string, string>();
  const pairScore = new Map<(typeof pairs)[number], number>();
  for (const update of updates) {
    const at = new Date(update.publishedAt);
    index.evict(at);
    const { storyId } = index.add({
      id: update.id,
      title: update.title,
      summary: update.summary,
      at,
      source: update.source,
      ...(vectors?.has(update.id) ? { vector: vectors.get(update.id)! } : {}),
    });
    storyOf.set(update.id, storyId);
    for (const pair of pairsOf.get(update.id) ?? []) {
      const other = pair.a === update.id ? pair.b : pair.a;
      if (storyOf.has(other)) pairScore.set(pair, index.compare(update.id, other));
    }
  }

  const threshold = index.options.threshold;
  const count = { pairwise: [0, 0, 0, 0], clustered: [0, 0, 0, 0] };
  const byKind: Record<string, { pairs: number; wrong: number }> = {};
  const tally = (counts: number[], predicted: boolean, same: boolean): void => {
    counts[same ? (predicted ? 0 : 2) : predicted ? 1 : 3]!++;
  };
  for (const pair of pairs) {
    const together = storyOf.get(pair.a) === storyOf.get(pair.b);
    tally(count.pairwise, (pairScore.get(pair) ?? 0) >= threshold, pair.same);
    tally(count.clustered, together, pair.same);
    const kind = (byKind[pair.kind] ??= { pairs: 0, wrong: 0 });
    kind.pairs++;
    if (together !== pair.same) kind.wrong++;
  }
  const [ptp, pfp, pfn, ptn] = count.pairwise as [number, number, number, number];
  const [ctp, cfp, cfn, ctn] = count.clustered as [number, number, number, number];
  return { pairwise: scores(ptp, pfp, pfn, ptn), clustered: scores(ctp, cfp, cfn, ctn), byKind };
}
