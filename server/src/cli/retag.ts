import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { loadEventCatalog } from '../events/catalog.js';
import { createWriters } from '../writers.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import { runCli } from './run.js';

const usage = `Usage: npm run retag -- --event SLUG

Re-applies the event's current topic rules (from DAYLINE_CONFIG or dayline.yaml, or as defined in
the console) to every stored
update. Updates whose topics change get a new version; open browsers pick them up on their next
catch-up. Uses the same DATABASE_URL as the server.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { event: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.event) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const store = await openStore(config.databaseUrl, { servesReaders: false });
  try {
    const events = await loadEventCatalog(store, config);
    const writers = createWriters({ store, events, clock: systemClock, logger: createLogger('warn') });
    const { checked, changed } = await writers.retag(values.event);
    process.stdout.write(`Re-tagged ${values.event}: ${checked} updates checked, ${changed} changed\n`);
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main, (error) => (error as { name?: string }).name === 'AppError');
