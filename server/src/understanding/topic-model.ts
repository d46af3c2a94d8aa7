import type { TopicReason } from '@dayline/shared';
import type { TopicExplanation } from '../topics/tagger.js';
import { embeddingModel } from './embedder.js';
import { prf, type Counts, type Prf } from './evaluate.js';
import { defaultTrainOptions, predict, train, type LogisticModel, type TrainOptions } from './logistic.js';

/**
 * Topics: the rules propose, the model decides, editors overrule. Per topic, a logistic regression
 * on the update's sentence vector gives a probability, and two thresholds chosen on held-out folds
 * of the training data decide:
 *
 * - a topic the rules found by keyword or regex only is kept when its probability is at least
 *   `veto` (low: the model only vetoes rule hits it is fairly sure are wrong);
 * - a topic no rule found is added when its probability is at least `add` (high);
 * - explicit, source, category and editor reasons are never overruled.
 *
 * Each kept or added topic says why: the rule and its words, and `model` with the probability.
 */

export interface TopicClassifier extends LogisticModel {
  /** A keyword/regex hit is kept from this probability up. */
  veto: number;
  /** A topic no rule found is added from this probability up. */
  add: number;
  /** Cross-validated on the training data, with the thresholds above. */
  crossValidated: Prf & Counts;
  /** Positive examples in the training data. */
  positives: number;
}

/** A trained model as committed (server/models/SLUG.json): the weights and how they were made. */
export interface TopicModelFile {
  event: string;
  embedding: { name: string; package: string; dimensions: number };
  trainedAt: string;
  /** What it learnt from: labelled splits and editor decisions, and how many updates in all. */
  data: { splits: string[]; updates: number; editorDecisions: number };
  options: Required<TrainOptions> & { folds: number };
  /** Micro-averaged over all topics, cross-validated on the training data. */
  crossValidated: Prf & Counts;
  topics: Record<string, TopicClassifier>;
}

/** One labelled update for training: its vector, its labels, and what the rules gave it. */
export interface TrainingExample {
  vector: ArrayLike<number>;
  topics: readonly string[];
  /** Topics the keyword and regex rules gave it (the candidates the model judges). */
  ruleTopics: readonly string[];
  /**
   * The topics it is labelled for, when not all: an editor's decision labels only the topics the
   * editor confirmed or removed. Unset: labelled for every topic (a labelled evaluation set).
   */
  known?: readonly string[];
}

/** The examples labelled for a topic. */
function labelledFor(examples: readonly TrainingExample[], topic: string): TrainingExample[] {
  return examples.filter((e) => !e.known || e.known.includes(topic));
}

/** Reasons the model never overrules: the update or its source was given the topic by a person. */
const editorial = new Set<TopicReason['rule']>(['explicit', 'source', 'category']);

function isEditorial(reasons: readonly TopicReason[] | undefined): boolean {
  return (reasons ?? []).some((r) => editorial.has(r.rule) || (r.rule as string) === 'editor');
}

export function decideTopic(
  probability: number,
  ruleHit: boolean,
  c: Pick<TopicClassifier, 'veto' | 'add'>,
): boolean {
  return ruleHit ? probability >= c.veto : probability >= c.add;
}

function modelReason(probability: number): TopicReason {
  return { rule: 'model', match: probability.toFixed(2), probability: round(probability, 4) };
}

export interface ModelExplanation extends TopicExplanation {
  /** Rule topics the model vetoed, with their probability. */
  vetoed: Record<string, number>;
  /** Every topic's probability. */
  probabilities: Record<string, number>;
}

