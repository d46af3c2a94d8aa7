import type { StoryInfo, Update } from '@dayline/shared';

/** The story an update belongs to, when it has company; read defensively (the field is optional). */
export function storyOf(update: Update): StoryInfo | null {
  const c: unknown = (update as { story?: unknown }).story;
  if (typeof c !== 'object' || c === null) return null;
  const { id, headId, size, sources } = c as Record<string, unknown>;
  if (typeof id !== 'string' || typeof headId !== 'string' || typeof size !== 'number' || size < 2) {
    return null;
  }
  const names = Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [];
  const first = (c as { firstReport?: unknown }).firstReport;
  const firstReport =
    typeof first === 'object' && first !== null && typeof (first as { title?: unknown }).title === 'string'
      ? (first as NonNullable<StoryInfo['firstReport']>)
      : undefined;
  return { id, headId, size, sources: names, ...(firstReport ? { firstReport } : {}) };
}

/** How many outlets a head card names before "…". */
const namedOutlets = 2;

/**
 * "+3 similar: Northern Wire, Baltic Dispatch, …": the other members' count, and the outlets other
 * than the head's own.
 */
export function similarLabel(story: StoryInfo, headSource: string | undefined): string {
  const others = [...new Set(story.sources)].filter((name) => name !== headSource);
  const count = `+${story.size - 1} similar`;
  if (others.length === 0) return count;
  const named = others.slice(0, namedOutlets).join(', ');
  return `${count}: ${named}${others.length > namedOutlets ? ', …' : ''}`;
}
