import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { exportLabels } from '../decisions/labels.js';
import { AppError } from '../errors.js';
import { loadEventCatalog } from '../events/catalog.js';
import { openStore } from '../store/open-store.js';
import { runCli } from './run.js';

const usage = `Usage: npm run export-labels -- --event SLUG [--out DIR]

Writes every editor decision on the event's topics and stories as labelled data, in the format of
the evaluation sets in server/test/fixtures/: tagging.json (items with id, source, title, summary,
topics) and clustering-pairs.json (updates, and pairs { a, b, same, kind }). With --out, the two
files go into DIR; without, one JSON object { "tagging": ..., "clustering": ... } goes to stdout.
Uses the same DATABASE_URL as the server.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { event: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.event) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const store = await openStore(config.databaseUrl, { servesReaders: false });
  try {
    const events = await loadEventCatalog(store, config);
    if (!events.find(values.event)) throw AppError.notFound(`Event "${values.event}"`);
    const { tagging, clustering } = await exportLabels(store, values.event);
    if (values.out) {
      mkdirSync(values.out, { recursive: true });
      writeFileSync(path.join(values.out, 'tagging.json'), `${JSON.stringify(tagging, null, 2)}\n`);
      writeFileSync(
        path.join(values.out, 'clustering-pairs.json'),
        `${JSON.stringify(clustering, null, 2)}\n`,
      );
      process.stderr.write(
        `Exported ${values.event}: ${tagging.items.length} tagged updates, ${clustering.pairs.length} story pairs, to ${values.out}\n`,
      );
    } else {
      process.stdout.write(`${JSON.stringify({ tagging, clustering }, null, 2)}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main);
