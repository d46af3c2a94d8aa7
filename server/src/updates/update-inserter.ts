import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { InsertAudit } from '../accounts/audit.js';
import { insertUpdates } from './insert-updates.js';
import type { WriteTurns } from '../store/read-write-sqlite.js';
import { storageFull } from '../store/storage-full.js';
import type { NewUpdate } from '../store/store.js';
import type { Database, UpdateRow } from '../store/tables.js';
import { newUpdateRow, storyOf } from '../store/rows.js';

/** What one insert committed, as rows: each item's holder and whether it was created; grown stories' first reports. */
export type InsertedRows = Awaited<ReturnType<typeof insertUpdates>>;

/** Runs the store's batch insert (insert-updates.ts) in one transaction. */
export interface UpdateInserter {
  insert(updates: readonly NewUpdate[], origin: string, audit?: InsertAudit): Promise<InsertedRows>;
  close(): Promise<void>;
}

/** In this thread, on the store's own connection: PostgreSQL, and SQLite in memory. */
export function transactionInserter(db: Kysely<Database>): UpdateInserter {
  return {
    insert: (updates, origin, audit) =>
      db.transaction().execute((trx) => insertUpdates(trx, updates, origin, audit)),
    close: async () => undefined,
  };
}

export interface InsertJob {
  id: number;
  updates: readonly NewUpdate[];
  origin: string;
  audit?: InsertAudit | undefined;
}

export type InsertReply =
  { id: number; result: SentRows } | { id: number; error: { name: string; message: string; code: unknown } };

/**
 * InsertedRows as the thread sends them back. A row the batch created is a pure function of its
 * update, story and cursors (newUpdateRow), so only those cross: receiving 500 whole rows took the
 * server's thread 2.4–5 ms at once, these 0.4 ms. Rows read from the store (what a copy is a copy
 * of, grown stories' first reports) cross whole.
 */
export interface SentRows {
  stored: {
    row: { made: number; storyId: string; cursor: number; seq: number } | UpdateRow;
    created: boolean;
  }[];
  grown: UpdateRow[];
}

/** The thread's side: `rows` as sent, given the job's `updates`. */
export function sendRows(updates: readonly NewUpdate[], rows: InsertedRows): SentRows {
  const index = new Map(updates.map((u, i) => [u.id, i]));
  return {
    stored: rows.stored.map(({ row, created }) => {
      const made = index.get(row.id);
      return {
        row:
          made === undefined
            ? row
            : { made, storyId: storyOf(row), cursor: Number(row.cursor), seq: Number(row.created_cursor) },
        created,
      };
    }),
    grown: rows.grown,
  };
}

/** This side: the rows the thread committed, rebuilt from the job's `updates` as the thread built them. */
export function receivedRows(updates: readonly NewUpdate[], sent: SentRows): InsertedRows {
  return {
    stored: sent.stored.map(({ row, created }) => ({
      row:
        'made' in row
          ? newUpdateRow({ ...(updates[row.made] as NewUpdate), storyId: row.storyId }, row)
          : row,
      created,
    })),
    grown: sent.grown,
  };
}

/** Tests run the TypeScript; the server runs what `npm run build` made. */
const runningTypeScript = import.meta.url.endsWith('.ts');

/** The thread's entry: built JavaScript, or (in tests, which run the TypeScript) compiled by tsx. */
function startThread(file: string): Worker {
  const here = import.meta.url;
  const workerData = { file };
  if (!runningTypeScript) return new Worker(new URL('./insert-thread.js', here), { workerData });
  const entry = JSON.stringify(new URL('./insert-thread.ts', here).href);
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(source, { eval: true, workerData });
}

/** Below this many updates an insert is quick enough (a few ms) to run on the server's thread. */
export const threadFrom = 20;

/**
 * SQLite batch inserts in a worker thread with a connection of its own. A batch of 500 takes the
 * writing connection for 100–200 ms (statements, full-text index, fsync); on the server's thread
 * that is as long as no reader is answered. Jobs take the same turns as this thread's writes
 * (WriteTurns), so the two connections never wait for each other inside SQLite. A few updates
 * (one POST, one feed item) are written here, on `db`: a thread would only add a hop. The thread
 * starts with the server (about 50 ms, beside the server's thread), so the first batch after a start
 * does not wait for it: it took 0.7 s, and a POST queued behind it 0.8 s (bench/ingest.mjs). Tests,
 * which run the TypeScript, start it with the first batch: there a start compiles its modules for
 * 1–2 s.
 */
export class ThreadInserter implements UpdateInserter {
  #thread: Worker | undefined;
  readonly #pending = new Map<
    number,
    { updates: readonly NewUpdate[]; resolve: (rows: InsertedRows) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;
  readonly #here: UpdateInserter;

  constructor(
    private readonly file: string,
    private readonly turns: WriteTurns,
    db: Kysely<Database>,
  ) {
    this.#here = transactionInserter(db);
    if (!runningTypeScript) this.#start();
  }

  insert(updates: readonly NewUpdate[], origin: string, audit?: InsertAudit): Promise<InsertedRows> {
    if (updates.length < threadFrom) return this.#here.insert(updates, origin, audit);
    return this.turns.run(
      () =>
        new Promise<InsertedRows>((resolve, reject) => {
          const id = this.#nextId++;
          this.#pending.set(id, { updates, resolve, reject });
          const thread = this.#start();
          // Only a job in hand keeps the process alive.
          thread.ref();
          thread.postMessage({ id, updates, origin, audit } satisfies InsertJob);
        }),
    );
  }

  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    await thread?.terminate();
  }

  #start(): Worker {
    if (this.#thread) return this.#thread;
    const thread = startThread(this.file);
    thread.unref();
    thread.on('message', (reply: InsertReply) => this.#settle(reply));
    thread.on('error', (error) => this.#stopped(thread, error));
    thread.on('exit', (code) =>
      this.#stopped(thread, new Error(`The insert thread stopped (exit code ${code})`)),
    );
    this.#thread = thread;
    return thread;
  }

  #settle(reply: InsertReply): void {
    const job = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#thread?.unref();
    if (!job) return;
    if ('result' in reply) return job.resolve(receivedRows(job.updates, reply.result));
    const { name, message, code } = reply.error;
    job.reject(code === 'storage_full' ? storageFull() : Object.assign(new Error(message), { name, code }));
  }

  /** A thread that died fails its jobs; the next insert starts a new one. */
  #stopped(thread: Worker, error: Error): void {
    if (this.#thread === thread) this.#thread = undefined;
    for (const job of this.#pending.values()) job.reject(error);
    this.#pending.clear();
  }
}
