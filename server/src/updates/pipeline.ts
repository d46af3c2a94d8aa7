import { randomUUID } from 'node:crypto';
import {
  storyMergeSchema,
  storySplitSchema,
  eventDay,
  retractSchema,
  updateInputSchema,
  updatePatchSchema,
  type BatchResult,
  type ChangeKind,
  type StoryView,
  type Update,
  type UpdateVersion,
} from '@dayline/shared';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import type { Logger } from '../logger.js';
import { DuplicateKeyError, type Mutation, type NewUpdate, type Store } from '../store/store.js';
import type { StoryAssignment } from '../stories/index.js';
import { decideCorrection, decideRetraction, urlKey } from './corrections.js';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from './normalize.js';
import { TimeSlices } from '../time-slices.js';
import type { StoryAssigner } from '../stories/story-assigner.js';

/** Where accepted changes go after the store has them: the live hub. */
export interface ChangePublisher {
  publish(kind: ChangeKind, update: Update): void;
}

/** What a source knows about an item beyond its fields. */
export interface IngestFlags {
  dateEstimated?: boolean;
  sourceTopics?: readonly string[];
  categories?: readonly string[];
}

export interface IngestResult {
  update: Update;
  created: boolean;
}

/** One item of a feed, already parsed and sanitised, with the source it came from. */
export interface FeedItemInput {
  source: { id: string; name: string; topics: readonly string[] };
  /** The outlet's site, shown as the update's source link. */
  siteUrl?: string;
  item: {
    guid: string;
    title: string;
    summaryText: string;
    url?: string;
    author?: string;
    publishedAt: string;
    dateFallback: boolean;
    categories: readonly string[];
  };
}

/**
 * The one way into the store for every source (API, feeds, import, demo):
 * validate → normalise → tag topics → dedup and store → publish.
 */
