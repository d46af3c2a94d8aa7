import type { Clock } from '../clock.js';
import type { CommitStep } from '../commit/commit.js';
import { withEditorDecisions } from '../decisions/topics.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { ruleStored } from '../topics/retag.js';
import { embeddingText } from './embedder.js';
import { decideTopics, type TopicDecider } from './model-topics.js';

/** Where a refinement of an event is: updates decided so far, of how many (both since it started). */
export interface RefineProgress {
  event: string;
  done: number;
  total: number;
  /** Updates whose topics the model changed (each went out as a change). */
  changed: number;
}

/** Updates read, decided and marked at a time. */
const sliceSize = 50;

/**
 * Bulk writes (the batch API, `npm run import`, retag) store the rules' topics at once; this
 * decides them with the event's model afterwards, in the background, a slice at a time: the rules
 * again (they may have changed), the model, then editors' decisions over both. An update whose topics
 * change goes through the commit step like any correction (a new version, published); every update
 * decided is marked with the model's version (updates.topics_model), so a run stopped by a restart
 * resumes where it was and running it twice changes nothing. The model is the one in use
 * (`TopicModels.current`, looked at again every slice): a retrained model decides everything again,
 * its own version marking what it decided. The vectors come from the process's one embedder, which
 * puts a live write's text before the refinement's, so a live write waits for one text at most.
 */
export class TopicRefiner {
  readonly #running = new Map<string, Promise<RefineProgress>>();
  readonly #progress = new Map<string, RefineProgress>();
  #again = new Set<string>();
  #closed = false;

  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      commit: CommitStep;
      clock: Clock;
      models: TopicDecider;
      logger: Logger;
      /** Told after every slice, and when a run ends (the console's progress bar). */
      onProgress?: (progress: RefineProgress) => void;
    },
  ) {}

  /** The refinement running for `event`, if any. */
  progress(event: string): RefineProgress | undefined {
    return this.#progress.get(event);
  }

  /**
   * Starts refining `event` in the background if its model has updates to decide (or runs once
   * more after the current run, for updates stored meanwhile). Failures are logged.
   */
  kick(event: string): void {
    if (this.#closed || !this.deps.models.enabled) return;
    if (this.#running.has(event)) {
      this.#again.add(event);
      return;
    }
    this.run(event).catch((error: unknown) =>
      this.deps.logger.error({ err: error, event }, 'topic refinement failed'),
    );
  }

  /** Refines every update of `event` its model has not decided, until none is left. */
  run(event: string, onProgress?: (progress: RefineProgress) => void): Promise<RefineProgress> {
    const running = this.#running.get(event);
    if (running) return running.catch(() => undefined).then(() => this.run(event, onProgress));
    const run = this.#run(event, onProgress).finally(() => {
      this.#running.delete(event);
      this.#progress.delete(event);
      if (this.#again.delete(event)) this.kick(event);
    });
    this.#running.set(event, run);
    return run;
  }

  /** Every update of `event` is decided again (its rules changed), now. */
  async retag(
    event: string,
    onProgress?: (progress: { checked: number; changed: number }) => Promise<void> | void,
  ): Promise<{ checked: number; changed: number }> {
    await this.#running.get(event)?.catch(() => undefined);
    await this.deps.store.refinements.reset(event);
    const done = await this.run(event, (p) => void onProgress?.({ checked: p.done, changed: p.changed }));
    return { checked: done.done, changed: done.changed };
  }

  /** Stops after the slice in hand. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#running.values()]);
  }

  async #run(slug: string, onProgress?: (progress: RefineProgress) => void): Promise<RefineProgress> {
    const { store, events, models } = this.deps;
    const event = events.get(slug);
    const progress: RefineProgress = { event: slug, done: 0, total: 0, changed: 0 };
    let loaded = await models.model(slug);
    if (!loaded) return progress;
    progress.total = await store.refinements.countWaiting(slug, loaded.version);
    if (progress.total === 0) return progress;
    this.#progress.set(slug, progress);
    const tell = () => {
      this.deps.onProgress?.({ ...progress });
      onProgress?.({ ...progress });
    };
    tell();
    const known = new Set(event.config.topics.map((t) => t.id));
    let after = 0;
    while (!this.#closed) {
      // A newer model in use (a training run finished): the rest, and what is done, by it.
      const now = await models.model(slug);
      if (!now) break;
      if (now.version !== loaded.version) {
        loaded = now;
        after = 0;
        progress.total = progress.done + (await store.refinements.countWaiting(slug, loaded.version));
      }
      const waiting = await store.refinements.waiting(slug, loaded.version, after, sliceSize);
      if (waiting.length === 0) break;
      const decided = await store.decisions.topicDecisions(waiting.map((u) => u.id));
      // The slice's texts are queued at once, so the model works on the next ones while this one
      // is decided and committed; a live write's text still goes first (it is urgent).
      const vectors = waiting.map((update) => models.embedder.embed([embeddingText(update)]));
      // Failures are seen in order below; the rest must not be reported as unhandled.
      for (const v of vectors) v.catch(() => undefined);
      const handled: string[] = [];
      for (const [i, update] of waiting.entries()) {
        if (this.#closed) break;
        const [vector] = await (vectors[i] as Promise<Float32Array[]>);
        const current = events.find(slug) ?? event;
        const ruled = ruleStored(current, update);
        const modelled = decideTopics(
          current,
          loaded,
          { topics: ruled.topics, topicReasons: ruled.reasons },
          vector as Float32Array,
        );
        const explained = withEditorDecisions(modelled, decided.get(update.id) ?? [], known, update.topics);
        if (JSON.stringify(explained.topics) !== JSON.stringify(update.topics)) {
          const at = this.deps.clock.now().toISOString();
          try {
            const { changes } = await this.deps.commit.change(update.id, 'changed', (now) =>
              now.status === 'retracted' || JSON.stringify(now.topics) === JSON.stringify(explained.topics)
                ? undefined
                : {
                    kind: 'corrected',
                    fields: { topics: explained.topics, topicReasons: explained.reasons },
                    note: 'Topics decided by the topic model',
                    at,
                  },
            );
            if (changes.length) progress.changed += 1;
          } catch (error) {
            // Gone meanwhile; a closed event stops the run (its updates are read-only).
            if (!(error instanceof AppError && error.code === 'not_found')) throw error;
          }
        }
        handled.push(update.id);
      }
      await store.refinements.mark(handled, loaded.version);
      after = (waiting[handled.length - 1] as { createdCursor: number } | undefined)?.createdCursor ?? after;
      progress.done += handled.length;
      // Updates stored meanwhile (another batch) are counted in as they come.
      progress.total = progress.done + (await store.refinements.countWaiting(slug, loaded.version));
      tell();
    }
    return progress;
  }
}
