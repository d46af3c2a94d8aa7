import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { loadEventCatalog } from '../events/catalog.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import { writersWithModels } from './refine.js';
import { runCli } from './run.js';

const usage = `Usage: npm run retag -- --event SLUG

Re-applies the event's current topic rules (from DAYLINE_CONFIG or dayline.yaml, or as defined in
the console) to every stored
update, then its trained topic model if it has one (DAYLINE_TOPIC_MODEL; "Refining topics: N / M"),
then editors' decisions. Updates whose topics change get a new version; open browsers pick them up
on their next catch-up. Uses the same DATABASE_URL as the server.`;

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
    const tool = writersWithModels({
      store,
      events,
      clock: systemClock,
      logger: createLogger('warn'),
      enabled: config.topicModel,
    });
    try {
      const { checked, changed } = await tool.writers.retag(values.event);
      tool.progress.stop();
      process.stdout.write(`Re-tagged ${values.event}: ${checked} updates checked, ${changed} changed\n`);
    } finally {
      await tool.close();
    }
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main, (error) => (error as { name?: string }).name === 'AppError');
