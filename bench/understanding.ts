/**
 * Understanding (issue 19): the rules and clustering on every tagging split and on the blind-r5
 * sets, per topic and per pair kind. The figures of docs/quality.md "Understanding".
 *
 *   npx tsx bench/understanding.ts --baseline   # rules and TF-IDF clustering, no model
 *   npx tsx bench/understanding.ts --cost       # ms per update in the worker, event-loop delay
 *   npx tsx bench/understanding.ts --stories    # the embedding as a second way to join (older pairs)
 *   npx tsx bench/understanding.ts --story-options  # half-life, threshold and the vectors' nudge, clustered (older pairs)
 *   npx tsx bench/understanding.ts --story-blind    # once: blind-r5 pairs before and after (never tune on it)
 *
 * Bounded: fixed fixtures, no network, stops by itself.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ukraineWar } from '../server/test/support/ukraine-war.js';
import {
  evaluateClustering,
  type ClusteringEvaluation,
  type ClusteringFixture,
  type Split,
} from '../server/src/stories/evaluate.js';
import type { StoryIndexOptions } from '../server/src/stories/story-index.js';
import { TopicTagger } from '../server/src/topics/tagger.js';
import { StoryIndex } from '../server/src/stories/story-index.js';
import { Embedder, cosine, embeddingText } from '../server/src/understanding/embedder.js';
import { scoreTopics, type TaggingFixture, type TopicScores } from '../server/src/understanding/evaluate.js';

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../server/test/fixtures/${name}`, import.meta.url), 'utf8')) as T;

export const taggingItems = [
  ...read<TaggingFixture>('tagging.json').items,
  ...read<TaggingFixture>('blind-r5-tagging.json').items,
];
export const topicConfigs = ukraineWar.topics;
export const topicIds = topicConfigs.map((t) => t.id);
export const splitGroups: string[][] = [
  ['dev', 'test', 'holdout-r2'],
  ['holdout-r3'],
  ['holdout-r4'],
  ['blind-r5'],
  ['holdout-r3', 'holdout-r4', 'blind-r5'],
];

const f = (x: number): string => x.toFixed(3);
const hour = 3_600_000;

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

/**
 * Stories: would the embedding's cosine, as a second way to join, help on the older pairs (dev to
 * choose, test to check)? Pairwise, against the TF-IDF score with the default half-life and
 * threshold. blind-r5 is run only if something is chosen here.
 */
