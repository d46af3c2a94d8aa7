import type { Worker } from 'node:worker_threads';
import type { BatchResult, ErrorCode } from '@dayline/shared';
import type { EventConfig } from '../events/event-config.js';
import type { CommittedChange } from '../commit/commit.js';
import { AppError } from '../errors.js';
import type { WriteTurns } from '../store/read-write-sqlite.js';
import { runningTypeScript, startWorker } from '../worker-threads.js';

/** Batches of at least this many items go to the thread; fewer are written here in a few ms. */
export const batchThreadFrom = 20;

/** What the batch thread needs to write as its server does. */
export interface BatchThreadSetup {
  /** The server's SQLite file. */
  file: string;
  /** The server's origin in the change log: the thread's commits are the server's own. */
  origin: string;
  /** The config file's events, as the server runs them (the console's are read from the store). */
  events: readonly EventConfig[];
  configPath: string | undefined;
  logLevel: string;
}

export interface BatchJob {
  id: number;
  event: string;
  items: readonly unknown[];
  by: string | undefined;
  /** The server's clock when the batch came in: the commit's time. */
  now: string;
}

/**
 * From the server to the thread: a batch; the write turn the thread asked for; or what the thread's
 * story index must hear of (StoryAssigner.mirrorTo).
 */
export type BatchCommand =
  { job: BatchJob } | { go: number } | { forget: { event: string; id: string } } | { moved: string };

/**
 * From the thread to the server, for one job: it wants the write turn; then what it committed, a
 * part at a time, in commit order; then its results (or its error), which end the job.
 */
export type BatchMessage =
  | { id: number; turn: true }
  | { id: number; changes: CommittedChange[] }
  | { id: number; results: BatchResult[] }
  | { id: number; error: { name: string; message: string; code?: unknown; details?: unknown } };

interface Job {
  resolve(results: BatchResult[]): void;
  reject(error: Error): void;
  /** Held from when the thread asked for the write turn until the job ends. */
  release?: () => void;
}

/**
 * The API's batches on a worker thread of their own (updates/batch-thread.ts), which validates,
 * tags, dedups, clusters and inserts them on its own SQLite connection, through the same commit step
 * as every write. On this thread a batch of 500 was ~0.5 ms of work per update: readers waited
 * behind it (issue 15, bench/ingest.mjs). Only two things happen here: the thread's insert takes
 * its turn among this store's writes (`turns`), and what it committed is published from here, by
 * `publish`, before the turn goes to the next write. So this server's writes, the thread's among
 * them, go live in commit order, as one node's always do. The thread starts with the server (tests,
 * which run the TypeScript, start it with the first batch).
 */
export class BatchWriter {
  #thread: Worker | undefined;
  readonly #jobs = new Map<number, Job>();
  #nextId = 1;

  constructor(
    private readonly setup: BatchThreadSetup,
    private readonly deps: {
      turns: Pick<WriteTurns, 'take'>;
      publish(changes: readonly CommittedChange[]): void;
    },
  ) {
    if (!runningTypeScript) this.#start();
  }

  /** The batch's results, per item, in order: as UpdateService.ingestBatch answers on this thread. */
  ingestBatch(
    event: string,
    items: readonly unknown[],
    by: string | undefined,
    now: Date,
  ): Promise<BatchResult[]> {
    return new Promise<BatchResult[]>((resolve, reject) => {
      const id = this.#nextId++;
      this.#jobs.set(id, { resolve, reject });
      const thread = this.#start();
      // Only a job in hand keeps the process alive.
      thread.ref();
      thread.postMessage({ job: { id, event, items, by, now: now.toISOString() } } satisfies BatchCommand);
    });
  }

  /** The thread's story index (if it runs) takes `id` out. */
  forget(event: string, id: string): void {
    this.#thread?.postMessage({ forget: { event, id } } satisfies BatchCommand);
  }

  /** The thread's story index (if it runs) is rebuilt from the store before its next batch. */
  async moved(event: string): Promise<void> {
    this.#thread?.postMessage({ moved: event } satisfies BatchCommand);
  }

  /** Waits for the batches in hand, then ends the thread. */
  async close(): Promise<void> {
    while (this.#jobs.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const thread = this.#thread;
    this.#thread = undefined;
    await thread?.terminate();
  }

  #start(): Worker {
    if (this.#thread) return this.#thread;
    const thread = startWorker(import.meta.url, 'batch-thread', this.setup);
    thread.unref();
    thread.on('message', (message: BatchMessage) => this.#received(thread, message));
    thread.on('error', (error) => this.#stopped(thread, error));
    thread.on('exit', (code) =>
      this.#stopped(thread, new Error(`The batch thread stopped (exit code ${code})`)),
    );
    this.#thread = thread;
    return thread;
  }

  #received(thread: Worker, message: BatchMessage): void {
    const job = this.#jobs.get(message.id);
    if (!job) return;
    if ('turn' in message) {
      void this.deps.turns.take().then((release) => {
        if (!this.#jobs.has(message.id)) return release();
        job.release = release;
        thread.postMessage({ go: message.id } satisfies BatchCommand);
      });
    } else if ('changes' in message) {
      this.deps.publish(message.changes);
    } else {
      this.#end(message.id);
      if ('results' in message) job.resolve(message.results);
      else job.reject(errorFrom(message.error));
    }
  }

  #end(id: number): void {
    this.#jobs.get(id)?.release?.();
    this.#jobs.delete(id);
    if (this.#jobs.size === 0) this.#thread?.unref();
  }

  /**
   * A thread that died fails its jobs; the next batch starts a new one. Its `exit` after its `error`
   * finds another thread in place (or none), whose jobs are not its own.
   */
  #stopped(thread: Worker, error: Error): void {
    if (this.#thread !== thread) return;
    this.#thread = undefined;
    for (const [id, job] of [...this.#jobs]) {
      this.#end(id);
      job.reject(error);
    }
  }
}

/** An error as the thread sent it: an AppError (a 4xx, storage_full) stays one. */
function errorFrom({
  name,
  message,
  code,
  details,
}: Extract<BatchMessage, { error: unknown }>['error']): Error {
  if (name === 'AppError') return new AppError(code as ErrorCode, message, details);
  return Object.assign(new Error(message), { name, code });
}
