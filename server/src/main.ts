import path from 'node:path';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { resolveIngestToken } from './access/ingest-token.js';
import { createLogger } from './logger.js';
import { openStore, sqlitePath } from './store/open-store.js';

const logger = createLogger();

async function main(): Promise<void> {
  const config = loadConfig();
  const dbFile = config.databaseUrl.startsWith('sqlite:') ? sqlitePath(config.databaseUrl) : ':memory:';
  const dataDir = dbFile === ':memory:' ? path.resolve('data') : path.dirname(dbFile);
  const token = resolveIngestToken(config.ingestToken, dataDir);
  const store = await openStore(config.databaseUrl);
  const app = await createApp({ ...config, ingestToken: token.token }, { store, clock: systemClock, logger });
  const { url } = await app.listen();

  logger.info(
    { url, events: config.events.map((e) => e.slug), demo: config.demo },
    `Dayline is live at ${url}`,
  );
  if (app.setupToken) {
    logger.info(
      `No newsroom accounts yet. Create the first admin in your browser (one use, valid 24 h):\n` +
        `  ${url}/console/setup?token=${app.setupToken}`,
    );
  }
  if (token.generated) {
    const slug = config.events[0]?.slug ?? 'EVENT';
    // Where the token is, never the token itself: logs get shipped and kept.
    logger.info(
      `Ingest token kept in ${token.file}\n` +
        `Post an update:\n` +
        `  curl -X POST ${url}/api/events/${slug}/updates \\\n` +
        `    -H "Authorization: Bearer $(cat ${token.file})" -H 'Content-Type: application/json' \\\n` +
        `    -d '{"title":"Hello from curl","publishedAt":"'$(date -u +%FT%TZ)'"}'`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'unclean shutdown');
          process.exit(1);
        },
      );
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.fatal({ err: error }, 'Dayline failed to start');
  }
  process.exit(1);
});