async function stories(): Promise<void> {
  const fixture = read<ClusteringFixture>('clustering-pairs.json');
  const embedder = new Embedder();
  const vectors = await embedder.embed(fixture.updates.map(embeddingText));
  await embedder.close();
  const emb = new Map(fixture.updates.map((u, i) => [u.id, vectors[i]!]));
  function pairFeatures(fx: ClusteringFixture, emb: Map<string, Float32Array>) {
    const index = new StoryIndex({ halfLifeMs: 1e15 }); // no decay: raw cosine
    const updates = [...fx.updates].sort(
      (a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? -1 : 1),
    );
    const at = new Map(updates.map((u) => [u.id, Date.parse(u.publishedAt)]));
    const raw = new Map<string, number>();
    const pairsOf = new Map<string, typeof fx.pairs>();
    for (const p of fx.pairs) for (const id of [p.a, p.b]) pairsOf.set(id, [...(pairsOf.get(id) ?? []), p]);
    const seen = new Set<string>();
    for (const u of updates) {
      index.evict(new Date(at.get(u.id)!));
      index.add({
        id: u.id,
        title: u.title,
        summary: u.summary,
        at: new Date(at.get(u.id)!),
        source: u.source,
      });
      seen.add(u.id);
      for (const p of pairsOf.get(u.id) ?? []) {
        const o = p.a === u.id ? p.b : p.a;
        if (seen.has(o)) raw.set(`${p.a}|${p.b}`, index.compare(u.id, o));
      }
    }
    return fx.pairs.map((p) => {
      const gap = Math.abs(at.get(p.a)! - at.get(p.b)!);
      return { ...p, gap, tf: raw.get(`${p.a}|${p.b}`) ?? 0, e: cosine(emb.get(p.a)!, emb.get(p.b)!) };
    });
  }
  const old = pairFeatures(fixture, emb);
  type P = (typeof old)[number];
  const base = (p: P) => p.tf * 2 ** (-p.gap / (6 * hour)) >= 0.18;
  const score = (ps: P[], join: (p: P) => boolean) => {
    let tp = 0,
      fp = 0,
      fn = 0;
    const wrong: Record<string, number> = {};
    for (const p of ps) {
      const j = join(p);
      if (j && p.same) tp++;
      else if (j) {
        fp++;
        wrong[p.kind] = (wrong[p.kind] ?? 0) + 1;
      } else if (p.same) {
        fn++;
        wrong[p.kind] = (wrong[p.kind] ?? 0) + 1;
      }
    }
    const P = tp / (tp + fp || 1),
      R = tp / (tp + fn || 1);
    return { P: +P.toFixed(3), R: +R.toFixed(3), F1: +((2 * P * R) / (P + R || 1)).toFixed(3), wrong };
  };
  const dev = old.filter((p) => p.split === 'dev');
  const test = old.filter((p) => p.split === 'test');
  console.log('base dev', score(dev, base), 'test', score(test, base));
  const rows = [];
  for (const E of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85])
    for (const T of [0, 0.03, 0.05, 0.08, 0.1, 0.12])
      for (const G of [6, 12, 24, 48]) {
        const join = (p: P) => base(p) || (p.e >= E && p.tf >= T && p.gap <= G * hour);
        rows.push({ E, T, G, ...score(dev, join) });
      }
  rows.sort((a, b) => b.F1 - a.F1);
  const pick = rows.filter((r) => r.P >= 0.95)[0];
  console.log('dev, best F1 with precision >= 0.95:', rows.filter((r) => r.P >= 0.95).slice(0, 3));
  if (pick) {
    const join = (p: P) => base(p) || (p.e >= pick.E && p.tf >= pick.T && p.gap <= pick.G * hour);
    console.log('pick', pick, 'test', score(test, join));
  }
  const q = (xs: number[], f: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor(f * (s.length - 1))]!.toFixed(2) : '-';
  };
  const kinds = [...new Set(dev.map((p) => p.kind))];
  for (const k of kinds) {
    const es = dev.filter((p) => p.kind === k).map((p) => p.e);
    console.log(
      `dev ${k} (${es.length}): embedding cosine p10 ${q(es, 0.1)} p50 ${q(es, 0.5)} p90 ${q(es, 0.9)} max ${q(es, 1)}`,
    );
  }
  const missed = dev.filter((p) => p.same && !base(p)).map((p) => p.e);
  console.log(
    `dev same-story pairs TF-IDF misses (${missed.length}): cosine p10 ${q(missed, 0.1)} p50 ${q(missed, 0.5)} p90 ${q(missed, 0.9)}`,
  );
}

async function vectorsOf(fixture: ClusteringFixture): Promise<Map<string, Float32Array>> {
  const embedder = new Embedder();
  const vectors = await embedder.embed(fixture.updates.map(embeddingText));
  await embedder.close();
  return new Map(fixture.updates.map((u, i) => [u.id, vectors[i]!]));
}

const line = (e: ClusteringEvaluation): string =>
  `P ${f(e.clustered.precision)} R ${f(e.clustered.recall)} F1 ${f(e.clustered.f1)} [${Object.entries(
    e.byKind,
  )
    .filter(([, v]) => v.wrong)
    .map(([k, v]) => `${k} ${v.wrong}/${v.pairs}`)
    .join(', ')}]`;

/**
 * Stories, clustered as readers see them (evaluateClustering): a grid over half-life, threshold and
 * the sentence vectors' nudge on the older pairs' dev split, the best dev settings with precision
 * ≥ 0.95 (words only, and with vectors), each then checked on test.
 */
