import { actorName } from '../accounts/audit.js';
import { randomUUID } from 'node:crypto';
import {
  type QueueApprove,
  draftInputSchema,
  draftSaveSchema,
  type Draft,
  type DraftFields,
  type DraftState,
} from '@dayline/shared';
import type { Actor } from '../access/guards.js';
import type { Clock } from '../clock.js';
import type { AddResult, CommitStep } from '../commit/commit.js';
import { AppError } from '../errors.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { prepareUpdate } from '../updates/prepare.js';
import { parseInput } from '../validate.js';
import { draftView, type StoredDraft } from './draft-store.js';
import { keptTopics, listedFor, requireHandler, requirePublisher, writerName } from './rules.js';

/** A claim older than this belongs to a node that stopped mid-publish; another node takes it over. */
const claimTtlMs = 60_000;

/**
 * Drafts, review and scheduled posts. A draft is not an update: it lives in its own table, so no
 * read path of readers can meet it. Publishing claims the draft (one conditional UPDATE: exactly one
 * node or editor wins) and adds it through the commit step under the draft's own id, which is what
 * makes it go live and makes a second attempt find it instead of adding it again.
 */
export class DraftService {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      commit: CommitStep;
      clock: Clock;
      logger: Logger;
      /** The event's drafts changed: consoles at its desk read them again. */
      changed?: (event: string) => void;
    },
  ) {}

  /** POST /api/events/:slug/updates with `status: "draft"` or `publishAt`. */
  async create(slug: string, raw: unknown, actor: Actor): Promise<Draft> {
    const { store, events, clock } = this.deps;
    const event = events.get(slug);
    const { status: _status, publishAt, ...fields } = parseInput(draftInputSchema, raw);
    events.checkTopics(event, fields.topics);
    const at = clock.now().toISOString();
    if (publishAt !== undefined) this.#checkSchedule(event, fields, publishAt, actor);
    const draft = await store.drafts.create({
      id: randomUUID(),
      event: slug,
      state: publishAt === undefined ? 'draft' : 'scheduled',
      fields,
      publishAt: publishAt ?? null,
      createdBy: writerName(actor),
      createdById: actor.kind === 'user' ? actor.id : null,
      at,
    });
    this.deps.changed?.(slug);
    return draftView(draft);
  }

  /** GET /api/events/:slug/drafts: editors see every draft of the event, contributors their own. */
  async list(slug: string, actor: Actor): Promise<Draft[]> {
    const event = this.deps.events.get(slug);
    return (await this.deps.store.drafts.list(event.config.slug, listedFor(actor))).map(draftView);
  }

  async read(id: string, actor: Actor): Promise<Draft> {
    return draftView(await this.#onTheDesk(id, actor));
  }

  /**
   * PUT /api/drafts/:id: the draft's text as it now stands (autosave). A `publishAt` schedules it
   * (editors); without one a scheduled post becomes a draft again, and a draft in review stays there.
   */
  async save(id: string, raw: unknown, actor: Actor): Promise<Draft> {
    const { store, events, clock } = this.deps;
    const { publishAt, ...fields } = parseInput(draftSaveSchema, raw);
    const draft = await this.#onTheDesk(id, actor);
    const event = events.get(draft.event);
    events.checkTopics(event, fields.topics);
    if (publishAt !== undefined) this.#checkSchedule(event, fields, publishAt, actor);
    const state: DraftState =
      publishAt !== undefined ? 'scheduled' : draft.state === 'scheduled' ? 'draft' : draft.state;
    const saved = await store.drafts.save(id, draft.state, {
      state,
      fields,
      publishAt: publishAt ?? null,
      at: clock.now().toISOString(),
    });
    if (!saved) throw this.#moved(id);
    this.deps.changed?.(saved.event);
    return draftView(saved);
  }

  /** POST /api/drafts/:id/submit: the writer hands it to the editors. Submitting twice changes nothing. */
  async submit(id: string, actor: Actor): Promise<Draft> {
    const draft = await this.#onTheDesk(id, actor);
    if (draft.state !== 'draft') return draftView(draft);
    const saved = await this.deps.store.drafts.save(id, 'draft', {
      state: 'review',
      publishAt: null,
      at: this.deps.clock.now().toISOString(),
    });
    if (!saved) throw this.#moved(id);
    this.deps.changed?.(saved.event);
    return draftView(saved);
  }

  /** DELETE /api/drafts/:id. */
  async remove(id: string, actor: Actor): Promise<Draft> {
    const draft = await this.#onTheDesk(id, actor);
    if (!(await this.deps.store.drafts.delete(id))) throw this.#moved(id);
    this.deps.changed?.(draft.event);
    return draftView(draft);
  }

  /**
   * POST /api/updates/:id/publish (editors): publishes the draft now, as an update with the draft's
   * id. Publishing it again answers with that update (`created: false`).
   */
  async publish(id: string, actor: Actor): Promise<AddResult> {
    requirePublisher(actor, 'publish');
    const result = await this.#publish(id, 'now', actorName(actor));
    if (!result) throw new AppError('conflict', `Draft "${id}" is being published`);
    return result;
  }

  /**
   * POST /api/queue/:id/approve (editors): publishes an item waiting in the incoming queue (a feed
   * item or a submitted draft), with the editor's `edits`. Only from `review`: an item another
   * editor took (approved, merged, discarded) is a 409, so nothing is published twice.
   */
  async approve(id: string, actor: Actor, edits: QueueApprove = {}): Promise<AddResult> {
    requirePublisher(actor, 'approve');
    const result = await this.#publish(id, 'review', actorName(actor), edits);
    if (!result) throw taken(id);
    return result;
  }

  /** Publishes every scheduled post that is due (and any a stopped node left half done). */
  async publishDue(): Promise<number> {
    const { store, clock, logger } = this.deps;
    const now = clock.now();
    const ids = await store.drafts.due(now.toISOString(), staleBefore(now), 50);
    let published = 0;
    for (const id of ids) {
      try {
        const result = await this.#publish(id, 'due', 'scheduler');
        if (!result?.created) continue;
        published += 1;
      } catch (error) {
        logger.error({ err: error, draft: id }, 'scheduled post not published');
      }
    }
    return published;
  }

  /**
   * Claims the draft, then commits it. Undefined when another node or editor holds the claim (or,
   * for `due`, when it is no longer due). A failure gives the draft back; a scheduled post whose
   * text can no longer be published goes back to being a draft, rather than being retried forever.
   */
  async #publish(
    id: string,
    when: 'now' | 'due' | 'review',
    by: string,
    edits: QueueApprove = {},
  ): Promise<AddResult | undefined> {
    const { store, events, commit, clock, logger } = this.deps;
    const now = clock.now();
    const at = now.toISOString();
    const before = await store.drafts.get(id);
    if (!before) throw AppError.notFound(`Draft "${id}"`);
    if (when === 'review' && before.phase !== 'review') throw taken(id);
    if (before.phase === 'discarded') throw AppError.notFound(`Draft "${id}"`);
    if (before.phase === 'published') return this.#publishedAs(before);
    const due = before.phase === 'scheduled' && before.publishAt !== null && before.publishAt <= at;
    if (when === 'due' && !due && before.phase !== 'publishing') return undefined;
    const node = store.origin;
    const claimed = await store.drafts.claim(id, before.phase, { node, at, staleBefore: staleBefore(now) });
    if (!claimed) {
      // Another editor approved it first: theirs is the only publication, and this one is told so.
      if (when === 'review') return undefined;
      const after = await store.drafts.get(id);
      return after?.phase === 'published' ? this.#publishedAs(after) : undefined;
    }
    try {
      const event = events.get(claimed.event);
      const publishedAt =
        edits.publishedAt ??
        claimed.publishedAt ??
        (when === 'due' && claimed.publishAt ? claimed.publishAt : at);
      const prepared = { ...prepareEdited(events, event, claimed, edits, publishedAt), id };
      // A node that stopped after committing but before marking the draft left the update behind.
      const stored = await store.getUpdate(id);
      const result = stored
        ? { update: stored, created: false }
        : ((await commit.add(event, [prepared], { actor: by, action: 'publish' })).value[0] as AddResult);
      await store.drafts.published(id, node, result.update.id, clock.now().toISOString());
      this.deps.changed?.(claimed.event);
      return result;
    } catch (error) {
      // Back where it was; a claim taken over from a stopped node goes back to what its time says.
      const back: DraftState =
        before.phase !== 'publishing' ? before.state : before.publishAt ? 'scheduled' : 'draft';
      const unpublishable = when === 'due' && error instanceof AppError;
      await store.drafts.release(
        id,
        node,
        unpublishable ? 'draft' : back,
        unpublishable ? null : before.publishAt,
      );
      if (unpublishable) logger.warn({ draft: id, code: error.code }, 'scheduled post went back to drafts');
      throw error;
    }
  }

  async #publishedAs(draft: StoredDraft): Promise<AddResult | undefined> {
    const update = draft.updateId ? await this.deps.store.getUpdate(draft.updateId) : undefined;
    return update && { update, created: false };
  }

  /** Scheduling is publishing later: editors only, a future instant, and text that can be published. */
  #checkSchedule(event: EventRuntime, fields: DraftFields, publishAt: string, actor: Actor): void {
    requirePublisher(actor, 'schedule a post');
    if (publishAt <= this.deps.clock.now().toISOString()) {
      throw new AppError('invalid_input', 'Invalid input: publishAt', {
        issues: [{ path: 'publishAt', message: 'Must be in the future; to publish now, leave it out' }],
      });
    }
    prepareUpdate(this.deps.events, event, inputOf(fields, fields.publishedAt ?? publishAt), {});
  }

  /** The draft, if it is still on the desk and the actor may handle it. */
  async #onTheDesk(id: string, actor: Actor): Promise<StoredDraft> {
    const draft = await this.deps.store.drafts.get(id);
    if (!draft || ['published', 'publishing', 'discarded'].includes(draft.phase)) {
      throw AppError.notFound(`Draft "${id}"`);
    }
    requireHandler(actor, draft);
    return draft;
  }

  #moved(id: string): AppError {
    return new AppError('conflict', `Draft "${id}" changed meanwhile (submitted, scheduled or published)`);
  }
}

