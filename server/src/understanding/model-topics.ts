import type { TopicReasons } from '@dayline/shared';
import type { PreparedUpdate } from '../commit/commit.js';
import type { EventRuntime } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { TopicExplanation } from '../topics/tagger.js';
import type { CurrentTopicModel, TopicModels } from './current-model.js';
import { embeddingText, type Embed } from './embedder.js';
import { applyTopicModel, type TopicModelFile } from './topic-model.js';

/** An event's model as this process uses it; `version` is what updates are marked with. */
export interface LoadedModel {
  version: string;
  file: TopicModelFile;
}

/** How long a live write waits for its vector before it goes out with the rules' topics. */
export const defaultLiveTimeoutMs = 1500;

/**
 * A model's version, stored in updates.topics_model: `run:ID` for a training run's model, the
 * shipped model's `trainedAt` for server/models/SLUG.json. A new run re-decides every update.
 */
export const modelVersion = (current: CurrentTopicModel): string =>
  current.runId === null ? current.model.trainedAt : `run:${current.runId}`;

/**
 * The events' topic models in the write path. The model is always the one in use for the event
 * (`TopicModels.current`: the newest training run's, else the shipped one), and the vectors come
 * from the process's one embedder. Nothing is read or embedded for an event without a model, nor
 * at all when turned off (DAYLINE_TOPIC_MODEL=off): then every topic is the rules'.
 */
export class TopicDecider {
  readonly #models: Pick<TopicModels, 'current'>;
  readonly #logger: Logger;
  readonly #seen = new Map<string, string>();
  readonly #newModel: ((slug: string) => void) | undefined;
  /** The shared embedder (the one the trainer uses too). */
  readonly embedder: Embed;
  /** How long a live write waits for its vector (changeable while running). */
  liveTimeoutMs: number;

  constructor(
    readonly enabled: boolean,
    deps: {
      models: Pick<TopicModels, 'current'>;
      embedder: Embed;
      logger: Logger;
      liveTimeoutMs?: number;
      /** The event's model in use changed (a run finished here or elsewhere): refine with it. */
      onNewModel?: (slug: string) => void;
    },
  ) {
    this.#models = deps.models;
    this.#logger = deps.logger;
    this.embedder = deps.embedder;
    this.#newModel = deps.onNewModel;
    this.liveTimeoutMs = deps.liveTimeoutMs ?? defaultLiveTimeoutMs;
  }

  /** The event's model in use (undefined: none, or models are off). */
  async model(slug: string): Promise<LoadedModel | undefined> {
    if (!this.enabled) return undefined;
    let current: CurrentTopicModel | undefined;
    try {
      current = await this.#models.current(slug);
    } catch (error) {
      this.#logger.warn({ err: error, event: slug }, 'topic model unreadable; the rules decide');
      return undefined;
    }
    if (!current) return undefined;
    const version = modelVersion(current);
    const before = this.#seen.get(slug);
    this.#seen.set(slug, version);
    if (before !== undefined && before !== version) this.#newModel?.(slug);
    return { version, file: current.model };
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
        this.embedder.embed(prepared.map(embeddingText), { urgent: true }),
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
