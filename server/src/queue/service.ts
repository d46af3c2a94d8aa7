import { randomUUID } from 'node:crypto';
import {
  eventDay,
  queueApproveSchema,
  queueDiscardSchema,
  queueMergeSchema,
  queueQuerySchema,
  type BatchResult,
  type FeedMode,
  type QueueDiscarded,
  type QueueItem,
  type QueuePage,
  type Update,
} from '@dayline/shared';
import { actorName } from '../accounts/audit.js';
import type { Actor } from '../access/guards.js';
import type { Clock } from '../clock.js';
import type { AddResult, CommitStep } from '../commit/commit.js';
import type { StoredDraft } from '../drafts/draft-store.js';
import { keptTopics, requirePublisher } from '../drafts/rules.js';
import type { DraftService } from '../drafts/service.js';
import { AppError } from '../errors.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import type { Store } from '../store/store.js';
import type { StoryAssigner } from '../stories/story-assigner.js';
import { prepareUpdate } from '../updates/prepare.js';
import { feedItemFlags, feedItemInput, type FeedItemInput, type UpdateService } from '../updates/service.js';
import { parseInput } from '../validate.js';

/**
 * The incoming queue of an event: items of feeds in review mode and contributors' submitted
 * drafts, waiting for an editor. Both are rows of the drafts table in state `review` (never
 * updates, so no reader's path can meet them), and both leave it the same ways: approved (published
 * through the drafts' claim and the one commit step, exactly once), merged into a story as coverage
 * (approved, then regrouped through the commit step), or discarded (one conditional UPDATE). Of two
 * editors acting on one item, the first wins and the other gets 409.
 */