const taken = (id: string) =>
  new AppError('conflict', `"${id}" is no longer waiting: another editor approved, merged or discarded it`);

/**
 * A waiting item as an update: its text with the editor's edits, tagged as its feed would have
 * tagged it. Topics the editor gave are the update's topics exactly (each keeps the reasons the
 * rules found for it, or `explicit`: the editor's word); of the draft's own, those the event no
 * longer has are dropped.
 */
function prepareEdited(
  events: EventCatalog,
  event: EventRuntime,
  draft: StoredDraft,
  edits: QueueApprove,
  publishedAt: string,
) {
  const { topics, publishedAt: _at, ...text } = edits;
  const fields = { ...draft, ...text, topics: keptTopics(event, draft.topics).topics };
  const { sourceTopics, categories, dateEstimated } = draft.flags;
  const prepared = prepareUpdate(events, event, inputOf(fields, publishedAt), {
    ...(sourceTopics ? { sourceTopics } : {}),
    ...(categories ? { categories } : {}),
    ...(dateEstimated && edits.publishedAt === undefined ? { dateEstimated } : {}),
  });
  if (!topics) return prepared;
  events.checkTopics(event, topics);
  const reasons = Object.fromEntries(
    topics.map((t) => [t, prepared.topicReasons?.[t] ?? [{ rule: 'explicit' as const, match: t }]]),
  );
  return { ...prepared, topics, topicReasons: reasons };
}

const staleBefore = (now: Date) => new Date(now.getTime() - claimTtlMs).toISOString();

/** A draft's text as an `UpdateInput`, to check and prepare it as any other update. */
function inputOf(fields: DraftFields, publishedAt: string): Record<string, unknown> {
  const { title, summary, url, source, author, topics, externalId, pinned } = fields;
  const input = { title, summary, url, source, author, topics, externalId, pinned, publishedAt };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
