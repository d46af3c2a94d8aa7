import type { ClusterInfo, Update } from '@dayline/shared';

/** The story an update belongs to, when it has other reports (`Update['cluster']`). */
export type { ClusterInfo } from '@dayline/shared';

/** GET /api/clusters/:id: a story and its reports, oldest first. */
export type { ClusterView as ClusterDetail } from '@dayline/shared';

/** The cluster an update belongs to, when it has company; read defensively (the field is optional). */
export function clusterOf(update: Update): ClusterInfo | null {
  const c: unknown = (update as { cluster?: unknown }).cluster;
  if (typeof c !== 'object' || c === null) return null;
  const { id, headId, size, sources } = c as Record<string, unknown>;
  if (typeof id !== 'string' || typeof headId !== 'string' || typeof size !== 'number' || size < 2) {
    return null;
  }
  const names = Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [];
  const first = (c as { firstReport?: unknown }).firstReport;
  const firstReport =
    typeof first === 'object' && first !== null && typeof (first as { title?: unknown }).title === 'string'
      ? (first as NonNullable<ClusterInfo['firstReport']>)
      : undefined;
  return { id, headId, size, sources: names, ...(firstReport ? { firstReport } : {}) };
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
