import { z } from 'zod';
import {
  httpUrlSchema,
  instantSchema,
  plainText,
  sourceSchema,
  topicIdSchema,
  visibleText,
} from './schemas.js';

/**
 * Where a draft is on the desk: being written, waiting for an editor, or due at `publishAt`.
 * (`publishing` and `published` are the server's own; they are never listed.)
 */
export const draftStates = ['draft', 'review', 'scheduled'] as const;
export type DraftState = (typeof draftStates)[number];

/**
 * A draft's text as it is being written: the fields of an `UpdateInput`, but a title may still be
 * empty (it is saved as the writer types) and `publishedAt` may wait for the moment it goes out.
 * Publishing checks it against the full `updateInputSchema`.
 */
export const draftFieldsSchema = z.strictObject({
  title: plainText(300).default(''),
  summary: plainText(5000).optional(),
  url: httpUrlSchema.optional(),
  source: sourceSchema.optional(),
  author: visibleText(200).optional(),
  publishedAt: instantSchema.optional(),
  topics: z.array(topicIdSchema).max(20).optional(),
  externalId: visibleText(500).optional(),
  pinned: z.boolean().optional(),
});
export type DraftFields = z.output<typeof draftFieldsSchema>;

/**
 * POST /api/events/:slug/updates with `status: "draft"` (a draft) or a `publishAt` (a post
 * scheduled for that future instant).
 */
export const draftInputSchema = draftFieldsSchema.extend({
  status: z.literal('draft').optional(),
  publishAt: instantSchema.optional(),
});
export type DraftInput = z.input<typeof draftInputSchema>;

/**
 * PUT /api/drafts/:id: the draft's whole text as it now stands (the console autosaves this), and
 * `publishAt` to schedule it; without one a scheduled post goes back to being a draft.
 */
export const draftSaveSchema = draftFieldsSchema.extend({ publishAt: instantSchema.optional() });
export type DraftSave = z.input<typeof draftSaveSchema>;

/** Whether a body sent to POST /api/events/:slug/updates asks for a draft or a scheduled post. */
export function isDraftRequest(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { status, publishAt } = body as { status?: unknown; publishAt?: unknown };
  return status === 'draft' || publishAt !== undefined;
}

/** A draft or scheduled post as the newsroom sees it (never readers). */
export interface Draft extends DraftFields {
  id: string;
  event: string;
  state: DraftState;
  /** When a scheduled post goes out (UTC); null for a draft. */
  publishAt: string | null;
  /** Who wrote it: a user's name, or `token` for a machine. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/events/:slug/drafts. */
export interface DraftList {
  items: Draft[];
}
