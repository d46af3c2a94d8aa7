import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopicTagger } from '../topics/tagger.js';
import { embeddingText, type Embed } from './embedder.js';
import type { LabelledUpdate, TaggingFixture } from './evaluate.js';
import type { TopicModelFile, TrainingExample } from './topic-model.js';

/** Where an event's shipped topic model is kept: server/models/SLUG.json, committed. */
export function modelPath(event: string): string {
  return fileURLToPath(new URL(`../../models/${event}.json`, import.meta.url));
}

/** The shipped model of an event (server/models/SLUG.json), used until a training run succeeds. */
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

/** The repository's labelled set (server/test/fixtures/tagging.json), when it is there. */
export const defaultLabelsFile = fileURLToPath(new URL('../../test/fixtures/tagging.json', import.meta.url));
/** Its splits a model may learn from: never a blind one. */
export const defaultSplits = ['dev', 'test', 'holdout-r2'];

/** A labelled set's updates in the splits given, and the topics the set labels. */
export interface LabelledSet {
  file: string;
  splits: string[];
  items: LabelledUpdate[];
  /** Every topic some item of the set has: the set labels these, and only these, on each item. */
  topics: string[];
}

/** Reads a tagging fixture's splits; none when the file is absent (a deployment without the repository's tests). */
export async function readLabelledSet(
  file: string,
  splits: readonly string[],
): Promise<LabelledSet | undefined> {
  if (!existsSync(file)) return undefined;
  const fixture = JSON.parse(await readFile(file, 'utf8')) as TaggingFixture;
  const topics = [...new Set(fixture.items.flatMap((i) => i.topics))];
  const items = fixture.items.filter((i) => splits.includes(i.split));
  return { file, splits: [...splits], items, topics };
}

/**
 * An editor's decisions on one update (`npm run export-labels`, split `editor`): the topics kept
 * and the ones removed. Only those topics are labelled by it.
 */
export interface EditorLabels extends LabelledUpdate {
  removed?: string[];
}

/**
 * Labelled updates as training examples: each one's vector and the topics its rules gave it. An
 * item of a labelled set labels the set's topics (`setTopics`; unset: all), an editor's decision
 * only the topics decided on.
 */
export async function toExamples(
  items: readonly LabelledUpdate[],
  tagger: TopicTagger,
  embedder: Embed,
  editorDecisions: readonly EditorLabels[] = [],
  setTopics?: readonly string[],
): Promise<TrainingExample[]> {
  const all = [...items, ...editorDecisions];
  const vectors = await embedder.embed(all.map(embeddingText));
  return all.map((item, i) => ({
    vector: vectors[i]!,
    topics: item.topics,
    ruleTopics: tagger.explain(item).topics,
    ...(i >= items.length
      ? { known: [...item.topics, ...((item as EditorLabels).removed ?? [])] }
      : setTopics
        ? { known: setTopics }
        : {}),
  }));
}
