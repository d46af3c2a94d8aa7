import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CommittedChange } from '../commit/commit.js';
import { loadEventCatalog } from '../events/catalog.js';
import { EventWatcher } from '../events/watcher.js';
import { createLogger } from '../logger.js';
import { KyselyStore } from '../store/kysely-store.js';
import { openSqlite } from '../store/open-store.js';
import { createWriters } from '../writers.js';
import type { BatchCommand, BatchJob, BatchMessage, BatchThreadSetup } from './batch-writer.js';
import { transactionInserter, type UpdateInserter } from './insert-updates.js';

// The thread side of BatchWriter: the server's API batches, written through the same commit step
// as every write, on a SQLite connection of this thread's own, so the server's thread goes on
// answering readers meanwhile. Readers first: when this thread and the server's want the same
// core, the server's gets it (Linux gives each thread its own nice value; 10 is any process's to take).
try {
  setPriority(10);
} catch {
  // Not allowed here (a sandbox without setpriority): the thread runs at the server's priority.
}

const port = parentPort;
if (!port) throw new Error('batch-thread.ts runs as a worker thread');
const setup = workerData as BatchThreadSetup;
const send = (message: BatchMessage) => port.postMessage(message);

/** Committed changes go to the server's thread in parts this size: each is one short task there. */
const changesPerMessage = 50;

/** The job in hand (one at a time), and its write turn once the server gave it. */
let job: BatchJob | undefined;
let turn: Promise<void> | undefined;
const grants = new Map<number, () => void>();

/** Inserts wait for the write turn the server gives: its own writes wait meanwhile, in order. */
const { db } = openSqlite(setup.file, {});
const here = transactionInserter(db);
const inserter: UpdateInserter = {
  async insert(updates, origin, audit) {
    const { id } = job as BatchJob;
    turn ??= new Promise<void>((resolve) => {
      grants.set(id, resolve);
      send({ id, turn: true });
    });
    await turn;
    return here.insert(updates, origin, audit);
  },
};
const store = new KyselyStore(db, { inserter, origin: setup.origin });
const logger = createLogger(setup.logLevel);
const events = await loadEventCatalog(store, setup);
// Asked before each batch (never on a timer): an event the console edited or closed is written as
// it now is.
const watcher = new EventWatcher({ store, events, logger, intervalMs: 0 });
await watcher.remember();
let now = new Date();
let committed: CommittedChange[] = [];
const { updates, storyAssigner: stories } = createWriters({
  store,
  events,
  clock: { now: () => new Date(now) },
  logger,
  publisher: { publish: (kind, update) => committed.push({ kind, update }) },
});

async function run(next: BatchJob): Promise<void> {
  job = next;
  turn = undefined;
  committed = [];
  now = new Date(next.now);
  const { id } = next;
  try {
    await watcher.check();
    const results = await updates.ingestBatch(next.event, next.items, next.by);
    for (let i = 0; i < committed.length; i += changesPerMessage) {
      send({ id, changes: committed.slice(i, i + changesPerMessage) });
    }
    send({ id, results });
  } catch (error) {
    const { name, message, code, details } = error as {
      name?: string;
      message?: string;
      code?: unknown;
      details?: unknown;
    };
    send({ id, error: { name: name ?? 'Error', message: message ?? String(error), code, details } });
  } finally {
    grants.delete(id);
  }
}

let queue = Promise.resolve();
port.on('message', (command: BatchCommand) => {
  if ('go' in command) grants.get(command.go)?.();
  else if ('forget' in command) stories.forget(command.forget.event, command.forget.id);
  else if ('moved' in command) void stories.moved(command.moved);
  else queue = queue.then(() => run(command.job));
});
