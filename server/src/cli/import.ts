import { createReadStream, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BatchResult } from '@dayline/shared';
import { SingleBar } from 'cli-progress';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { loadEventCatalog } from '../events/catalog.js';
import { createLogger } from '../logger.js';
import { FeedParseError, parseFeed } from '../feeds/parse-feed.js';
import { openStore } from '../store/open-store.js';
import { createWriters } from '../writers.js';
import { refineAfterImport } from './refine.js';
import { runCli } from './run.js';

const usage = `Usage: npm run import -- --event SLUG FILE

Imports FILE into the event through the commit step, as the API does (validate, tag, dedup):
  FILE.ndjson / FILE.jsonl   one UpdateInput JSON object per line
  any other file             a feed (RSS, Atom, RDF or JSON Feed)
Options:
  --event SLUG        the event to import into (required)
  --source NAME       outlet name for a feed file's items (default: the feed's title)
Uses the same DATABASE_URL and DAYLINE_CONFIG as the server. Open pages get the imported updates
live (each server follows the change log); importing the same file again adds nothing. When the
event has a trained topic model (and DAYLINE_TOPIC_MODEL is not off) the updates are stored with
the rules' topics first, then the model decides their topics ("Refining topics: N / M"); stopped
midway, the next import or the server's start carries on. Exits 1 when any line or item was
rejected (they are listed), 0 when everything was taken.`;

/**
 * Lines per transaction. Each commit costs a full-text index merge and a sync whatever its size, so
 * bigger transactions import faster (CPU time −10 to −15 % at 1,000 against 500); but a live write
 * from the newsroom waits for the importer's open transaction, about 0.2 ms per line here, so 1,000
 * keeps that wait near 200 ms.
 */
const batchSize = 1000;

type Tally = Record<BatchResult['status'], number>;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { event: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (values.help || !values.event || !file || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }

  const config = loadConfig();
  const logger = createLogger('warn');
  // A bulk import shares the machine with the live server: it gets the CPU the server leaves, so
  // readers stay answered.
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  const store = await openStore(config.databaseUrl);
  // The file's events and the console's.
  const events = await loadEventCatalog(store, config);
  const event = events.get(values.event);
  // No live hub in this process: the store is the record, and clients catch up from it.
  const { updates } = createWriters({ store, events, clock: systemClock, logger });
  const tally: Tally = { created: 0, duplicate: 0, updated: 0, rejected: 0 };
  const problems: string[] = [];
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: '{bar} {percentage}% | {value}/{total} {unit}' })
    : undefined;

  try {
    if (/\.(nd)?jsonl?$/i.test(file) && !/\.json$/i.test(file)) {
      const size = statSync(file).size;
      bar?.start(size, 0, { unit: 'bytes' });
      let bytes = 0;
      let lineNumber = 0;
      let batch: { line: number; item: unknown }[] = [];
      const flush = async () => {
        const results = await updates.ingestBatch(
          event.config.slug,
          batch.map((b) => b.item),
        );
        results.forEach((result, i) => {
          tally[result.status] += 1;
          if (result.status === 'rejected')
            problems.push(`line ${batch[i]?.line}: ${JSON.stringify(result.error)}`);
        });
        batch = [];
        bar?.update(bytes);
      };
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        lineNumber += 1;
        bytes += Buffer.byteLength(line) + 1;
        if (!line.trim()) continue;
        try {
          batch.push({ line: lineNumber, item: JSON.parse(line) as unknown });
        } catch {
          tally.rejected += 1;
          problems.push(`line ${lineNumber}: not valid JSON`);
        }
        if (batch.length >= batchSize) await flush();
      }
      if (batch.length) await flush();
      bar?.update(size);
    } else {
      const feed = parseFeed(readFileSync(file), {
        url: pathToFileURL(path.resolve(file)).href,
        fetchedAt: new Date(),
      });
      const name = values.source ?? feed.title ?? path.basename(file);
      bar?.start(feed.items.length, 0, { unit: 'items' });
      for (const [index, item] of feed.items.entries()) {
        const result = await updates.ingestFeedItem(event.config.slug, {
          source: { id: `import:${name}`, name, topics: [] },
          ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
          item,
        });
        tally[result.status] += 1;
        if (result.status === 'rejected') problems.push(`item ${index + 1}: ${JSON.stringify(result.error)}`);
        bar?.update(index + 1);
      }
    }
    bar?.stop();
    process.stdout.write(
      `Imported ${file} into ${event.config.slug}: ${tally.created} created, ${tally.duplicate} duplicate, ` +
        `${tally.updated} updated, ${tally.rejected} rejected\n`,
    );
    // Stored with the rules' topics: now the model decides them, in this process.
    const refined = await refineAfterImport(
      { store, events, clock: systemClock, logger, enabled: config.topicModel },
      event.config.slug,
    );
    if (refined) process.stdout.write(`${refined}\n`);
  } finally {
    bar?.stop();
    await store.close();
  }

  for (const problem of problems.slice(0, 20)) process.stdout.write(`  rejected ${problem}\n`);
  if (problems.length > 20) process.stdout.write(`  … and ${problems.length - 20} more\n`);
  return tally.rejected > 0 ? 1 : 0;
}

runCli(main, (error) => error instanceof FeedParseError || (error as { code?: string }).code === 'ENOENT');