/** The rules' explanation of an update, decided by the model from the update's vector. */
export function applyTopicModel(
  explanation: TopicExplanation,
  vector: ArrayLike<number>,
  model: Pick<TopicModelFile, 'topics'>,
  topicOrder: readonly string[],
): ModelExplanation {
  const reasons: Record<string, TopicReason[]> = {};
  const vetoed: Record<string, number> = {};
  const probabilities: Record<string, number> = {};
  const kept = new Set<string>();
  for (const topic of explanation.topics) {
    const given = explanation.reasons[topic] ?? [];
    const classifier = model.topics[topic];
    if (!classifier || isEditorial(given)) {
      kept.add(topic);
      reasons[topic] = given;
      continue;
    }
    const p = predict(classifier, vector);
    probabilities[topic] = p;
    if (decideTopic(p, true, classifier)) {
      kept.add(topic);
      reasons[topic] = [...given, modelReason(p)];
    } else vetoed[topic] = p;
  }
  for (const topic of topicOrder) {
    const classifier = model.topics[topic];
    if (!classifier || topic in probabilities || kept.has(topic)) continue;
    const p = predict(classifier, vector);
    probabilities[topic] = p;
    if (decideTopic(p, false, classifier)) {
      kept.add(topic);
      reasons[topic] = [modelReason(p)];
    }
  }
  const explicitFirst = explanation.topics.filter((t) => kept.has(t) && isExplicit(explanation.reasons[t]));
  const rest = topicOrder.filter((t) => kept.has(t) && !explicitFirst.includes(t));
  const others = [...kept].filter((t) => !explicitFirst.includes(t) && !rest.includes(t));
  return {
    topics: [...explicitFirst, ...rest, ...others],
    reasons,
    excluded: explanation.excluded,
    vetoed,
    probabilities,
  };
}

function isExplicit(reasons: readonly TopicReason[] | undefined): boolean {
  return (reasons ?? []).some((r) => r.rule === 'explicit');
}

const thresholdGrid = Array.from({ length: 49 }, (_, k) => round(0.02 * (k + 1), 2));

/** The veto and add thresholds that give the best F1 on out-of-fold probabilities. */
function chooseThresholds(
  probabilities: readonly number[],
  ruleHits: readonly boolean[],
  labels: readonly boolean[],
): { veto: number; add: number; counts: Counts } {
  let best = { f1: -1, veto: 0, add: 1.01, counts: { tp: 0, fp: 0, fn: 0 } };
  for (const veto of [0, ...thresholdGrid])
    for (const add of [...thresholdGrid, 1.01]) {
      const counts = { tp: 0, fp: 0, fn: 0 };
      probabilities.forEach((p, i) => {
        const got = decideTopic(p, ruleHits[i]!, { veto, add });
        if (got && labels[i]) counts.tp++;
        else if (got) counts.fp++;
        else if (labels[i]) counts.fn++;
      });
      const { f1 } = prf(counts);
      if (f1 > best.f1 + 1e-9) best = { f1, veto, add, counts };
    }
  return best;
}

/**
 * Trains one classifier per topic and chooses its thresholds by k-fold cross-validation (folds by
 * position, so a retrain on the same data gives the same model).
 */
export function trainTopicModel(
  examples: readonly TrainingExample[],
  topics: readonly string[],
  meta: { event: string; splits: string[]; editorDecisions: number; trainedAt: string },
  options: TrainOptions & { folds?: number } = {},
): TopicModelFile {
  const { folds = 5, ...rest } = options;
  const trainOptions = { ...defaultTrainOptions, ...rest };
  const classifiers: Record<string, TopicClassifier> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const topic of topics) {
    const labelled = labelledFor(examples, topic);
    const vectors = labelled.map((e) => e.vector);
    const labels = labelled.map((e) => e.topics.includes(topic));
    const ruleHits = labelled.map((e) => e.ruleTopics.includes(topic));
    const outOfFold = new Array<number>(labelled.length).fill(0);
    for (let fold = 0; fold < folds; fold++) {
      const trainIdx = labelled.map((_, i) => i).filter((i) => i % folds !== fold);
      const m = train(
        trainIdx.map((i) => vectors[i]!),
        trainIdx.map((i) => labels[i]!),
        trainOptions,
      );
      for (let i = fold; i < labelled.length; i += folds) outOfFold[i] = predict(m, vectors[i]!);
    }
    const { veto, add, counts } = chooseThresholds(outOfFold, ruleHits, labels);
    const full = train(vectors, labels, trainOptions);
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    classifiers[topic] = {
      weights: full.weights.map((w) => round(w, 6)),
      bias: round(full.bias, 6),
      veto,
      add,
      crossValidated: { ...counts, ...roundPrf(prf(counts)) },
      positives: labels.filter(Boolean).length,
    };
  }
  return {
    event: meta.event,
    embedding: { ...embeddingModel },
    trainedAt: meta.trainedAt,
    data: { splits: meta.splits, updates: examples.length, editorDecisions: meta.editorDecisions },
    options: { ...trainOptions, folds },
    crossValidated: { ...total, ...roundPrf(prf(total)) },
    topics: classifiers,
  };
}

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

function roundPrf(p: Prf): Prf {
  return { precision: round(p.precision, 4), recall: round(p.recall, 4), f1: round(p.f1, 4) };
}
