import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportLabels } from '../decisions/labels.js';
import { runEventCommand } from './run.js';

const usage = `Usage: npm run export-labels -- --event SLUG [--out DIR]

Writes every editor decision on the event's topics and stories as labelled data, in the format of
the evaluation sets in server/test/fixtures/: tagging.json (items with id, source, title, summary,
topics) and clustering-pairs.json (updates, and pairs { a, b, same, kind }). With --out, the two
files go into DIR; without, one JSON object { "tagging": ..., "clustering": ... } goes to stdout.
Uses the same DATABASE_URL as the server.`;

runEventCommand({
  usage,
  parse: () =>
    parseArgs({ options: { event: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } }),
  run: async ({ slug, values, store }) => {
    const { tagging, clustering } = await exportLabels(store, slug);
    if (values.out) {
      mkdirSync(values.out, { recursive: true });
      writeFileSync(path.join(values.out, 'tagging.json'), `${JSON.stringify(tagging, null, 2)}\n`);
      writeFileSync(
        path.join(values.out, 'clustering-pairs.json'),
        `${JSON.stringify(clustering, null, 2)}\n`,
      );
      process.stderr.write(
        `Exported ${slug}: ${tagging.items.length} tagged updates, ${clustering.pairs.length} story pairs, to ${values.out}\n`,
      );
    } else {
      process.stdout.write(`${JSON.stringify({ tagging, clustering }, null, 2)}\n`);
    }
  },
});
