import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukraineWar } from '../support/ukraine-war.js';
import { TopicTagger } from '../../src/topics/tagger.js';
import { Embedder, embeddingText } from '../../src/understanding/embedder.js';
import { scoreTopics, type LabelledUpdate, type TaggingFixture } from '../../src/understanding/evaluate.js';
import {
  applyTopicModel,
  trainTopicModel,
  type TopicModelFile,
} from '../../src/understanding/topic-model.js';
import { readTopicModel } from '../../src/understanding/train.js';

/**
 * The committed topic model (server/models/ukraine-war.json, trained by `npm run train -- --event
 * ukraine-war` on dev, test and holdout-r2 only) deciding the rules' topics, on the three blind
 * splits: holdout-r3, holdout-r4 and blind-r5, none of which it or its thresholds saw. The real
 * embedding model runs in its worker thread. docs/quality.md, "Understanding".
 */
const read = (name: string): LabelledUpdate[] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as TaggingFixture).items;
const items = [...read('tagging.json'), ...read('blind-r5-tagging.json')];
const blindSplits = ['holdout-r3', 'holdout-r4', 'blind-r5'];
const inSample = ['dev', 'test', 'holdout-r2'];
const topicConfigs = ukraineWar.topics;
const topicIds = topicConfigs.map((t) => t.id);
const tagger = new TopicTagger(topicConfigs);

/**
 * Measured with this model (docs/quality.md): guards at those levels. The agreed floors (F1 ≥ 0.85
 * on every blind split, ≥ 0.88 over all three) are not met; see the todo below.
 */
const measured: Record<string, number> = {
  'holdout-r3': 0.772,
  'holdout-r4': 0.856,
  'blind-r5': 0.827,
  all: 0.82,
};

const embedder = new Embedder();
const vectors = new Map<string, Float32Array>();
let model: TopicModelFile;

beforeAll(async () => {
  model = (await readTopicModel('ukraine-war'))!;
  const all = await embedder.embed(items.map(embeddingText));
  items.forEach((item, i) => vectors.set(item.id, all[i]!));
}, 600_000);
afterAll(() => embedder.close());

const withModel = (m: TopicModelFile) => (item: LabelledUpdate) =>
  applyTopicModel(tagger.explain(item), vectors.get(item.id)!, m, topicIds).topics;
const rulesOnly = (item: LabelledUpdate) => tagger.explain(item).topics;
const of = (splits: readonly string[]) => items.filter((i) => splits.includes(i.split));

describe('topics: the rules propose, the model decides (blind splits)', () => {
  it('was trained on the older splits only, with the packaged embedding model', () => {
    expect(model.data.splits).toEqual(inSample);
    expect(model.data.updates).toBe(of(inSample).length);
    expect(model.embedding.dimensions).toBe(512);
    expect(Object.keys(model.topics)).toEqual(topicIds);
  });

  it.each(blindSplits)('beats the rules alone on %s and keeps its measured level', (split) => {
    const rules = scoreTopics(of([split]), topicIds, rulesOnly);
    const combined = scoreTopics(of([split]), topicIds, withModel(model));
    expect(combined.f1).toBeGreaterThan(rules.f1);
    expect(combined.f1).toBeGreaterThanOrEqual(measured[split]! - 0.005);
  });

  it('keeps its measured level over all blind splits together', () => {
    const combined = scoreTopics(of(blindSplits), topicIds, withModel(model));
    expect(combined.f1).toBeGreaterThanOrEqual(measured.all! - 0.005);
  });

  it.todo('meets the floors: F1 ≥ 0.85 on every blind split and ≥ 0.88 over all of them');

  it('says why: rule hits it keeps carry the model and its probability, added topics the model alone', () => {
    for (const item of of(blindSplits)) {
      const decided = applyTopicModel(tagger.explain(item), vectors.get(item.id)!, model, topicIds);
      for (const topic of decided.topics) {
        const reasons = decided.reasons[topic]!;
        const modelReason = reasons.find((r) => r.rule === 'model');
        expect(modelReason?.probability).toBeGreaterThanOrEqual(0);
        expect(Math.abs(Number(modelReason!.match) - modelReason!.probability!)).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      }
      for (const topic of Object.keys(decided.vetoed)) expect(decided.topics).not.toContain(topic);
    }
  });

  it('never overrules explicit or source topics', () => {
    const item = of(['blind-r5'])[0]!;
    const explanation = tagger.explain({
      ...item,
      explicit: ['cyber'],
      sourceTopics: ['economy'],
      source: 'Desk',
    });
    const decided = applyTopicModel(explanation, vectors.get(item.id)!, model, topicIds);
    expect(decided.topics[0]).toBe('cyber');
    expect(decided.topics).toContain('economy');
    expect(decided.reasons.cyber).toEqual([{ rule: 'explicit', match: 'cyber' }]);
  });

  it('learning curve: 50, 100 and 200 simulated editor confirmations', () => {
    // Editors confirm the topics of updates from holdout-r3 and holdout-r4 (in a fixed shuffled
    // order); the model is trained again as a training run does (weights, and thresholds chosen by
    // cross-validation over everything it learns from); blind-r5 measures the effect.
    const pool = of(['holdout-r3', 'holdout-r4']);
    const order = pool
      .map((item, i) => ({ item, key: (i * 7919) % pool.length }))
      .sort((a, b) => a.key - b.key);
    const base = of(inSample);
    const example = (item: LabelledUpdate) => ({
      vector: vectors.get(item.id)!,
      topics: item.topics,
      ruleTopics: rulesOnly(item),
    });
    const curve = [0, 50, 100, 200].map((n) => {
      const confirmed = order.slice(0, n).map((o) => o.item);
      const m = n
        ? trainTopicModel(
            [...base, ...confirmed].map(example),
            topicIds,
            {
              event: model.event,
              splits: model.data.splits,
              editorDecisions: n,
              trainedAt: model.trainedAt,
            },
            model.options,
          )
        : model;
      return { n, f1: scoreTopics(of(['blind-r5']), topicIds, withModel(m)).f1 };
    });
    console.log(`learning curve on blind-r5: ${curve.map((c) => `${c.n} → ${c.f1.toFixed(3)}`).join(', ')}`);
    expect(curve.at(-1)!.f1).toBeGreaterThanOrEqual(curve[0]!.f1);
  }, 300_000);
});
