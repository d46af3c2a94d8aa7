import { Worker } from 'node:worker_threads';

/**
 * Starts the module `name` beside `from` (its caller's `import.meta.url`) as a worker thread: the
 * JavaScript `npm run build` made, or, in tests, which run the TypeScript, the `.ts` compiled by tsx.
 */
export function startWorker(from: string, name: string, workerData?: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const entry = JSON.stringify(new URL(`./${name}.ts`, from).href);
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(source, { eval: true, workerData });
}

/** Tests run the TypeScript, where a thread's start compiles its modules for 1–2 s. */
export const runningTypeScript = import.meta.url.endsWith('.ts');
