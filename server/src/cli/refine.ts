import { SingleBar } from 'cli-progress';
import type { Clock } from '../clock.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { TopicModels } from '../understanding/current-model.js';
import { Embedder, toolEmbedThreads } from '../understanding/embedder.js';
import { TopicDecider } from '../understanding/model-topics.js';
import type { RefineProgress } from '../understanding/refiner.js';
import { createWriters, type Writers } from '../writers.js';

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What a tool shows of a topic refinement: a bar on a terminal, else a line every few seconds
 * ("Refining topics: 12,400 / 50,000") on stderr.
 */
export function refineProgressLine(
  out: NodeJS.WriteStream = process.stderr,
  everyMs = 5000,
): { show: (progress: RefineProgress) => void; stop: () => void } {
  const bar = out.isTTY
    ? new SingleBar({ format: 'Refining topics: {bar} {percentage}% | {value}/{total} updates' })
    : undefined;
  let started = false;
  let last = 0;
  return {
    show({ done, total }) {
      if (bar) {
        if (!started) bar.start(total, done);
        bar.setTotal(total);
        bar.update(done);
      } else if (!started || done === total || Date.now() - last >= everyMs) {
        out.write(`Refining topics: ${count(done)} / ${count(total)}\n`);
        last = Date.now();
      }
      started = true;
    },
    stop: () => bar?.stop(),
  };
}

/**
 * Writers of a tool with the events' topic models in use (`DAYLINE_TOPIC_MODEL`; each event's as
 * the server has it: `TopicModels.current`), the refinement shown as it goes; `close` ends the
 * embedding thread.
 */
export function writersWithModels(deps: {
  store: Store;
  events: EventCatalog;
  clock: Clock;
  logger: Logger;
  enabled: boolean;
}): {
  writers: Writers;
  models: TopicDecider;
  progress: ReturnType<typeof refineProgressLine>;
  close(): Promise<void>;
} {
  const embedder = new Embedder({ threads: toolEmbedThreads });
  const models = new TopicDecider(deps.enabled, {
    models: new TopicModels(deps.store.trainingRuns),
    embedder,
    logger: deps.logger,
  });
  const progress = refineProgressLine();
  const writers = createWriters({ ...deps, models, refining: progress.show });
  return {
    writers,
    models,
    progress,
    async close() {
      progress.stop();
      await writers.refiner?.close();
      await embedder.close();
    },
  };
}

/** Decides with the event's model every update stored with the rules' topics only; a summary line. */
export async function refineAfterImport(
  deps: Parameters<typeof writersWithModels>[0],
  slug: string,
): Promise<string | undefined> {
  const tool = writersWithModels(deps);
  try {
    if (!tool.writers.refiner || !(await tool.models.model(slug))) return undefined;
    const started = performance.now();
    const { done, changed } = await tool.writers.refiner.run(slug);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `Refined the topics of ${count(done)} updates with the topic model in ${seconds} s: ${count(changed)} changed`;
  } finally {
    await tool.close();
  }
}
