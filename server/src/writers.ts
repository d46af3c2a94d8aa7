import type { Clock } from './clock.js';
import { CommitStep, type ChangePublisher } from './commit/commit.js';
import { DraftService } from './drafts/service.js';
import { QueueService } from './queue/service.js';
import type { EventCatalog } from './events/catalog.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';
import { StoryService } from './stories/service.js';
import { StoryAssigner } from './stories/story-assigner.js';
import { retag } from './topics/retag.js';
import type { TopicDecider } from './understanding/model-topics.js';
import { TopicRefiner, type RefineProgress } from './understanding/refiner.js';
import { UpdateService } from './updates/service.js';
import { BatchWriter, type BatchThreadSetup } from './updates/batch-writer.js';

/** Everything of one process that writes, over its one commit step. */
export interface Writers {
  commit: CommitStep;
  updates: UpdateService;
  stories: StoryService;
  /** Each event's story index, which new updates are matched against. */
  storyAssigner: StoryAssigner;
  /** Drafts, review and scheduled posts, published through the same commit step. */
  drafts: DraftService;
  /** The incoming queue: review-mode feed items and submitted drafts, approved through `drafts`. */
  queue: QueueService;
  /** Decides in the background the topics of updates stored with the rules' only (absent: no models). */
  refiner: TopicRefiner | undefined;
  /** The server's batch thread (SQLite): absent elsewhere, and for tools. */
  batchWriter: BatchWriter | undefined;
  /** Re-applies an event's topic rules (and its trained model, if it has one) to its stored updates. */
  retag(
    event: string,
    onProgress?: (progress: { checked: number; changed: number }) => Promise<void> | void,
  ): Promise<{ checked: number; changed: number }>;
}

/**
 * The commit step and the feature services that write through it. Without a `publisher` (a
 * command-line tool: no live readers here), servers pick the changes up from the change log.
 */
export function createWriters(deps: {
  store: Store;
  events: EventCatalog;
  publisher?: ChangePublisher;
  clock: Clock;
  logger: Logger;
  /** A draft changed: tell the consoles at its event's desk (the server's live desk). */
  draftsChanged?: (event: string) => void;
  /** Events' trained topic models: live writes wait for their topics, bulk writes are refined later. */
  models?: TopicDecider;
  /** Where a background refinement is (the server's console progress bar). */
  refining?: (progress: RefineProgress) => void;
  /** A server on a SQLite file writes big batches on a thread of their own (updates/batch-writer.ts). */
  batchThread?: Pick<BatchThreadSetup, 'events' | 'configPath' | 'logLevel'>;
}): Writers {
  const { store, events, clock, logger, models } = deps;
  const stories = new StoryAssigner(store);
  let refiner: TopicRefiner | undefined;
  const commit = new CommitStep({
    store,
    stories,
    publisher: deps.publisher ?? { publish: () => undefined },
    clock,
    events,
    ...(models?.enabled
      ? {
          topics: {
            decideLive: (event, prepared) => models.decideLive(event, prepared),
            refineLater: (event) => refiner?.kick(event),
          },
        }
      : {}),
  });
  if (models?.enabled) {
    refiner = new TopicRefiner({
      store,
      events,
      commit,
      clock,
      models,
      logger,
      ...(deps.refining ? { onProgress: deps.refining } : {}),
    });
  }
  const shared = deps.batchThread && store.sharedFile;
  const batchWriter =
    deps.batchThread && shared
      ? new BatchWriter(
          { ...deps.batchThread, file: shared.path, origin: store.origin },
          { turns: shared.turns, publish: (changes) => commit.publishCommitted(changes) },
        )
      : undefined;
  if (batchWriter) stories.mirrorTo(batchWriter);
  const updates = new UpdateService({ store, events, stories, commit, clock, logger, batchWriter });
  const changed = deps.draftsChanged ? { changed: deps.draftsChanged } : {};
  const drafts = new DraftService({ store, events, commit, clock, logger, ...changed });
  return {
    commit,
    updates,
    stories: new StoryService({ store, commit }),
    storyAssigner: stories,
    drafts,
    queue: new QueueService({ store, events, stories, commit, drafts, updates, clock, ...changed }),
    refiner,
    batchWriter,
    // With a model, the refinement decides every update again: the rules, then the model, then editors.
    retag: async (event, onProgress) =>
      refiner && (await models?.model(event))
        ? refiner.retag(event, onProgress)
        : retag({ store, events, commit, clock }, event, onProgress),
  };
}
