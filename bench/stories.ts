/**
 * Clustering engine: cost per update with 10k and 100k updates in the window; and the quality
 * figures of docs/quality.md (the clustering grid on the dev split, then every split, and tagging).
 *
 *   npx tsx bench/stories.ts            # speed, 10k and 100k (about a minute on 2 cores)
 *   npx tsx bench/stories.ts --tune     # quality: clustering grid and figures, tagging figures
 *
 * Bounded: a fixed number of updates, no network, stops by itself.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readConfigFile } from '../server/src/config.js';
import { StoryIndex, defaultStoryOptions } from '../server/src/stories/index.js';
import { evaluateClustering, type ClusteringFixture, type Split } from '../server/src/stories/evaluate.js';
import { TopicTagger } from '../server/src/topics/tagger.js';
import { random } from './data.mjs';

const hour = 3_600_000;

/**
 * Synthetic live updates with the statistics that matter for the index: a Zipf-distributed
 * vocabulary of 40,000 words (a few very common, most rare), stop words, capitalised names, and
 * stories told by one to five outlets in a row, each report a different mix of the story's words
 * and background words.
 */
function* syntheticUpdates(seed: number): Generator<{ title: string; summary: string }> {
  const rnd = random(seed);
  const syllables = 'ka lo mi nu re sa ti vo ze ra ne po lu di ma fe go hi ju be ko'.split(' ');
  const word = (): string =>
    Array.from(
      { length: 2 + Math.floor(rnd() * 3) },
      () => syllables[Math.floor(rnd() * syllables.length)],
    ).join('');
  const vocabulary = Array.from({ length: 40_000 }, word);
  const names = Array.from({ length: 5_000 }, () => {
    const w = word();
    return w.charAt(0).toUpperCase() + w.slice(1);
  });
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= vocabulary.length; r++) cumulative.push((total += 1 / r));
  const zipf = (): string => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const stop = 'the of in a to and on for with as at by from after said'.split(' ');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  for (;;) {
    // What a story is about: a few everyday words and a few specific ones (ranks 2,000 and up).
    const storyWords = [
      ...Array.from({ length: 5 }, zipf),
      ...Array.from({ length: 5 }, () => vocabulary[2000 + Math.floor(rnd() * 38_000)]!),
    ];
    const storyNames = [pick(names), pick(names)];
    const reports = 1 + Math.floor(rnd() * 5);
    for (let r = 0; r < reports; r++) {
      const text = (length: number): string =>
        Array.from({ length }, () => {
          const x = rnd();
          if (x < 0.3) return pick(stop);
          if (x < 0.55) return pick(storyWords);
          if (x < 0.62) return pick(storyNames);
          return zipf();
        }).join(' ');
      yield { title: `${pick(storyNames)} ${text(9)}`, summary: `${text(30)}.` };
    }
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/**
 * Fills the window with `windowSize` updates spread over 48 hours, then times `measured` more,
 * each followed by evict(now) as a server would, so the window keeps its size.
 */
function measure(windowSize: number, measured: number): void {
  const index = new StoryIndex();
  const updates = syntheticUpdates(windowSize);
  const step = defaultStoryOptions.windowMs / windowSize;
  const start = Date.UTC(2022, 1, 24);
  let n = 0;
  const next = (): { id: string; title: string; summary: string; at: Date } => {
    const { title, summary } = updates.next().value!;
    const at = new Date(start + n * step);
    return { id: `u${n++}`, title, summary, at };
  };
  const fillStart = performance.now();
  while (n < windowSize) index.add(next());
  const fillMs = performance.now() - fillStart;
  const times: number[] = [];
  let joined = 0;
  for (let i = 0; i < measured; i++) {
    const item = next();
    const t0 = performance.now();
    if (index.add(item).joined) joined++;
    index.evict(item.at);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `window ${String(windowSize).padStart(6)}: ${mean.toFixed(3)} ms/update mean, p50 ${percentile(times, 0.5).toFixed(3)}, p99 ${percentile(times, 0.99).toFixed(3)}, max ${times.at(-1)!.toFixed(2)} ` +
      `(${measured} timed; fill ${(fillMs / windowSize).toFixed(3)} ms/update; ${index.size} in window, ${index.storyCount} stories, ${((100 * joined) / measured).toFixed(0)}% joined; heap ${heapMb.toFixed(0)} MB)`,
  );
}

function tune(): void {
  const fixture = JSON.parse(
    readFileSync(new URL('../server/test/fixtures/clustering-pairs.json', import.meta.url), 'utf8'),
  ) as ClusteringFixture;
  const f = (x: number): string => x.toFixed(3);
  const rows: { label: string; precision: number; recall: number; f1: number }[] = [];
  for (const nameWeight of [1, 2, 3])
    for (const titleWeight of [1, 2, 3])
      for (const halfLifeHours of [3, 6, 12, 24])
        for (const threshold of [0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.22, 0.25, 0.3]) {
          const options = { nameWeight, titleWeight, halfLifeMs: halfLifeHours * hour, threshold };
          const { clustered } = evaluateClustering(fixture, options, 'dev');
          rows.push({
            label: `name ${nameWeight} title ${titleWeight} half-life ${String(halfLifeHours).padStart(2)} h threshold ${threshold.toFixed(2)}`,
            ...clustered,
          });
        }
  rows.sort((a, b) => b.f1 - a.f1);
  console.log('dev split, best F1 with precision >= 0.97 (clustered pairs):');
  for (const r of rows.filter((r) => r.precision >= 0.97).slice(0, 15))
    console.log(`  ${r.label}  P ${f(r.precision)} R ${f(r.recall)} F1 ${f(r.f1)}`);
  console.log(`defaults: ${JSON.stringify(defaultStoryOptions)}`);
  for (const split of ['dev', 'test', undefined] as (Split | undefined)[]) {
    const { pairwise, clustered, byKind } = evaluateClustering(fixture, {}, split);
    console.log(
      `${split ?? 'all'}: pairwise P ${f(pairwise.precision)} R ${f(pairwise.recall)} F1 ${f(pairwise.f1)}; ` +
        `clustered P ${f(clustered.precision)} R ${f(clustered.recall)} F1 ${f(clustered.f1)} ` +
        `(TP ${clustered.truePositives} FP ${clustered.falsePositives} FN ${clustered.falseNegatives} TN ${clustered.trueNegatives})`,
    );
    console.log(
      `  wrong by kind: ${Object.entries(byKind)
        .map(([k, v]) => `${k} ${v.wrong}/${v.pairs}`)
        .join(', ')}`,
    );
  }
}

/** The rules of examples/ukraine-war.yaml on tagging.json, micro-averaged over (update, topic) decisions. */
function tagging(): void {
  const fixture = JSON.parse(
    readFileSync(new URL('../server/test/fixtures/tagging.json', import.meta.url), 'utf8'),
  ) as {
    items: { split: string; title: string; summary: string; categories?: string[]; topics: string[] }[];
  };
  const example = readConfigFile(fileURLToPath(new URL('../examples/ukraine-war.yaml', import.meta.url)));
  const tagger = new TopicTagger(example.events[0]!.topics);
  for (const splits of [
    ['dev'],
    ['test'],
    ['holdout-r2'],
    ['dev', 'test', 'holdout-r2'],
    ['holdout-r3'],
    ['holdout-r4'],
    ['holdout-r3', 'holdout-r4'],
  ]) {
    const perTopic = new Map<string, [number, number, number]>();
    const count = (topic: string, k: 0 | 1 | 2): void => {
      const c = perTopic.get(topic) ?? [0, 0, 0];
      c[k]++;
      perTopic.set(topic, c);
    };
    const items = fixture.items.filter((i) => splits.includes(i.split));
    if (!items.length) continue;
    for (const item of items) {
      const got = new Set(tagger.explain(item).topics);
      const want = new Set(item.topics);
      for (const topic of got) count(topic, want.has(topic) ? 0 : 1);
      for (const topic of want) if (!got.has(topic)) count(topic, 2);
    }
    const sum = [...perTopic.values()].reduce((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2]], [0, 0, 0]);
    const [p, r, f] = prf(sum[0], sum[1], sum[2]);
    console.log(
      `tagging ${splits.join('+')} (${items.length} updates): P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)}; ` +
        [...perTopic].map(([t, c]) => `${t} F1 ${prf(...c)[2].toFixed(2)}`).join(', '),
    );
  }
}

function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

if (process.argv.includes('--tune')) {
  tune();
  tagging();
} else {
  console.log(`Node ${process.version}, ${process.arch}; defaults ${JSON.stringify(defaultStoryOptions)}`);
  measure(10_000, 5_000);
  measure(100_000, 5_000);
}
