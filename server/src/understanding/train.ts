import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopicTagger } from '../topics/tagger.js';
import { embeddingText, type Embed } from './embedder.js';
import type { LabelledUpdate } from './evaluate.js';
import { trainTopicModel, type TopicModelFile, type TrainingExample } from './topic-model.js';

/** Where an event's trained topic model is kept: server/models/SLUG.json, committed. */
export function modelPath(event: string): string {
  return fileURLToPath(new URL(`../../models/${event}.json`, import.meta.url));
}

export async function readTopicModel(event: string): Promise<TopicModelFile | undefined> {
  try {
    return JSON.parse(await readFile(modelPath(event), 'utf8')) as TopicModelFile;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeTopicModel(model: TopicModelFile, path = modelPath(model.event)): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(model)}\n`);
}

/**
 * An editor's decisions on one update (`npm run export-labels`, split `editor`): the topics kept
 * and the ones removed. Only those topics are labelled by it.
 */
export interface EditorLabels extends LabelledUpdate {
  removed?: string[];
}

/** Labelled updates as training examples: each one's vector and the topics its rules gave it. */
export async function toExamples(
  items: readonly LabelledUpdate[],
  tagger: TopicTagger,
  embedder: Embed,
  editorDecisions: readonly EditorLabels[] = [],
): Promise<TrainingExample[]> {
  const all = [...items, ...editorDecisions];
  const vectors = await embedder.embed(all.map(embeddingText));
  return all.map((item, i) => ({
    vector: vectors[i]!,
    topics: item.topics,
    ruleTopics: tagger.explain(item).topics,
    ...(i >= items.length ? { known: [...item.topics, ...((item as EditorLabels).removed ?? [])] } : {}),
  }));
}

/** Trains an event's topic model from labelled updates (and, later, its editors' decisions). */
export async function trainEventModel(options: {
  event: string;
  topics: readonly string[];
  tagger: TopicTagger;
  embedder: Embed;
  items: readonly LabelledUpdate[];
  splits: string[];
  editorDecisions?: readonly EditorLabels[];
  now: Date;
}): Promise<TopicModelFile> {
  const examples = await toExamples(options.items, options.tagger, options.embedder, options.editorDecisions);
  return trainTopicModel(examples, options.topics, {
    event: options.event,
    splits: options.splits,
    editorDecisions: options.editorDecisions?.length ?? 0,
    trainedAt: options.now.toISOString(),
  });
}
