/**
 * Training the topic model (issue 19): how long a run takes, split into embedding and fitting, and
 * what the fit does to the event loop on the calling thread and on a worker thread. The figures of
 * docs/quality.md "Retraining".
 *
 *   npx tsx bench/training.ts
 *
 * Bounded: the repository's labelled set (dev, test, holdout-r2: 404 updates), 7 topics, no network.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ukraineWar } from '../server/test/support/ukraine-war.js';
import { TopicTagger } from '../server/src/topics/tagger.js';
import { Embedder } from '../server/src/understanding/embedder.js';
import { trainTopicModel } from '../server/src/understanding/topic-model.js';
import {
  defaultLabelsFile,
  defaultSplits,
  readLabelledSet,
  toExamples,
} from '../server/src/understanding/train.js';
import { trainInThread } from '../server/src/understanding/train-worker.js';

const set = (await readLabelledSet(defaultLabelsFile, defaultSplits))!;
const topics = ukraineWar.topics.map((t) => t.id);
const embedder = new Embedder();
const meta = {
  event: 'ukraine-war',
  splits: set.splits,
  editorDecisions: 0,
  trainedAt: new Date().toISOString(),
};
const ms = (x: number) => `${Math.round(x)} ms`;

let t = performance.now();
const examples = await toExamples(set.items, new TopicTagger(ukraineWar.topics), embedder, [], set.topics);
console.log(
  `embedding ${examples.length} updates (worker thread, model load included): ${ms(performance.now() - t)}`,
);
await embedder.close();

async function measure(label: string, fit: () => Promise<unknown>): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // A timer that should fire every 20 ms: how late it is shows how long the loop was held.
  let worst = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  delay.enable();
  t = performance.now();
  await fit();
  const took = performance.now() - t;
  // Let the timers that were held back fire, so the delay is counted.
  await new Promise((resolve) => setTimeout(resolve, 100));
  delay.disable();
  clearInterval(tick);
  console.log(
    `${label}: ${ms(took)}; event-loop delay p50 ${ms(delay.percentile(50) / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, max ${ms(delay.max / 1e6)}; a 20 ms timer at worst ${ms(worst)} late`,
  );
}

await measure('fit, 7 topics × (5 folds + full) × 300 epochs, on the calling thread', async () =>
  trainTopicModel(examples, topics, meta),
);
await measure('the same fit on a worker thread', () =>
  trainInThread({ examples, topics, meta, options: {} }),
);
