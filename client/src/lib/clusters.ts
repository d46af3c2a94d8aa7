import type { Update } from '@dayline/shared';
import type { Filters } from './route.js';

/** Similar coverage of one story: present on an update only when its cluster has more than one. */
export interface ClusterInfo {
  id: string;
  /** The update whose card stands for the whole cluster. */
  headId: string;
  size: number;
  /** The outlets in the cluster. */
  sources: string[];
}

/** GET /api/clusters/:id. */
export interface ClusterDetail extends ClusterInfo {
  firstSeen: string;
  /** Oldest first. */
  members: Update[];
}

/** The cluster an update belongs to, when it has company; read defensively (the field is optional). */
export function clusterOf(update: Update): ClusterInfo | null {
  const c: unknown = (update as { cluster?: unknown }).cluster;
  if (typeof c !== 'object' || c === null) return null;
  const { id, headId, size, sources } = c as Record<string, unknown>;
  if (typeof id !== 'string' || typeof headId !== 'string' || typeof size !== 'number' || size < 2) {
    return null;
  }
  const names = Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [];
  return { id, headId, size, sources: names };
}

/** A member other than the head: in a collapsed list it has no card of its own. */
export function isClusterMember(update: Update): boolean {
  const cluster = clusterOf(update);
  return cluster !== null && cluster.headId !== update.id;
}

/** How many outlets a head card names before "…". */
const namedOutlets = 2;

/**
 * "+3 similar: Northern Wire, Baltic Dispatch, …": the other members' count, and the outlets other
 * than the head's own.
 */
export function similarLabel(cluster: ClusterInfo, headSource: string | undefined): string {
  const others = [...new Set(cluster.sources)].filter((name) => name !== headSource);
  const count = `+${cluster.size - 1} similar`;
  if (others.length === 0) return count;
  const named = others.slice(0, namedOutlets).join(', ');
  return `${count}: ${named}${others.length > namedOutlets ? ', …' : ''}`;
}

/**
 * Whether a view folds similar coverage into its head's card. A view of one outlet does not: its
 * reader asked for that outlet's own items, which may be members of clusters headed by others.
 */
export function collapses(filters: Pick<Filters, 'source'>): boolean {
  return filters.source === '';
}
