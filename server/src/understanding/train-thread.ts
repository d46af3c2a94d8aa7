import { parentPort } from 'node:worker_threads';
import { trainTopicModel } from './topic-model.js';
import type { TrainJob, TrainReply } from './train-worker.js';

// The worker side of trainInThread: fitting the classifiers (per topic, five folds and the full
// set, 300 epochs each over every example's 512 numbers) is seconds of arithmetic that would
// otherwise hold the server's event loop.
const port = parentPort;
if (!port) throw new Error('train-thread.ts runs as a worker thread');

port.once('message', ({ examples, topics, meta, options }: TrainJob) => {
  let reply: TrainReply;
  try {
    reply = { model: trainTopicModel(examples, topics, meta, options) };
  } catch (error) {
    const { message } = error as { message?: string };
    reply = { error: message ?? String(error) };
  }
  port.postMessage(reply);
});
