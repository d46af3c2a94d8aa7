import { storyMergeSchema, storySplitSchema, type StoryView, type Update } from '@dayline/shared';
import type { CommitStep } from '../commit/commit.js';
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
    await this.deps.commit.regroup(
      current.members[0]?.event ?? '',
      moves,
      [oldHead.id],
      by === undefined ? undefined : { actor: by, action: 'story.split', target: storyId },
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
    await this.deps.commit.regroup(
      target.members[0]?.event ?? '',
      moves,
      [storyId],
      by === undefined ? undefined : { actor: by, action: 'story.merge', target: storyId },
    );
    return this.story(storyId);
  }

  private async require(storyId: string): Promise<{ members: Update[] }> {
    const members = await this.deps.store.storyMembers(storyId);
    if (members.length === 0) throw AppError.notFound(`Story "${storyId}"`);
    return { members };
  }
}
