import { describe, expect, it } from 'vitest';
import { predict, train } from '../../src/understanding/logistic.js';
import {
  applyTopicModel,
  trainTopicModel,
  type TopicClassifier,
  type TrainingExample,
} from '../../src/understanding/topic-model.js';
import type { TopicExplanation } from '../../src/topics/tagger.js';

/** A classifier whose probability is sigmoid(10 · (x[0] − 0.5)): x[0] = 0.5 gives 0.5. */
function classifier(veto: number, add: number): TopicClassifier {
  return {
    weights: [10, 0],
    bias: -5,
    veto,
    add,
    crossValidated: { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 },
    positives: 0,
  };
}
const model = { topics: { military: classifier(0.3, 0.8), energy: classifier(0.3, 0.8) } };
const order = ['military', 'energy'];

function explanation(reasons: TopicExplanation['reasons']): TopicExplanation {
  return { topics: Object.keys(reasons), reasons, excluded: {} };
}

describe('applyTopicModel: the rules propose, the model decides', () => {
  it('keeps a rule hit the model finds likely enough, with the model and its probability', () => {
    const decided = applyTopicModel(
      explanation({ military: [{ rule: 'keyword', match: 'shelling' }] }),
      [0.5, 0],
      model,
      order,
    );
    expect(decided.topics).toEqual(['military']);
    expect(decided.reasons.military).toEqual([
      { rule: 'keyword', match: 'shelling' },
      { rule: 'model', match: '0.50', probability: 0.5 },
    ]);
  });

  it('vetoes a rule hit below the veto threshold, and says so', () => {
    const decided = applyTopicModel(
      explanation({ military: [{ rule: 'keyword', match: 'army' }] }),
      [0.3, 0],
      model,
      order,
    );
    expect(decided.topics).toEqual([]);
    expect(decided.vetoed.military).toBeLessThan(0.3);
  });

  it('adds a topic no rule found only above the add threshold', () => {
    expect(applyTopicModel(explanation({}), [0.6, 0], model, order).topics).toEqual([]);
    const decided = applyTopicModel(explanation({}), [0.9, 0], model, order);
    expect(decided.topics).toEqual(['military', 'energy']);
    expect(decided.reasons.energy).toEqual([{ rule: 'model', match: '0.98', probability: 0.982 }]);
  });

  it('never overrules explicit, source or category topics, and keeps explicit ones first', () => {
    const decided = applyTopicModel(
      explanation({
        energy: [{ rule: 'explicit', match: 'energy' }],
        military: [{ rule: 'source', match: 'Front Desk' }],
      }),
      [0, 0],
      model,
      order,
    );
    expect(decided.topics).toEqual(['energy', 'military']);
    expect(decided.reasons.military).toEqual([{ rule: 'source', match: 'Front Desk' }]);
  });
});

describe('training', () => {
  const examples: TrainingExample[] = Array.from({ length: 60 }, (_, i) => {
    const x = (i % 20) / 19;
    return {
      vector: [x, 1 - x],
      topics: x > 0.5 ? ['military'] : [],
      ruleTopics: x > 0.3 ? ['military'] : [],
    };
  });
  const meta = { event: 'demo', splits: ['dev'], editorDecisions: 0, trainedAt: '2026-12-04T00:00:00.000Z' };

  it('learns a separable topic', () => {
    const m = train(
      examples.map((e) => e.vector),
      examples.map((e) => e.topics.includes('military')),
    );
    expect(predict(m, [1, 0])).toBeGreaterThan(0.9);
    expect(predict(m, [0, 1])).toBeLessThan(0.1);
  });

  it('chooses thresholds that fix the rules on held-out folds, and gives the same model twice', () => {
    const a = trainTopicModel(examples, ['military'], meta, { epochs: 200 });
    const b = trainTopicModel(examples, ['military'], meta, { epochs: 200 });
    expect(a).toEqual(b);
    expect(a.topics.military!.crossValidated.f1).toBe(1);
    expect(a.data).toEqual({ splits: ['dev'], updates: 60, editorDecisions: 0 });
    expect(a.embedding.dimensions).toBe(512);
  });

  it('uses an editor decision only for the topics it labels', () => {
    // Labelled for energy only: were it read as "not military", military would learn from a wrong label.
    const editor: TrainingExample = { vector: [1, 0], topics: ['energy'], ruleTopics: [], known: ['energy'] };
    const m = trainTopicModel([...examples, editor], ['military', 'energy'], meta, { epochs: 50 });
    expect(m.topics.military!.positives).toBe(examples.filter((e) => e.topics.includes('military')).length);
    expect(m.topics.energy!.positives).toBe(1);
  });
});