export class QueueService {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      stories: StoryAssigner;
      commit: CommitStep;
      drafts: DraftService;
      updates: UpdateService;
      clock: Clock;
      /** The event's queue changed: consoles at its desk read it again (the drafts' signal). */
      changed?: (event: string) => void;
    },
  ) {}

  /**
   * One item of a polled feed. Whatever the feed's mode, an item the queue holds or held (waiting,
   * discarded, approved), by any of the dedup keys an update has, adds nothing. In `publish` mode
   * the item then goes to readers as it always has; in `review` mode it waits in the queue, unless
   * an update already holds its keys (then it is a duplicate: an editor's edits are never
   * overwritten by a feed).
   */
  async takeFeedItem(slug: string, mode: FeedMode, input: FeedItemInput): Promise<BatchResult> {
    const { store, events, clock, updates } = this.deps;
    const event = events.get(slug);
    const fields = feedItemInput(input);
    const flags = feedItemFlags(input);
    let prepared;
    try {
      prepared = prepareUpdate(events, event, fields, flags);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'rejected', error: error.toJSON() };
    }
    const keys = {
      externalId: prepared.externalId,
      contentKey: prepared.contentKey,
      urlKey: prepared.urlKey,
    };
    if (await store.drafts.holds(slug, keys)) return { status: 'duplicate' };
    if (mode === 'publish') return updates.ingestFeedItem(slug, input);
    const [copy] = await store.findCopies([prepared]);
    if (copy && 'stored' in copy) return { id: copy.stored.id, status: 'duplicate' };
    const queued = await store.drafts.enqueue({
      id: randomUUID(),
      event: slug,
      feedId: input.source.id,
      fields,
      flags,
      keys,
      createdBy: input.source.name,
      at: clock.now().toISOString(),
    });
    if (!queued) return { status: 'duplicate' };
    this.deps.changed?.(slug);
    return { id: queued.id, status: 'created' };
  }

  /** GET /api/events/:slug/queue (editors): waiting items, newest first, a page at a time. */
  async list(slug: string, raw: unknown): Promise<QueuePage> {
    const { store, events } = this.deps;
    const event = events.get(slug);
    const { before, limit } = parseInput(queueQuerySchema, raw);
    const after = before ? decodeCursor(before) : undefined;
    const rows = await store.drafts.waiting(event.config.slug, limit + 1, after);
    const page = rows.slice(0, limit);
    const stories = new Map<string, Promise<QueueItem['story']>>();
    const items: QueueItem[] = [];
    for (const row of page) items.push(await this.#view(event, row, stories));
    const last = page.at(-1);
    return {
      items,
      ...(await store.drafts.waitingCount(event.config.slug)),
      next: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * POST /api/queue/:id/approve: the published update (`created: false` when an update holding
   * its dedup keys was stored meanwhile: the item is then that update, not a second copy).
   */
  async approve(id: string, raw: unknown, actor: Actor): Promise<AddResult> {
    const edits = parseInput(queueApproveSchema, raw ?? {});
    await this.#waiting(id);
    return this.deps.drafts.approve(id, actor, edits);
  }

  /**
   * POST /api/queue/:id/merge { story }: published as coverage of that story, whatever the story
   * assigner would have chosen. The story is checked before anything is published.
   */
  async merge(id: string, raw: unknown, actor: Actor): Promise<Update> {
    const { store, commit, drafts } = this.deps;
    requirePublisher(actor, 'merge');
    const { story } = parseInput(queueMergeSchema, raw);
    const item = await this.#waiting(id);
    const members = await store.storyMembers(story);
    if (members.length === 0) throw AppError.notFound(`Story "${story}"`);
    if (members[0]?.event !== item.event) {
      throw new AppError('invalid_input', 'Only a story of the same event can take this item');
    }
    const { update } = await drafts.approve(id, actor);
    const joined = update.story?.id ?? update.id;
    if (joined === story) return update;
    await commit.regroup(
      item.event,
      [{ id: update.id, storyId: story }],
      // Both stories' cards change size: the one it joins and, if it had joined another, that one.
      [story, ...(joined !== update.id ? [joined] : [])],
      { actor: actorName(actor), action: 'story.merge', target: story },
    );
    return (await store.getUpdate(update.id)) ?? update;
  }

  /** POST /api/queue/:id/discard { reason? }: off the queue for good; a re-poll never brings it back. */
  async discard(id: string, raw: unknown, actor: Actor): Promise<QueueDiscarded & { event: string }> {
    requirePublisher(actor, 'discard');
    const { reason } = parseInput(queueDiscardSchema, raw ?? {});
    const discarded = await this.deps.store.drafts.discard(id, {
      reason: reason || null,
      by: actorName(actor),
      at: this.deps.clock.now().toISOString(),
    });
    if (!discarded) {
      await this.#waiting(id);
      throw taken(id);
    }
    this.deps.changed?.(discarded.event);
    return { id, event: discarded.event, discarded: true, reason: discarded.reason };
  }

  /** The item, if it still waits: 404 when there is no such item, 409 when another editor took it. */
  async #waiting(id: string): Promise<StoredDraft> {
    const item = await this.deps.store.drafts.get(id);
    // A draft still being written, or scheduled, was never in the queue.
    const queued = ['review', 'publishing', 'published', 'discarded'];
    if (!item || !queued.includes(item.phase)) throw AppError.notFound(`Queued item "${id}"`);
    if (item.phase !== 'review') throw taken(id);
    return item;
  }

  /** What the console shows of a waiting item: as it would be published, and the story it would join. */
  async #view(
    event: EventRuntime,
    row: StoredDraft,
    stories: Map<string, Promise<QueueItem['story']>>,
  ): Promise<QueueItem> {
    const { events } = this.deps;
    const publishedAt = row.publishedAt ?? null;
    const base: QueueItem = {
      id: row.id,
      event: row.event,
      kind: row.origin === 'feed' ? 'feed' : 'draft',
      feed: row.feedId ? { id: row.feedId, name: row.createdBy } : null,
      title: row.title,
      summary: row.summary ?? '',
      ...(row.url ? { url: row.url } : {}),
      ...(row.source ? { source: row.source } : {}),
      ...(row.author ? { author: row.author } : {}),
      publishedAt,
      day: publishedAt ? eventDay(publishedAt, event.config) : null,
      topics: row.topics ?? [],
      topicReasons: {},
      story: null,
      createdBy: row.createdBy,
      waitingSince: row.updatedAt,
    };
    // A topic removed from the event since the item arrived is dropped on approval: shown, not refused.
    const { topics, dropped } = keptTopics(event, row.topics);
    if (dropped.length) base.droppedTopics = dropped;
    let prepared;
    try {
      const { sourceTopics, categories, dateEstimated } = row.flags;
      prepared = prepareUpdate(events, event, inputOf({ ...row, topics }, publishedAt ?? row.updatedAt), {
        ...(sourceTopics ? { sourceTopics } : {}),
        ...(categories ? { categories } : {}),
        ...(dateEstimated ? { dateEstimated } : {}),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { ...base, problem: error.message };
    }
    const item = { ...base, topics: prepared.topics, topicReasons: prepared.topicReasons ?? {} };
    const assignment = await this.deps.stories.suggest(event.config.slug, {
      id: row.id,
      title: prepared.title,
      summary: prepared.summary,
      publishedAt: prepared.publishedAt,
      ...(prepared.source ? { source: prepared.source.name } : {}),
    });
    if (!assignment.joined) return item;
    let story = stories.get(assignment.storyId);
    if (!story) {
      story = this.#story(assignment.storyId);
      stories.set(assignment.storyId, story);
    }
    return { ...item, story: await story };
  }

  async #story(id: string): Promise<QueueItem['story']> {
    const members = (await this.deps.store.storyMembers(id)).filter((m) => m.status !== 'retracted');
    const head = members.find((m) => m.id === m.story?.headId) ?? members[0];
    return head ? { id, title: head.title, size: members.length } : null;
  }
}

const taken = (id: string) =>
  new AppError('conflict', `"${id}" is no longer waiting: another editor approved, merged or discarded it`);

function inputOf(row: StoredDraft, publishedAt: string): Record<string, unknown> {
  const { title, summary, url, source, author, topics, externalId } = row;
  const input = { title, summary, url, source, author, topics, externalId, publishedAt };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

const encodeCursor = (row: StoredDraft) => Buffer.from(`${row.updatedAt}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id) throw new AppError('invalid_input', 'Invalid input: before');
  return { at, id };
}