export class IngestPipeline {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      stories: StoryAssigner;
      publisher: ChangePublisher;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * One feed item: new → created; seen before with a changed title or summary → corrected
   * (`update:changed`); unchanged → duplicate. Feeds re-send every item on every poll.
   */
  async ingestFeedItem(eventSlug: string, { source, siteUrl, item }: FeedItemInput): Promise<BatchResult> {
    const event = this.deps.events.get(eventSlug);
    const input = {
      title: item.title.slice(0, 300),
      ...(item.summaryText ? { summary: item.summaryText.slice(0, 5000) } : {}),
      ...(item.url ? { url: item.url } : {}),
      source: { name: source.name, ...(siteUrl ? { url: siteUrl } : {}) },
      ...(item.author ? { author: item.author.slice(0, 200) } : {}),
      publishedAt: item.publishedAt,
      // (source, guid) is the item's identity: re-polling the same feed adds nothing.
      externalId: `feed:${source.id}:${item.guid}`.slice(0, 500),
    };
    try {
      const { update, created } = await this.ingest(eventSlug, input, {
        dateEstimated: item.dateFallback,
        sourceTopics: source.topics,
        categories: item.categories,
      });
      if (created) return { id: update.id, status: 'created' };
      const title = cleanText(input.title);
      const summary = cleanParagraphs(input.summary ?? '');
      if (update.status === 'retracted' || (update.title === title && update.summary === summary)) {
        return { id: update.id, status: 'duplicate' };
      }
      const at = this.deps.clock.now().toISOString();
      const corrected = await this.mutate(update.id, 'changed', (current) =>
        decideCorrection(current, { title, summary }, event.config, at),
      );
      return { id: corrected.id, status: 'updated' };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'rejected', error: error.toJSON() };
    }
  }

  /** Ingests one item; throws AppError (400/404) for what it cannot accept. */
  async ingest(eventSlug: string, raw: unknown, flags: IngestFlags = {}): Promise<IngestResult> {
    const event = this.deps.events.get(eventSlug);
    const [result] = await this.storeAndPublish(event, [this.prepare(event, raw, flags)]);
    return result as IngestResult;
  }

  /**
   * Validates, normalises and tags one item: everything that needs neither the store nor the
   * other items. Throws AppError for what it cannot accept.
   */
  private prepare(event: EventRuntime, raw: unknown, flags: IngestFlags): Omit<NewUpdate, 'storyId' | 'at'> {
    const input = parseInput(updateInputSchema, raw);
    this.deps.events.checkTopics(event, input.topics);

    const title = cleanText(input.title);
    const summary = cleanParagraphs(input.summary ?? '');
    const source = input.source && {
      name: cleanText(input.source.name),
      ...(input.source.url ? { url: input.source.url } : {}),
    };
    const canonical = input.url ? canonicalUrl(input.url) : undefined;
    const explained = event.tagger.explain({
      title,
      summary,
      ...(input.topics ? { explicit: input.topics } : {}),
      ...(flags.sourceTopics ? { sourceTopics: flags.sourceTopics } : {}),
      ...(source ? { source: source.name } : {}),
      categories: [...(flags.categories ?? [])],
    });
    return {
      id: randomUUID(),
      event: event.config.slug,
      title,
      summary,
      ...(input.url ? { url: input.url, canonicalUrl: canonical } : {}),
      ...(source ? { source } : {}),
      ...(input.author ? { author: cleanText(input.author) } : {}),
      publishedAt: input.publishedAt,
      day: eventDay(input.publishedAt, event.config),
      topics: explained.topics,
      topicReasons: explained.reasons,
      ...(input.externalId ? { externalId: input.externalId } : {}),
      ...(canonical ? { urlKey: urlKey(source?.name, canonical) } : {}),
      contentKey: contentKey(source?.name, title, input.publishedAt),
      pinned: input.pinned ?? false,
      ...(flags.dateEstimated ? { dateEstimated: true } : {}),
    };
  }

  /**
   * Decides what is new (dedup), gives the new items their stories, stores them in one transaction
   * (acknowledged only once it commits), then publishes what that commit returned: each new update,
   * then the stories they joined. Copies of stored updates, or of an earlier item, are never
   * clustered; the transaction checks again for a writer that stored a copy in between.
   */
  private async storeAndPublish(
    event: EventRuntime,
    prepared: readonly Omit<NewUpdate, 'storyId' | 'at'>[],
  ): Promise<IngestResult[]> {
    const { store, stories, publisher, clock } = this.deps;
    const slug = event.config.slug;
    const copies = await store.findCopies(prepared);
    const fresh = prepared.filter((_, i) => copies[i] === undefined);
    const assignments = await stories.assignAll(
      slug,
      fresh.map(({ id, title, summary, publishedAt, source }) => ({
        id,
        title,
        summary,
        publishedAt,
        ...(source ? { source: source.name } : {}),
      })),
    );
    const at = clock.now().toISOString();
    let inserted: Awaited<ReturnType<typeof store.insertUpdates>>;
    try {
      inserted = await store.insertUpdates(
        fresh.map((p, i) => ({ ...p, storyId: (assignments[i] as StoryAssignment).storyId, at })),
      );
    } catch (error) {
      // Nothing was stored (disk full, database away): the index must not keep these updates, or
      // later coverage would join stories that do not exist. It is rebuilt from the store.
      await stories.moved(slug);
      throw error;
    }
    const { results: stored, grown } = inserted;
    // Stored by another writer since the look-up (a race): not stored again, and out of the index.
    const dropped = new Set<string>();
    for (const [i, { created }] of stored.entries()) {
      if (!created) dropped.add((fresh[i] as NewUpdate).id);
    }
    for (const id of dropped) stories.forget(slug, id);
    let regrouped = false;
    for (const [i, { update, created }] of stored.entries()) {
      if (!created) continue;
      publisher.publish('new', update);
      // Its story's first report was such a copy, not stored: the store made it a story of its own.
      if (dropped.has((assignments[i] as StoryAssignment).storyId)) regrouped = true;
    }
    if (regrouped) await stories.moved(slug);
    // Committed with the new reports: the stories they joined, on the reports they are named after.
    this.publishAll(grown);

    const results: IngestResult[] = [];
    let next = 0;
    for (const copy of copies) {
      if (copy === undefined) results.push(stored[next++] as IngestResult);
      else if ('stored' in copy) results.push({ update: copy.stored, created: false });
      else results.push({ update: (results[copy.earlier] as IngestResult).update, created: false });
    }
    return results;
  }

  /** Publishes changes whose kind follows from the update's state (tombstones as retractions). */
  private publishAll(updates: readonly Update[]): void {
    for (const update of updates) {
      this.deps.publisher.publish(update.status === 'retracted' ? 'retracted' : 'changed', update);
    }
  }

  /** PATCH: a correction, a pin or an unpin. Clients get `update:changed`. */
  async correct(id: string, raw: unknown): Promise<Update> {
    const patch = parseInput(updatePatchSchema, raw);
    const event = this.deps.events.get((await this.require(id)).event);
    this.deps.events.checkTopics(event, patch.topics);
    const at = this.deps.clock.now().toISOString();
    return this.mutate(id, 'changed', (current) => decideCorrection(current, patch, event.config, at));
  }

  /**
   * DELETE: the update becomes a tombstone (clients get `update:retracted`). If it was part of a
   * story, the story's first report among those left gets a change in the same commit, so every
   * card of the story shows it one report smaller.
   */
  async retract(id: string, raw: unknown): Promise<Update> {
    const { reason } = parseInput(retractSchema, raw ?? {});
    const at = this.deps.clock.now().toISOString();
    const before = await this.require(id);
    const story = before.status === 'retracted' ? undefined : before.story;
    const left = story ? (await this.deps.store.storyMembers(story.id)).filter((m) => m.id !== id) : [];
    // Members come earliest published first; a pinned one heads the story whatever its time.
    const head = left.find((m) => m.pinned) ?? left[0];
    const tombstone = await this.mutate(id, 'retracted', (current) => {
      const mutation = decideRetraction(current, reason, at);
      return mutation && head ? { ...mutation, touch: [head.id] } : mutation;
    });
    if (story) this.deps.stories.forget(before.event, id);
    return tombstone;
  }

  /**
   * Applies the event's current topic rules to every stored update (after the rules changed).
   * Explicit, source and category reasons are kept as inputs; keyword and regex ones are redone.
   * An update whose topics change gets a new version (status unchanged) and goes out as a change.
   */
  async retag(eventSlug: string): Promise<{ checked: number; changed: number }> {
    const { store, events, clock } = this.deps;
    const event = events.get(eventSlug);
    let checked = 0;
    let changed = 0;
    let before: string | null = null;
    do {
      const page: { items: Update[]; next: string | null } = await store.listUpdates(event.config.slug, {
        limit: 200,
        ...(before ? { before } : {}),
      });
      for (const update of page.items) {
        checked += 1;
        const reasons = Object.entries(update.topicReasons ?? {});
        const given = (rule: string) => reasons.filter(([, rs]) => rs.some((r) => r.rule === rule));
        const explained = event.tagger.explain({
          title: update.title,
          summary: update.summary,
          explicit: given('explicit').map(([topic]) => topic),
          sourceTopics: given('source').map(([topic]) => topic),
          ...(update.source ? { source: update.source.name } : {}),
          categories: reasons.flatMap(([, rs]) =>
            rs.filter((r) => r.rule === 'category').map((r) => r.match),
          ),
        });
        if (JSON.stringify(explained.topics) === JSON.stringify(update.topics)) continue;
        const at = clock.now().toISOString();
        await this.mutate(update.id, 'changed', (current) =>
          current.status === 'retracted'
            ? undefined
            : {
                kind: 'corrected',
                fields: { topics: explained.topics, topicReasons: explained.reasons },
                note: 'Topics re-tagged with the current rules',
                at,
              },
        );
        changed += 1;
      }
      before = page.next;
    } while (before);
    return { checked, changed };
  }

  /** Editors' fixes to clustering: these members leave their story and form one of their own. */
  async splitStory(storyId: string, raw: unknown): Promise<StoryView> {
    const { members } = parseInput(storySplitSchema, raw);
    const current = await this.requireStory(storyId);
    const leaving = current.members.filter((m) => members.includes(m.id));
    const unknown = members.find((m) => !current.members.some((c) => c.id === m));
    if (unknown) throw new AppError('invalid_input', `Update "${unknown}" is not in story "${storyId}"`);
    const staying = current.members.filter((m) => !members.includes(m.id));
    const newHead = leaving[0];
    const oldHead = staying[0];
    if (!newHead || !oldHead) throw new AppError('invalid_input', 'A split must leave members on both sides');
    const at = this.deps.clock.now().toISOString();
    const moves = [
      ...leaving.map((m) => ({ id: m.id, storyId: newHead.id })),
      // If the head itself left, the earliest member left behind heads the rest.
      ...(oldHead.id === storyId ? [] : staying.map((m) => ({ id: m.id, storyId: oldHead.id }))),
    ];
    this.publishAll(await this.deps.store.regroup(moves, [oldHead.id], at));
    await this.deps.stories.moved(current.members[0]?.event ?? '');
    return this.story(newHead.id);
  }

  /** Editors' fixes to clustering: the other story's members join this one. */
  async mergeStories(storyId: string, raw: unknown): Promise<StoryView> {
    const { story: otherId } = parseInput(storyMergeSchema, raw);
    if (otherId === storyId) throw new AppError('invalid_input', 'A story cannot merge with itself');
    const target = await this.requireStory(storyId);
    const other = await this.requireStory(otherId);
    if (other.members[0]?.event !== target.members[0]?.event) {
      throw new AppError('invalid_input', 'Only stories of the same event can be merged');
    }
    const at = this.deps.clock.now().toISOString();
    const moves = other.members.map((m) => ({ id: m.id, storyId }));
    this.publishAll(await this.deps.store.regroup(moves, [storyId], at));
    await this.deps.stories.moved(target.members[0]?.event ?? '');
    return this.story(storyId);
  }

  /** A story and its members, oldest first. */
  async story(storyId: string): Promise<StoryView> {
    const { members } = await this.requireStory(storyId);
    // Every member carries the story's first report (pinned, else earliest published).
    const head = members.find((m) => m.id === m.story?.headId) ?? members[0];
    return {
      id: storyId,
      headId: head?.id ?? storyId,
      size: members.length,
      sources: [...new Set(members.flatMap((m) => (m.source ? [m.source.name] : [])))],
      firstSeen: members.reduce(
        (first, m) => (m.ingestedAt < first ? m.ingestedAt : first),
        members[0]?.ingestedAt ?? '',
      ),
      members,
    };
  }

  private async requireStory(storyId: string): Promise<{ members: Update[] }> {
    const members = await this.deps.store.storyMembers(storyId);
    if (members.length === 0) throw AppError.notFound(`Story "${storyId}"`);
    return { members };
  }

  /** Every version of an update; a retracted update's earlier text is not shown again. */
  async versions(id: string): Promise<UpdateVersion[]> {
    const update = await this.require(id);
    const versions = await this.deps.store.listVersions(id);
    if (update.status !== 'retracted') return versions;
    return versions.map(({ url: _url, ...version }) => ({ ...version, title: '', summary: '' }));
  }

  private async require(id: string): Promise<Update> {
    const update = await this.deps.store.getUpdate(id);
    if (!update) throw AppError.notFound(`Update "${id}"`);
    return update;
  }

  private async mutate(
    id: string,
    kind: ChangeKind,
    decide: (current: Update) => Mutation | undefined,
  ): Promise<Update> {
    let result;
    try {
      result = await this.deps.store.mutateUpdate(id, decide);
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new AppError('conflict', 'Another update of this event already has this link or headline');
      }
      throw error;
    }
    if (!result) throw AppError.notFound(`Update "${id}"`);
    if (result.changed) this.deps.publisher.publish(kind, result.update);
    this.publishAll(result.touched);
    return result.update;
  }

  /**
   * Ingests many items in one store transaction; an item that cannot be accepted is reported as
   * rejected and does not stop the others.
   */
  async ingestBatch(eventSlug: string, items: readonly unknown[]): Promise<BatchResult[]> {
    const event = this.deps.events.get(eventSlug);
    const results: (BatchResult | undefined)[] = [];
    const accepted: { index: number; prepared: Omit<NewUpdate, 'storyId' | 'at'> }[] = [];
    // Validating and tagging 500 items takes ~50 ms: readers are answered in between.
    const slices = new TimeSlices();
    for (const [index, item] of items.entries()) {
      await slices.pause();
      try {
        accepted.push({ index, prepared: this.prepare(event, item, {}) });
        results.push(undefined);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.deps.logger.debug({ index, code: error.code }, 'batch item rejected');
        results.push({ status: 'rejected', error: error.toJSON() });
      }
    }
    const stored = await this.storeAndPublish(
      event,
      accepted.map((a) => a.prepared),
    );
    for (const [i, { update, created }] of stored.entries()) {
      results[(accepted[i] as { index: number }).index] = {
        id: update.id,
        status: created ? 'created' : 'duplicate',
      };
    }
    return results as BatchResult[];
  }
}