async function storyOptions(): Promise<void> {
  const fixture = read<ClusteringFixture>('clustering-pairs.json');
  const vectors = await vectorsOf(fixture);
  type Row = { label: string; options: StoryIndexOptions; vectors: boolean; dev: ClusteringEvaluation };
  const rows: Row[] = [];
  const nudges = [
    [0, 0],
    [0.25, 0.7],
    [0.25, 0.75],
    [0.5, 0.7],
    [0.5, 0.75],
    [0.5, 0.8],
    [1, 0.75],
    [1, 0.8],
  ] as const;
  for (const h of [6, 8, 10, 12, 16, 24])
    for (const threshold of [0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.21, 0.22, 0.24, 0.26])
      for (const [embeddingWeight, embeddingBaseline] of nudges) {
        const options = { halfLifeMs: h * hour, threshold, embeddingWeight, embeddingBaseline };
        const withVectors = embeddingWeight > 0;
        rows.push({
          label: `half-life ${h} h, threshold ${threshold}, ${withVectors ? `+ ${embeddingWeight} × (cosine − ${embeddingBaseline})` : 'words only'}`,
          options,
          vectors: withVectors,
          dev: evaluateClustering(fixture, options, 'dev', withVectors ? vectors : undefined),
        });
      }
  const test = (r: Row): ClusteringEvaluation =>
    evaluateClustering(fixture, r.options, 'test' satisfies Split, r.vectors ? vectors : undefined);
  const today = rows.find((r) => r.label === 'half-life 6 h, threshold 0.18, words only')!;
  console.log(`today: ${today.label}\n  dev ${line(today.dev)}\n  test ${line(test(today))}`);
  rows.sort(
    (a, b) =>
      b.dev.clustered.f1 - a.dev.clustered.f1 || b.dev.clustered.precision - a.dev.clustered.precision,
  );
  const ok = rows.filter((r) => r.dev.clustered.precision >= 0.95);
  for (const [title, pick] of [
    ['words only', ok.filter((r) => !r.vectors)],
    ['with vectors', ok.filter((r) => r.vectors)],
    ...[8, 12, 16, 24].map(
      (h) => [`half-life ${h} h`, ok.filter((r) => r.options.halfLifeMs === h * hour)] as const,
    ),
  ] as const) {
    console.log(`best dev F1 with dev precision >= 0.95, ${title}:`);
    for (const r of pick.slice(0, 2))
      console.log(`  ${r.label}\n    dev ${line(r.dev)}\n    test ${line(test(r))}`);
  }
}

/**
 * Once, at the end (issue 19): blind-r5's pairs with the engine before this issue (no name rule, no
 * gap cap), with today's defaults (words only), and with the dev-best nudge from sentence vectors.
 * Nothing is chosen from this output.
 */
async function storyBlind(): Promise<void> {
  const fixture = read<ClusteringFixture>('blind-r5-pairs.json');
  const vectors = await vectorsOf(fixture);
  const before = { minSharedWords: 0, maxGapMs: 48 * hour };
  console.log(`blind-r5 before (31b462b's engine): ${line(evaluateClustering(fixture, before))}`);
  console.log(`blind-r5 after, defaults (words only): ${line(evaluateClustering(fixture))}`);
  const nudge = { embeddingWeight: 0.25, embeddingBaseline: 0.7 };
  console.log(
    `blind-r5 after, with vectors + 0.25 × (cosine − 0.7): ${line(evaluateClustering(fixture, nudge, undefined, vectors))}`,
  );
}

/**
 * Cost: one update at a time through the worker thread (the live path), with the main thread's
 * event-loop delay measured meanwhile, and the process's resident memory with the model loaded.
 */
async function cost(): Promise<void> {
  const embedder = new Embedder();
  const texts = taggingItems.slice(0, 200).map(embeddingText);
  await embedder.embed([texts[0]!]); // loads the model
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const times: number[] = [];
  for (const text of texts) {
    const start = performance.now();
    await embedder.embed([text]);
    times.push(performance.now() - start);
  }
  loop.disable();
  const rss = process.memoryUsage().rss / 2 ** 20;
  await embedder.close();
  times.sort((a, b) => a - b);
  const at = (p: number): string => times[Math.floor(p * (times.length - 1))]!.toFixed(1);
  console.log(
    `embed one update through the worker: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms (${times.length}); ` +
      `main thread event-loop delay meanwhile p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms; ` +
      `resident ${rss.toFixed(0)} MB`,
  );
}

if (process.argv.includes('--baseline')) baseline();
if (process.argv.includes('--cost')) await cost();
if (process.argv.includes('--stories')) await stories();
if (process.argv.includes('--story-options')) await storyOptions();
if (process.argv.includes('--story-blind')) await storyBlind();
