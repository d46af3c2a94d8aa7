import type { TopicReasons } from '@dayline/shared';
import type { PreparedUpdate } from '../commit/commit.js';
import type { EventRuntime } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { TopicExplanation } from '../topics/tagger.js';
import { Embedder, embeddingText, type Embed } from './embedder.js';
import { applyTopicModel, type TopicModelFile } from './topic-model.js';
import { readTopicModel } from './train.js';

/** An event's trained model as this process uses it; `version` is what updates are marked with. */
export interface LoadedModel {
  version: string;
  file: TopicModelFile;
}

/** How long a live write waits for its vector before it goes out with the rules' topics. */
export const defaultLiveTimeoutMs = 1500;

/** A model's version: when it was trained (a retrained model re-decides every update). */
export const modelVersion = (file: TopicModelFile): string => file.trainedAt;

/**
 * The trained topic models of this process's events (server/models/SLUG.json) and the one
 * sentence-embedding thread they share. Nothing is read or started for an event without a model,
 * nor at all when turned off (DAYLINE_TOPIC_MODEL=off): then every topic is the rules'.
 */
export class TopicModels {
  readonly #models = new Map<string, Promise<LoadedModel | undefined>>();
  #embedder: Embed | undefined;
  readonly #logger: Logger;
  readonly #read: (slug: string) => Promise<TopicModelFile | undefined>;
  readonly #newEmbedder: () => Embed;
  /** How long a live write waits for its vector (changeable while running). */
  liveTimeoutMs: number;

  constructor(
    readonly enabled: boolean,
    deps: {
      logger: Logger;
      /** Where an event's model comes from (default: server/models/SLUG.json). */
      read?: (slug: string) => Promise<TopicModelFile | undefined>;
      embedder?: () => Embed;
      liveTimeoutMs?: number;
    },
  ) {
    this.#logger = deps.logger;
    this.#read = deps.read ?? readTopicModel;
    this.#newEmbedder = deps.embedder ?? (() => new Embedder());
    this.liveTimeoutMs = deps.liveTimeoutMs ?? defaultLiveTimeoutMs;
  }

  /** The event's model, read once (undefined: none, or models are off). */
  model(slug: string): Promise<LoadedModel | undefined> {
    if (!this.enabled) return Promise.resolve(undefined);
    let loaded = this.#models.get(slug);
    if (!loaded) {
      loaded = this.#read(slug).then(
        (file) => file && { version: modelVersion(file), file },
        (error: unknown) => {
          this.#logger.warn({ err: error, event: slug }, 'topic model unreadable; the rules decide');
          return undefined;
        },
      );
      this.#models.set(slug, loaded);
    }
    return loaded;
  }

  /** The shared embedding thread, started on first use. */
  get embedder(): Embed {
    this.#embedder ??= this.#newEmbedder();
    return this.#embedder;
  }

  /** Loads the models of `events` and the embedding model, so the first live write does not wait. */
  async warm(events: readonly EventRuntime[]): Promise<string[]> {
    const withModel: string[] = [];
    for (const event of events) if (await this.model(event.config.slug)) withModel.push(event.config.slug);
    if (withModel.length) {
      await this.embedder.embed(['Warming up the topic model.']).catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'the embedding model did not load');
      });
    }
    return withModel;
  }

  /**
   * Live writes (one POST, one feed item, one published draft): the rules' topics decided by the
   * event's model before the commit, each marked with the model's version. Without a model, or
   * if the embedding fails or takes longer than `liveTimeoutMs`, the rules' topics go out as they
   * are (unmarked, so the background refinement decides them later): a write is never lost to it.
   */
  async decideLive(event: EventRuntime, prepared: readonly PreparedUpdate[]): Promise<PreparedUpdate[]> {
    const loaded = await this.model(event.config.slug);
    if (!loaded || prepared.length === 0) return [...prepared];
    let timer: NodeJS.Timeout | undefined;
    try {
      const vectors = await Promise.race([
        this.embedder.embed(prepared.map(embeddingText)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no vector within ${this.liveTimeoutMs} ms`)),
            this.liveTimeoutMs,
          );
        }),
      ]);
      return prepared.map((p, i) => {
        const decided = decideTopics(event, loaded, p, vectors[i] as Float32Array);
        return { ...p, topics: decided.topics, topicReasons: decided.reasons, topicsModel: loaded.version };
      });
    } catch (error) {
      this.#logger.warn(
        { err: error, event: event.config.slug, updates: prepared.length },
        'topic model unavailable for a live write; stored with the rules’ topics, refined later',
      );
      return [...prepared];
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const embedder = this.#embedder;
    this.#embedder = undefined;
    await embedder?.close();
  }
}

/** The rules' topics of an update (its stored topics and reasons), decided by the model from its vector. */
export function decideTopics(
  event: EventRuntime,
  loaded: LoadedModel,
  ruled: { topics: readonly string[]; topicReasons: TopicReasons },
  vector: ArrayLike<number>,
): { topics: string[]; reasons: TopicReasons } {
  const explanation: TopicExplanation = {
    topics: [...ruled.topics],
    reasons: ruled.topicReasons as TopicExplanation['reasons'],
    excluded: {},
  };
  const decided = applyTopicModel(
    explanation,
    vector,
    loaded.file,
    event.config.topics.map((t) => t.id),
  );
  return { topics: decided.topics, reasons: decided.reasons };
}
