import {
  storyMergeSchema,
  storySearchQuerySchema,
  storySplitSchema,
  type StorySummary,
  type StoryView,
  type Update,
} from '@dayline/shared';
import type { CommitStep } from '../commit/commit.js';
import type { EditorDecision, StoryVerdict } from '../decisions/queries.js';
import { AppError } from '../errors.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';

/** Stories as readers see them, and editors' fixes to clustering, committed through the commit step. */
export class StoryService {
  constructor(private readonly deps: { store: Store; commit: CommitStep }) {}

  /** A story and its members, oldest first. */
  async story(storyId: string): Promise<StoryView> {
    const { members } = await this.require(storyId);
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

  /** Editors' fixes to clustering: these members leave their story and form one of their own. */
  async split(storyId: string, raw: unknown, by?: string): Promise<StoryView> {
    const { members } = parseInput(storySplitSchema, raw);
    const current = await this.require(storyId);
    const leaving = current.members.filter((m) => members.includes(m.id));
    const unknown = members.find((m) => !current.members.some((c) => c.id === m));
    if (unknown) throw new AppError('invalid_input', `Update "${unknown}" is not in story "${storyId}"`);
    const staying = current.members.filter((m) => !members.includes(m.id));
    const newHead = leaving[0];
    const oldHead = staying[0];
    if (!newHead || !oldHead) throw new AppError('invalid_input', 'A split must leave members on both sides');
    const moves = [
      ...leaving.map((m) => ({ id: m.id, storyId: newHead.id })),
      // If the head itself left, the earliest member left behind heads the rest.
      ...(oldHead.id === storyId ? [] : staying.map((m) => ({ id: m.id, storyId: oldHead.id }))),
    ];
    const event = current.members[0]?.event ?? '';
    await this.deps.commit.regroup(
      event,
      moves,
      [oldHead.id],
      by === undefined ? undefined : { actor: by, action: 'story.split', target: storyId },
      // The editor's word: each report that left is not the same story as each that stayed.
      (at) => pairs(leaving, staying, 'different', { event, at, actor: by ?? 'unknown' }),
    );
    return this.story(newHead.id);
  }

  /** Editors' fixes to clustering: the other story's members join this one. */
  async merge(storyId: string, raw: unknown, by?: string): Promise<StoryView> {
    const { story: otherId } = parseInput(storyMergeSchema, raw);
    if (otherId === storyId) throw new AppError('invalid_input', 'A story cannot merge with itself');
    const target = await this.require(storyId);
    const other = await this.require(otherId);
    if (other.members[0]?.event !== target.members[0]?.event) {
      throw new AppError('invalid_input', 'Only stories of the same event can be merged');
    }
    const moves = other.members.map((m) => ({ id: m.id, storyId }));
    const event = target.members[0]?.event ?? '';
    await this.deps.commit.regroup(
      event,
      moves,
      [storyId],
      by === undefined ? undefined : { actor: by, action: 'story.merge', target: storyId },
      // The editor's word: each report of the other story is the same story as each of this one.
      (at) => pairs(other.members, target.members, 'same', { event, at, actor: by ?? 'unknown' }),
    );
    return this.story(storyId);
  }

  /**
   * The event's stories whose reports match `q` (every word, as the timeline's search), or its
   * latest stories without one: each once, by the newest matching report, with its first report.
   */
  async search(event: string, raw: unknown): Promise<StorySummary[]> {
    const { q, limit } = parseInput(storySearchQuerySchema, raw);
    const { store } = this.deps;
    const found: StorySummary[] = [];
    const seen = new Set<string>();
    let before: string | null = null;
    // Reports of one story come in a run: a few pages find `limit` different stories.
    for (let page = 0; page < 5 && found.length < limit; page++) {
      const { items, next }: { items: Update[]; next: string | null } = await store.listUpdates(event, {
        ...(q ? { q } : {}),
        limit: 50,
        ...(before ? { before } : {}),
      });
      const storyIds = await store.storyIdsOf(items.map((u) => u.id));
      for (const update of items) {
        const id = storyIds.get(update.id) ?? update.id;
        if (seen.has(id) || found.length >= limit) continue;
        seen.add(id);
        const story = update.story;
        found.push(
          story?.firstReport
            ? {
                id,
                headId: story.headId,
                size: story.size,
                sources: story.sources,
                firstReport: story.firstReport,
              }
            : {
                id,
                headId: update.id,
                size: 1,
                sources: update.source ? [update.source.name] : [],
                firstReport: {
                  title: update.title,
                  ...(update.source ? { source: update.source.name } : {}),
                  publishedAt: update.publishedAt,
                },
              },
        );
      }
      before = next;
      if (!before) break;
    }
    return found;
  }

  private async require(storyId: string): Promise<{ members: Update[] }> {
    const members = await this.deps.store.storyMembers(storyId);
    if (members.length === 0) throw AppError.notFound(`Story "${storyId}"`);
    return { members };
  }
}

/** The editor's verdict on every pair of a report from `left` and one from `right`. */
function pairs(
  left: readonly Update[],
  right: readonly Update[],
  verdict: StoryVerdict,
  decision: { event: string; at: string; actor: string },
): EditorDecision[] {
  return left.flatMap((a) => right.map((b) => ({ ...decision, updateId: a.id, otherId: b.id, verdict })));
}
