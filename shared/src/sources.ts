import { z } from 'zod';
import { httpUrlSchema, topicIdSchema, visibleText } from './schemas.js';

/** The shortest poll interval: polling faster than this is impolite to publishers. */
export const minPollSeconds = 30;
export const defaultPollSeconds = 120;

/**
 * What a feed's items do: `publish` goes straight to readers; `review` waits in the event's incoming
 * queue for an editor to approve, merge or discard (GET /api/events/:slug/queue).
 */
export const feedModes = ['publish', 'review'] as const;
export type FeedMode = (typeof feedModes)[number];

const sourceFields = {
  name: visibleText(120),
  url: httpUrlSchema,
  pollSeconds: z.number().int().min(minPollSeconds).max(86_400),
  /** Topics every item of this source gets. */
  topics: z.array(topicIdSchema).max(20),
  enabled: z.boolean(),
  mode: z.enum(feedModes),
};

/** POST /api/events/:slug/sources. */
export const sourceInputSchema = z.strictObject({
  ...sourceFields,
  pollSeconds: sourceFields.pollSeconds.default(defaultPollSeconds),
  topics: sourceFields.topics.default([]),
  enabled: sourceFields.enabled.default(true),
  mode: sourceFields.mode.default('publish'),
});
export type SourceInput = z.input<typeof sourceInputSchema>;

/** PATCH /api/sources/:id: the fields that change. */
export const sourcePatchSchema = z
  .strictObject({
    name: sourceFields.name.optional(),
    url: sourceFields.url.optional(),
    pollSeconds: sourceFields.pollSeconds.optional(),
    topics: sourceFields.topics.optional(),
    enabled: sourceFields.enabled.optional(),
    mode: sourceFields.mode.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one field to change' });
export type SourcePatch = z.input<typeof sourcePatchSchema>;

export const sourceStatuses = ['pending', 'ok', 'failing', 'disabled'] as const;
export type SourceStatus = (typeof sourceStatuses)[number];

/**
 * Why a source is failing, in a word a reader can be shown. The detailed message (addresses, TLS
 * errors, redirect targets) is for admins only: a hostile feed could otherwise use it to map the
 * server's network.
 */
export const sourceErrorKinds = [
  'refused',
  'dns',
  'connection',
  'timeout',
  'tls',
  'http',
  'redirect',
  'gone',
  'too_large',
  'not_a_feed',
  'internal',
] as const;
export type SourceErrorKind = (typeof sourceErrorKinds)[number];

/**
 * A feed source and its health, as GET /api/events/:slug/sources shows it. Everyone sees the outlet's
 * name, its health and the kind of error; only admins see the feed URL (with any `user:pass@` taken
 * out: credentials are never shown once saved) and the detailed error.
 */
export const sourceViewSchema = z.object({
  id: z.string(),
  event: z.string(),
  name: z.string(),
  /** Admins only, without credentials. */
  url: z.string().optional(),
  /** Admins only: whether the stored URL carries credentials (which are never shown). */
  hasCredentials: z.boolean().optional(),
  pollSeconds: z.number().int(),
  topics: z.array(z.string()),
  enabled: z.boolean(),
  mode: z.enum(feedModes),
  status: z.enum(sourceStatuses),
  /** Why the source is failing or disabled, in a word. */
  errorKind: z.enum(sourceErrorKinds).nullable(),
  /** The detailed reason, for admins; null for everyone else. */
  error: z.string().nullable(),
  lastFetchAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** Items in the last successful fetch, and how many of them were new or corrected. */
  itemsSeen: z.number().int(),
  itemsNew: z.number().int(),
  nextPollAt: z.string().nullable(),
  /** Failed polls in a row: the feed backs off (waits longer) after each. */
  failures: z.number().int().optional(),
});
export type SourceView = z.infer<typeof sourceViewSchema>;

/** POST /api/events/:slug/sources/test: a URL to try before saving it. */
export const sourceTestSchema = z.strictObject({ url: httpUrlSchema });

/**
 * What trying a feed URL found: the feed's title and its first items, or why it fails, in words
 * (`errorKind` as a failing feed's), with `hint` saying what an operator can do about it.
 */
export type SourceTestResult =
  | { ok: true; title: string; items: number; sample: { title: string; publishedAt: string }[] }
  | { ok: false; errorKind: SourceErrorKind; message: string; hint: string | null };
