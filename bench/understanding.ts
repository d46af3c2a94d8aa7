/**
 * Understanding (issue 19): the rules and clustering on every tagging split and on the blind-r5
 * sets, per topic and per pair kind. The figures of docs/quality.md "Understanding".
 *
 *   npx tsx bench/understanding.ts --baseline   # rules and TF-IDF clustering, no model
 *
 * Bounded: fixed fixtures, no network, stops by itself.
 */
import { readFileSync } from 'node:fs';
import { eventConfigSchema } from '../server/src/config.js';
import { demoEvent } from '../server/src/demo/event.js';
import { evaluateClustering, type ClusteringFixture } from '../server/src/stories/evaluate.js';
import { TopicTagger } from '../server/src/topics/tagger.js';
import { scoreTopics, type TaggingFixture, type TopicScores } from '../server/src/understanding/evaluate.js';

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../server/test/fixtures/${name}`, import.meta.url), 'utf8')) as T;

export const taggingItems = [
  ...read<TaggingFixture>('tagging.json').items,
  ...read<TaggingFixture>('blind-r5-tagging.json').items,
];
export const topicConfigs = eventConfigSchema.parse(demoEvent).topics;
export const topicIds = topicConfigs.map((t) => t.id);
export const splitGroups: string[][] = [
  ['dev', 'test', 'holdout-r2'],
  ['holdout-r3'],
  ['holdout-r4'],
  ['blind-r5'],
  ['holdout-r3', 'holdout-r4', 'blind-r5'],
];

const f = (x: number): string => x.toFixed(3);

export function printTopicScores(label: string, splits: string[], s: TopicScores): void {
  console.log(
    `${label} ${splits.join('+')} (${s.updates}): P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)} ` +
      `(TP ${s.tp} FP ${s.fp} FN ${s.fn}); ` +
      Object.entries(s.perTopic)
        .map(([t, c]) => `${t} ${c.f1.toFixed(2)}`)
        .join(', '),
  );
}

function baseline(): void {
  const tagger = new TopicTagger(topicConfigs);
  for (const splits of splitGroups) {
    const items = taggingItems.filter((i) => splits.includes(i.split));
    printTopicScores(
      'rules',
      splits,
      scoreTopics(items, topicIds, (i) => tagger.explain(i).topics),
    );
  }
  for (const name of ['clustering-pairs.json', 'blind-r5-pairs.json']) {
    const { pairwise, clustered, byKind } = evaluateClustering(read<ClusteringFixture>(name));
    console.log(
      `stories ${name}: clustered P ${f(clustered.precision)} R ${f(clustered.recall)} F1 ${f(clustered.f1)} ` +
        `(TP ${clustered.truePositives} FP ${clustered.falsePositives} FN ${clustered.falseNegatives} TN ${clustered.trueNegatives}); ` +
        `pairwise P ${f(pairwise.precision)} R ${f(pairwise.recall)}`,
    );
    console.log(
      `  wrong by kind: ${Object.entries(byKind)
        .map(([k, v]) => `${k} ${v.wrong}/${v.pairs}`)
        .join(', ')}`,
    );
  }
}

if (process.argv.includes('--baseline')) baseline();
