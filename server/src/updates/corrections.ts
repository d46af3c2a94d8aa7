import { eventDay, type Update, type UpdatePatch, type updatePatchSchema } from '@dayline/shared';
import type { z } from 'zod';
import { decideEditorTopics } from '../decisions/topics.js';
import { AppError } from '../errors.js';
import type { EventConfig } from '../events/event-config.js';
import type { Mutation, UpdateFields } from '../store/store.js';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from './normalize.js';

type Patch = z.output<typeof updatePatchSchema>;
export type { UpdatePatch };

/** The dedup key of a link: the same article from the same outlet. */
export function urlKey(sourceName: string | undefined, canonical: string): string {
  return `${sourceName?.toLowerCase() ?? ''}\n${canonical}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a PATCH does to an update. Changes to its text make it "corrected"; new topics, pinning or
 * making it the sticky post alone do not.
 * Explicit `topics` replace the update's topics: an editor's decision (decisions/topics.ts), recorded
 * as `by`'s, that outranks the rules and outlives a retag.
 * Returns undefined when nothing would change, so a repeated PATCH adds no version.
 */
export function decideCorrection(
  current: Update,
  patch: Patch,
  event: EventConfig,
  at: string,
  by = 'unknown',
): Mutation | undefined {
  if (current.status === 'retracted') throw new AppError('conflict', 'A retracted update cannot be changed');
  // Decided inside the write's transaction, on the row as it is: two editors saving the same version
  // cannot both win.
  if (patch.version !== undefined && patch.version !== current.version) {
    throw new AppError(
      'conflict',
      `Changed since version ${patch.version}: it is at version ${current.version} now`,
      { current },
    );
  }

  const title = patch.title === undefined ? current.title : cleanText(patch.title);
  const summary = patch.summary === undefined ? current.summary : cleanParagraphs(patch.summary);
  const url = patch.url === undefined ? (current.url ?? null) : patch.url;
  const source =
    patch.source === undefined
      ? (current.source ?? null)
      : patch.source && {
          name: cleanText(patch.source.name),
          ...(patch.source.url ? { url: patch.source.url } : {}),
        };
  const author =
    patch.author === undefined ? (current.author ?? null) : patch.author && cleanText(patch.author);
  const publishedAt = patch.publishedAt ?? current.publishedAt;
  const editorTopics =
    patch.topics === undefined ? undefined : decideEditorTopics(current, patch.topics, by, at);
  const topics = editorTopics?.topics ?? current.topics;

  const textChanged =
    title !== current.title ||
    summary !== current.summary ||
    !same(url, current.url) ||
    !same(source, current.source) ||
    !same(author, current.author) ||
    publishedAt !== current.publishedAt;
  // Confirming the topics it has is a decision too: the reasons change to the editor's.
  const topicsChanged = !same(topics, current.topics) || (editorTopics?.decisions.length ?? 0) > 0;
  const contentChanged = textChanged || topicsChanged;
  const pinChanged = patch.pinned !== undefined && patch.pinned !== current.pinned;
  const stickyChanged = patch.sticky !== undefined && patch.sticky !== current.sticky;
  if (!contentChanged && !pinChanged && !stickyChanged) return undefined;

  const fields: Partial<UpdateFields> = {};
  if (pinChanged) fields.pinned = patch.pinned;
  if (stickyChanged) fields.sticky = patch.sticky;
  if (contentChanged) {
    const canonical = url ? canonicalUrl(url) : null;
    Object.assign(fields, {
      title,
      summary,
      url,
      canonicalUrl: canonical,
      urlKey: canonical ? urlKey(source?.name, canonical) : null,
      source,
      author,
      publishedAt,
      day: eventDay(publishedAt, event),
      topics,
      ...(editorTopics ? { topicReasons: editorTopics.topicReasons } : {}),
      contentKey: contentKey(source?.name, title, publishedAt),
    } satisfies Partial<UpdateFields>);
    // What readers read changed: it is a correction, shown as one. New topics alone are filing,
    // not a correction (as a retag with new rules is).
    if (textChanged) {
      Object.assign(fields, {
        status: 'corrected',
        correctedAt: at,
        correctionNote: patch.correctionNote ?? null,
      } satisfies Partial<UpdateFields>);
    }
  }
  return {
    kind: contentChanged
      ? 'corrected'
      : pinChanged
        ? patch.pinned
          ? 'pinned'
          : 'unpinned'
        : patch.sticky
          ? 'sticky'
          : 'unsticky',
    fields,
    ...(patch.correctionNote && textChanged ? { note: patch.correctionNote } : {}),
    ...(editorTopics?.decisions.length ? { decisions: editorTopics.decisions } : {}),
    at,
  };
}

/** A retraction leaves a tombstone: the text goes, the place in the timeline stays. */
export function decideRetraction(
  current: Update,
  reason: string | undefined,
  at: string,
): Mutation | undefined {
  if (current.status === 'retracted') return undefined;
  return {
    kind: 'retracted',
    fields: {
      status: 'retracted',
      title: '',
      summary: '',
      pinned: false,
      sticky: false,
      retractedAt: at,
      retractionReason: reason ?? null,
    },
    ...(reason ? { note: reason } : {}),
    at,
  };
}
