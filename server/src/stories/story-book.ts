/** What one update's arrival decided. */
export interface StoryAssignment {
  /** The story the update is in now; a new story takes the id of the update that started it. */
  storyId: string;
  /** True when it joined an existing story, false when it started one. */
  joined: boolean;
  /** Time-weighted cosine similarity with its best match (0 when nothing was close). */
  similarity: number;
  /** The update it was most similar to, when that passed the threshold. */
  matchedId?: string;
}

/** A story as readers see it. */
export interface Story {
  id: string;
  /** A pinned member if there is one (the earliest pinned), else the earliest member. */
  headId: string;
  /** Earliest first. */
  memberIds: string[];
  /** Distinct outlet names, in the order they first reported the story. */
  outlets: string[];
  /** When the earliest member was published. */
  firstSeen: Date;
}

export interface Member {
  id: string;
  at: number;
  source: string | undefined;
  pinned: boolean;
  /** False once the member has left the matching window (it stays in its story's record). */
  inWindow: boolean;
  assignment: StoryAssignment;
}

interface StoryState {
  id: string;
  members: Map<string, Member>;
  /** Members still in the window: the record is dropped when none is left. */
  live: number;
}

function earlier(a: Member, b: Member): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/**
 * Story membership: which update is in which story, and each story's head, members and
 * outlets. A story's record lives as long as one of its members is in the window, so its head and
 * first-seen time do not change just because its oldest members were evicted from matching.
 */
export class StoryBook {
  readonly #stories = new Map<string, StoryState>();
  readonly #memberOf = new Map<string, StoryState>();

  get size(): number {
    return this.#stories.size;
  }

  member(id: string): Member | undefined {
    return this.#memberOf.get(id)?.members.get(id);
  }

  storyOf(id: string): string | undefined {
    return this.#memberOf.get(id)?.id;
  }

  join(storyId: string, member: Member): void {
    let story = this.#stories.get(storyId);
    if (!story) {
      story = { id: storyId, members: new Map(), live: 0 };
      this.#stories.set(storyId, story);
    }
    story.members.set(member.id, member);
    if (member.inWindow) story.live++;
    this.#memberOf.set(member.id, story);
  }

  /** The member stays in its story but can no longer be matched. */
  leaveWindow(id: string): void {
    const story = this.#memberOf.get(id);
    const member = story?.members.get(id);
    if (!story || !member?.inWindow) return;
    member.inWindow = false;
    story.live--;
    if (story.live === 0) this.#drop(story);
  }

  /** Takes a member out of its story altogether (a retraction). */
  remove(id: string): boolean {
    const story = this.#memberOf.get(id);
    const member = story?.members.get(id);
    if (!story || !member) return false;
    story.members.delete(id);
    this.#memberOf.delete(id);
    if (member.inWindow) story.live--;
    if (story.live === 0) this.#drop(story);
    return true;
  }

  pin(id: string, pinned: boolean): boolean {
    const member = this.member(id);
    if (!member) return false;
    member.pinned = pinned;
    return true;
  }

  view(storyId: string): Story | undefined {
    const story = this.#stories.get(storyId);
    if (!story) return undefined;
    const members = [...story.members.values()].sort((a, b) => (earlier(a, b) ? -1 : 1));
    const first = members[0];
    if (!first) return undefined;
    const head = members.find((m) => m.pinned) ?? first;
    const outlets = [...new Set(members.flatMap((m) => (m.source ? [m.source] : [])))];
    return {
      id: story.id,
      headId: head.id,
      memberIds: members.map((m) => m.id),
      outlets,
      firstSeen: new Date(first.at),
    };
  }

  clear(): void {
    this.#stories.clear();
    this.#memberOf.clear();
  }

  #drop(story: StoryState): void {
    this.#stories.delete(story.id);
    for (const id of story.members.keys()) this.#memberOf.delete(id);
  }
}
