import { ConfigError, loadConfig, type Config } from '../config.js';
import { AppError } from '../errors.js';
import { loadEventCatalog, type EventCatalog } from '../events/catalog.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/**
 * Runs a command-line tool and exits with its code. An error the user can act on (bad
 * configuration, an unknown event, or what `isKnown` accepts) prints its message; anything else
 * its stack.
 */
export function runCli(
  main: () => Promise<number>,
  isKnown: (error: unknown) => boolean = () => false,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // An unknown event, bad input: said in one line, as the API would say it.
      const known = error instanceof ConfigError || error instanceof AppError || isKnown(error);
      process.stderr.write(`${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
      process.exit(1);
    },
  );
}

/**
 * A tool of subcommands over the store (`npm run user`, `npm run token`): parses its arguments,
 * prints the usage for `--help`, no command or an unknown one, checks what it can before opening
 * the store (the server's DATABASE_URL), runs the command and closes the store.
 */
export function runStoreCommands<V extends { help?: boolean | undefined }>(tool: {
  usage: string;
  parse: () => { values: V; positionals: string[] };
  check?: (command: string, values: V) => void;
  commands: Record<string, (store: Store, values: V, target: string | undefined) => Promise<void>>;
}): void {
  runCli(async () => {
    const { values, positionals } = tool.parse();
    const [command, target] = positionals;
    const run =
      command !== undefined && Object.hasOwn(tool.commands, command) ? tool.commands[command] : undefined;
    if (values.help || !command || !run) {
      process.stderr.write(`${tool.usage}\n`);
      return values.help ? 0 : 2;
    }
    tool.check?.(command, values);
    const store = await openStore(loadConfig().databaseUrl);
    try {
      await run(store, values, target);
      return 0;
    } finally {
      await store.close();
    }
  });
}

/**
 * A tool over one event (`npm run retag`, `npm run export-labels`): parses its arguments, prints
 * the usage for `--help` or without `--event`, opens the store (the server's DATABASE_URL), loads
 * the events as a server would (the config file's and the console's), refuses an unknown event in
 * one line, runs and closes the store.
 */
export function runEventCommand<V extends { event?: string | undefined; help?: boolean | undefined }>(tool: {
  usage: string;
  parse: () => { values: V };
  run: (setup: {
    slug: string;
    values: V;
    store: Store;
    events: EventCatalog;
    config: Config;
  }) => Promise<void>;
}): void {
  runCli(async () => {
    const { values } = tool.parse();
    const slug = values.event;
    if (values.help || !slug) {
      process.stderr.write(`${tool.usage}\n`);
      return values.help ? 0 : 2;
    }
    const config = loadConfig();
    const store = await openStore(config.databaseUrl);
    try {
      const events = await loadEventCatalog(store, config);
      // `Event "x" not found`, before anything is read or written.
      events.get(slug);
      await tool.run({ slug, values, store, events, config });
      return 0;
    } finally {
      await store.close();
    }
  });
}
