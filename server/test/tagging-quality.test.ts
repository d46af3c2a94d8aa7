import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TopicTagger } from '../src/topics/tagger.js';
import { ukraineWar } from './support/ukraine-war.js';

/**
 * The rules of examples/ukraine-war.yaml against server/test/fixtures/tagging.json. The rules were written from the
 * errors on dev, test and holdout-r2 (the round-2 blind split, examined in round 3), so those
 * figures are in-sample. holdout-r3 and holdout-r4 were written and labelled after the round-3
 * rules were frozen and run once (r4 by a labeller who never saw the rules): they measure how the
 * rules do on text they have not seen. docs/quality.md.
 */
const floor = { f1: 0.85 };
const inSample = ['dev', 'test', 'holdout-r2'];
/**
 * Measured 0.753 (r3) and 0.825 (r4), below the floor: these guard those levels, they do not
 * claim the floor.
 */
const blindGuards = [
  { split: 'holdout-r3', f1: 0.73 },
  { split: 'holdout-r4', f1: 0.8 },
];

interface TaggingFixture {
  items: {
    id: string;
    split: string;
    title: string;
    summary: string;
    categories?: string[];
    topics: string[];
  }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/tagging.json', import.meta.url), 'utf8'),
) as TaggingFixture;
const tagger = new TopicTagger(ukraineWar.topics);

/** Micro-averaged over (update, topic) decisions. */
function score(splits: readonly string[]): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of fixture.items.filter((i) => splits.includes(i.split))) {
    const got = new Set(tagger.explain(item).topics);
    const want = new Set(item.topics);
    for (const topic of got)
      if (want.has(topic)) tp++;
      else fp++;
    for (const topic of want) if (!got.has(topic)) fn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

describe('topic tagging quality on the evaluation set', () => {
  it('has 200+ labelled updates, every label a topic of the example event', () => {
    const ids = new Set(ukraineWar.topics.map((t) => t.id));
    expect(fixture.items.length).toBeGreaterThanOrEqual(200);
    for (const item of fixture.items) for (const topic of item.topics) expect(ids).toContain(topic);
  });

  it('meets the floor on the updates the rules were written from', () => {
    expect(score(inSample).f1).toBeGreaterThanOrEqual(floor.f1);
  });

  it.each(blindGuards)('keeps its measured level on the blind $split', ({ split, f1 }) => {
    expect(fixture.items.filter((i) => i.split === split).length).toBeGreaterThanOrEqual(100);
    expect(score([split]).f1).toBeGreaterThanOrEqual(f1);
  });
});
