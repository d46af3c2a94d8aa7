/** What one update's arrival decided. */
export interface ClusterAssignment {
  /** The cluster the update is in now; a new cluster takes the id of the update that started it. */
  clusterId: string;
  /** True when it joined an existing cluster, false when it started one. */
  joined: boolean;
  /** Time-weighted cosine similarity with its best match (0 when nothing was close). */
  similarity: number;
  /** The update it was most similar to, when that passed the threshold. */
  matchedId?: string;
}

/** A cluster as readers see it. */
export interface Cluster {
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
  /** False once the member has left the matching window (it stays in its cluster's record). */
  inWindow: boolean;
  assignment: ClusterAssignment;
}

interface ClusterState {
  id: string;
  members: Map<string, Member>;
  /** Members still in the window: the record is dropped when none is left. */
  live: number;
}

function earlier(a: Member, b: Member): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/**
 * Cluster membership: which update is in which cluster, and each cluster's head, members and
 * outlets. A cluster's record lives as long as one of its members is in the window, so its head and
 * first-seen time do not change just because its oldest members were evicted from matching.
 */
export class ClusterBook {
  readonly #clusters = new Map<string, ClusterState>();
  readonly #memberOf = new Map<string, ClusterState>();

  get size(): number {
    return this.#clusters.size;
  }

  member(id: string): Member | undefined {
    return this.#memberOf.get(id)?.members.get(id);
  }

  clusterOf(id: string): string | undefined {
    return this.#memberOf.get(id)?.id;
  }

  join(clusterId: string, member: Member): void {
    let cluster = this.#clusters.get(clusterId);
    if (!cluster) {
      cluster = { id: clusterId, members: new Map(), live: 0 };
      this.#clusters.set(clusterId, cluster);
    }
    cluster.members.set(member.id, member);
    if (member.inWindow) cluster.live++;
    this.#memberOf.set(member.id, cluster);
  }

  /** The member stays in its cluster but can no longer be matched. */
  leaveWindow(id: string): void {
    const cluster = this.#memberOf.get(id);
    const member = cluster?.members.get(id);
    if (!cluster || !member?.inWindow) return;
    member.inWindow = false;
    cluster.live--;
    if (cluster.live === 0) this.#drop(cluster);
  }

  /** Takes a member out of its cluster altogether (a retraction). */
  remove(id: string): boolean {
    const cluster = this.#memberOf.get(id);
    const member = cluster?.members.get(id);
    if (!cluster || !member) return false;
    cluster.members.delete(id);
    this.#memberOf.delete(id);
    if (member.inWindow) cluster.live--;
    if (cluster.live === 0) this.#drop(cluster);
    return true;
  }

  pin(id: string, pinned: boolean): boolean {
    const member = this.member(id);
    if (!member) return false;
    member.pinned = pinned;
    return true;
  }

  view(clusterId: string): Cluster | undefined {
    const cluster = this.#clusters.get(clusterId);
    if (!cluster) return undefined;
    const members = [...cluster.members.values()].sort((a, b) => (earlier(a, b) ? -1 : 1));
    const first = members[0];
    if (!first) return undefined;
    const head = members.find((m) => m.pinned) ?? first;
    const outlets = [...new Set(members.flatMap((m) => (m.source ? [m.source] : [])))];
    return {
      id: cluster.id,
      headId: head.id,
      memberIds: members.map((m) => m.id),
      outlets,
      firstSeen: new Date(first.at),
    };
  }

  clear(): void {
    this.#clusters.clear();
    this.#memberOf.clear();
  }

  #drop(cluster: ClusterState): void {
    this.#clusters.delete(cluster.id);
    for (const id of cluster.members.keys()) this.#memberOf.delete(id);
  }
}
