import { startWorker } from '../worker-threads.js';
import type { TrainOptions } from './logistic.js';
import type { TopicModelFile, TrainingExample } from './topic-model.js';

export interface TrainJob {
  examples: readonly TrainingExample[];
  topics: readonly string[];
  meta: Parameters<typeof import('./topic-model.js').trainTopicModel>[2];
  options: TrainOptions & { folds?: number };
}

export type TrainReply = { model: TopicModelFile } | { error: string };

const startThread = () => startWorker(import.meta.url, 'train-thread');

/**
 * trainTopicModel on a worker thread of its own, started for the job and ended with it: a training
 * run is rare, and its thread holds nothing between runs. The examples are copied to it.
 */
export function trainInThread(job: TrainJob): Promise<TopicModelFile> {
  return new Promise((resolve, reject) => {
    const thread = startThread();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void thread.terminate();
    };
    thread.once('message', (reply: TrainReply) =>
      settle(() => ('model' in reply ? resolve(reply.model) : reject(new Error(reply.error)))),
    );
    thread.once('error', (error) => settle(() => reject(error)));
    thread.once('exit', (code) =>
      settle(() => reject(new Error(`The training thread exited (${code}) before it answered`))),
    );
    thread.postMessage(job);
  });
}
