import type { TrainingRunStore } from './runs.js';
import type { TopicModelFile } from './topic-model.js';
import { readTopicModel } from './train.js';

/** The model an event's topics are decided with now, and where it came from. */
export interface CurrentTopicModel {
  model: TopicModelFile;
  /** The training run that made it; null: the shipped model (server/models/SLUG.json). */
  runId: number | null;
}

/** How long a node trusts what it read before it looks for a newer run (another node's, the CLI's). */
export const defaultRecheckMs = 5000;

/**
 * Each event's current topic model: the model of its newest training run that succeeded (stored in
 * training_runs), else the shipped one. `current(slug)` is what the live write path calls for every
 * update it decides topics on: it answers from memory, and looks in the store for a newer run at
 * most every `recheckMs` (one indexed query), so a run finished by any node or by `npm run train`
 * is in use within seconds, without a restart; a run this node finishes is in use at once
 * (`invalidate`). A model is read from the store once per run.
 */
export class TopicModels {
  readonly #cache = new Map<string, { current: CurrentTopicModel | undefined; checkedAt: number }>();
  readonly #shipped = new Map<string, Promise<TopicModelFile | undefined>>();

  constructor(
    private readonly runs: TrainingRunStore,
    private readonly options: { recheckMs?: number; now?: () => number } = {},
  ) {}

  async current(slug: string): Promise<CurrentTopicModel | undefined> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.#cache.get(slug);
    if (cached && now - cached.checkedAt < (this.options.recheckMs ?? defaultRecheckMs))
      return cached.current;
    const runId = await this.runs.currentId(slug);
    let current: CurrentTopicModel | undefined;
    if (runId !== undefined && cached?.current?.runId === runId) current = cached.current;
    else if (runId !== undefined) {
      const model = await this.runs.model(runId);
      current = model ? { model, runId } : undefined;
    }
    if (!current) {
      const shipped = await this.#shippedModel(slug);
      current = shipped ? { model: shipped, runId: null } : undefined;
    }
    this.#cache.set(slug, { current, checkedAt: now });
    return current;
  }

  /** Forgets what was read of the event, so the next `current` reads the store (a run just finished). */
  invalidate(slug: string): void {
    this.#cache.delete(slug);
  }

  #shippedModel(slug: string): Promise<TopicModelFile | undefined> {
    let shipped = this.#shipped.get(slug);
    if (!shipped) {
      shipped = readTopicModel(slug);
      this.#shipped.set(slug, shipped);
    }
    return shipped;
  }
}
