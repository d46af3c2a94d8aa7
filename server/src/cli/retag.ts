import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { writersWithModels } from './refine.js';
import { runEventCommand } from './run.js';

const usage = `Usage: npm run retag -- --event SLUG

Re-applies the event's current topic rules (from DAYLINE_CONFIG or dayline.yaml, or as defined in
the console) to every stored
update, then its trained topic model if it has one (DAYLINE_TOPIC_MODEL; "Refining topics: N / M"),
then editors' decisions. Updates whose topics change get a new version; open browsers pick them up
on their next catch-up. Uses the same DATABASE_URL as the server.`;

runEventCommand({
  usage,
  parse: () => parseArgs({ options: { event: { type: 'string' }, help: { type: 'boolean' } } }),
  run: async ({ slug, store, events, config }) => {
    const tool = writersWithModels({
      store,
      events,
      clock: systemClock,
      logger: createLogger('warn'),
      enabled: config.topicModel,
    });
    try {
      const { checked, changed } = await tool.writers.retag(slug);
      tool.progress.stop();
      process.stdout.write(`Re-tagged ${slug}: ${checked} updates checked, ${changed} changed\n`);
    } finally {
      await tool.close();
    }
  },
});
