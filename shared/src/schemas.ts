import { z } from 'zod';
import { isTimeZone } from './day.js';
import { topicRules } from './topic-rules.js';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens')
  .max(64);
export const topicIdSchema = slugSchema;

export const isoDateSchema = z.iso.date();
export const timeZoneSchema = z.string().refine(isTimeZone, 'Unknown IANA time zone');
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a #rrggbb colour');
/** Links are http(s) only: anything else (javascript:, data:) could run in a reader's browser. */
export const httpUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

/** An instant with an explicit offset, stored and sent as UTC (`2022-03-16T21:30:00.000Z`). */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const topicSchema = z.object({
  id: topicIdSchema,
  label: z.string().min(1).max(60),
  color: colorSchema,
});
export type Topic = z.infer<typeof topicSchema>;

export const eventSchema = z.object({
  slug: slugSchema,
  title: z.string().min(1).max(200),
  startDate: isoDateSchema,
  timeZone: timeZoneSchema,
  topics: z.array(topicSchema),
  /**
   * Topics removed from the event, with the label and colour they last had: stored updates may still
   * carry them, and show that label (never the raw id). Never offered as a filter or a choice; a topic
   * added again leaves this list. Absent from servers older than this field.
   */
  retiredTopics: z.array(topicSchema).optional(),
  /** One paragraph under the title (empty when the event has none). */
  standfirst: z.string().optional(),
  /** Read-only: its updates are kept and shown, no write is taken. */
  closed: z.boolean().optional(),
  /** Newest `publishedAt` of the event's updates (GET /api/events), so `/` can open the liveliest. */
  lastPublishedAt: z.string().nullable().optional(),
});
export type Event = z.infer<typeof eventSchema>;

/** Halves of UTF-16 surrogate pairs standing alone: not text, and stored as UTF-8 they change. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters other than tab, line feed and carriage return. */
const controls = /(?![\t\n\r])\p{Cc}/gu;
/** Space and the invisible characters a copy and paste leaves at either end. */
const edges = /^[\p{White_Space}\u200B\u2060\uFEFF]+|[\p{White_Space}\u200B\u2060\uFEFF]+$/gu;

/**
 * Text as Dayline stores it: lone surrogates become U+FFFD (as any UTF-8 store would make them),
 * control characters go, Unicode NFC, trimmed of space and invisible characters at the ends. Done
 * once, here at the edge, so what is stored and read back is exactly what was acknowledged.
 */
export function normalizeText(value: string): string {
  return value.replace(loneSurrogates, '\uFFFD').replace(controls, '').normalize('NFC').replace(edges, '');
}

/** Whether the text shows anything: not only space, zero-width or other invisible characters. */
export const hasVisibleText = (value: string): boolean =>
  /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(value);

/** Optional text, normalised. */
export const plainText = (max: number) => z.string().overwrite(normalizeText).max(max);
/** Text that must show something: a title of zero-width spaces is as empty as one of spaces. */
export const visibleText = (max: number) =>
  plainText(max).refine(hasVisibleText, { message: 'Must contain at least one visible character' });

export const sourceSchema = z.strictObject({
  name: visibleText(120),
  url: httpUrlSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** What a writer sends: one update of the timeline. Unknown fields are rejected. */
export const updateInputSchema = z.strictObject({
  title: visibleText(300),
  summary: plainText(5000).optional(),
  url: httpUrlSchema.optional(),
  source: sourceSchema.optional(),
  author: visibleText(200).optional(),
  publishedAt: instantSchema,
  topics: z.array(topicIdSchema).max(20).optional(),
  externalId: visibleText(500).optional(),
  pinned: z.boolean().optional(),
  /**
   * `published` (the default) publishes it now. `draft`, or a `publishAt`, makes it a draft or a
   * scheduled post instead (shared/src/drafts.ts): the server diverts those before this schema.
   */
  status: z.literal('published').optional(),
});
export type UpdateInput = z.input<typeof updateInputSchema>;
export type ValidUpdateInput = z.output<typeof updateInputSchema>;

export const maxBatchSize = 500;
export const batchInputSchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(maxBatchSize),
});

export const updateStatuses = ['published', 'corrected', 'retracted'] as const;
export type UpdateStatus = (typeof updateStatuses)[number];

/** Why an update carries a topic: one rule that gave it (server/src/ingest/topics.ts). */
export const topicReasonSchema = z.object({
  rule: z.enum(topicRules),
  /** The text that matched as it appears in the update, the category, the source, or the topic id. */
  match: z.string(),
  /** The configured keyword, regex or category that matched, when it differs from the text. */
  pattern: z.string().optional(),
  /** An `editor` reason: who decided, and when. */
  by: z.string().optional(),
  at: z.string().optional(),
  /** A `model` reason: the topic model's probability for the topic. */
  probability: z.number().min(0).max(1).optional(),
});
export type TopicReason = z.infer<typeof topicReasonSchema>;

/** A stored update as every reader sees it. `cursor` is the change-log position of its last change. */
export const updateSchema = z.object({
  id: z.string(),
  event: slugSchema,
  title: z.string(),
  summary: z.string(),
  url: z.string().optional(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  author: z.string().optional(),
  publishedAt: z.string(),
  topics: z.array(topicIdSchema),
  externalId: z.string().optional(),
  pinned: z.boolean(),
  /** The event's sticky post, kept at the top of the reader's page (at most one per event). */
  sticky: z.boolean(),
  day: z.number().int(),
  ingestedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().min(1),
  status: z.enum(updateStatuses),
  cursor: z.number().int().min(1),
  /** Set by the latest correction. */
  correctedAt: z.string().optional(),
  correctionNote: z.string().optional(),
  /** Why the update has each topic: the rule and the text that matched. */
  topicReasons: z.record(z.string(), z.array(topicReasonSchema)).optional(),
  /**
   * The story this update belongs to, when it has other reports. `headId` is its first report: the
   * earliest published (or the pinned one), whose headline, outlet and time are in `firstReport`.
   */
  story: z
    .object({
      id: z.string(),
      headId: z.string(),
      size: z.number().int(),
      sources: z.array(z.string()),
      firstReport: z
        .object({ title: z.string(), source: z.string().optional(), publishedAt: z.string() })
        .optional(),
    })
    .optional(),
  /** The source gave no readable date, so `publishedAt` is when Dayline first saw the item. */
  dateEstimated: z.boolean().optional(),
  /** Set on a tombstone: title and summary are then empty strings. */
  retractedAt: z.string().optional(),
  retractionReason: z.string().optional(),
});
export type Update = z.infer<typeof updateSchema>;

/** PATCH /api/updates/:id: the fields that change, and an optional note shown with the correction. */
export const updatePatchSchema = z
  .strictObject({
    title: visibleText(300).optional(),
    summary: plainText(5000).optional(),
    url: httpUrlSchema.nullable().optional(),
    source: sourceSchema.nullable().optional(),
    author: plainText(200).nullable().optional(),
    publishedAt: instantSchema.optional(),
    topics: z.array(topicIdSchema).max(20).optional(),
    pinned: z.boolean().optional(),
    /** Make it the event's sticky post (the one before stops being sticky), or stop. */
    sticky: z.boolean().optional(),
    correctionNote: visibleText(500).optional(),
    /**
     * The version the change was based on (or the `If-Match` header): when the update has moved on
     * since, the change is refused with `409 conflict` and the current update, never applied over it.
     */
    version: z.number().int().min(1).optional(),
  })
  .refine((patch) => Object.keys(patch).some((key) => key !== 'correctionNote' && key !== 'version'), {
    message: 'Name at least one field to change',
  });
export type UpdatePatch = z.input<typeof updatePatchSchema>;

/** DELETE /api/updates/:id: an optional reason shown on the tombstone. */
export const retractSchema = z.strictObject({ reason: visibleText(500).optional() });

export const versionKinds = [
  'created',
  'corrected',
  'pinned',
  'unpinned',
  'sticky',
  'unsticky',
  'retracted',
] as const;
export type VersionKind = (typeof versionKinds)[number];

/** One kept version of an update (GET /api/updates/:id/versions), oldest first. */
export const updateVersionSchema = z.object({
  version: z.number().int().min(1),
  kind: z.enum(versionKinds),
  at: z.string(),
  status: z.enum(updateStatuses),
  title: z.string(),
  summary: z.string(),
  url: z.string().optional(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  author: z.string().optional(),
  publishedAt: z.string(),
  topics: z.array(topicIdSchema),
  pinned: z.boolean(),
  note: z.string().optional(),
});
export type UpdateVersion = z.infer<typeof updateVersionSchema>;

/** Result of one item of a batch write. */
export const batchResultSchema = z.object({
  id: z.string().optional(),
  status: z.enum(['created', 'duplicate', 'updated', 'rejected']),
  error: z.unknown().optional(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

/** `?topics=a,b` as a list; empty means every topic. */
const topicListSchema = z
  .string()
  .max(2000)
  .transform((value) => [
    ...new Set(
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(topicIdSchema).max(50));

export const updatesQuerySchema = z.object({
  topics: topicListSchema.optional(),
  q: z.string().trim().max(200).optional(),
  source: z.string().trim().max(120).optional(),
  day: z.coerce.number().int().min(-100000).max(100000).optional(),
  before: z.string().max(200).optional(),
  /**
   * The page just newer than this token (a page's `newer`): scrolling up from a permalink towards
   * the latest. It wins over `before` and `from`.
   */
  after: z.string().max(200).optional(),
  /** Start the page at this instant (inclusive) instead of the newest: day and update permalinks. */
  from: instantSchema.optional(),
  /**
   * Accepted and ignored, for links and clients from before every report had its own card: a
   * list always holds every report that matches, whatever story it belongs to (docs/quality.md).
   */
  collapse: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** `true`: only pinned (key) updates. */
  pinned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** `true`: only the event's sticky post. */
  sticky: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UpdatesQuery = z.output<typeof updatesQuerySchema>;

export const daysQuerySchema = z.object({
  topics: topicListSchema.optional(),
  q: z.string().trim().max(200).optional(),
  source: z.string().trim().max(120).optional(),
});

export const updatePageSchema = z.object({
  items: z.array(updateSchema),
  /** Token for the next older page (`before`); null at the start of the timeline (and on `after` pages). */
  next: z.string().nullable(),
  /**
   * Token for the next newer page (`after`), on pages that do not start at the newest update (a
   * permalink's, an older page, a newer page); null once a newer page reaches the newest.
   */
  newer: z.string().nullable().optional(),
});
export type UpdatePage = z.infer<typeof updatePageSchema>;

export const dayCountSchema = z.object({
  day: z.number().int(),
  date: isoDateSchema,
  count: z.number().int(),
  topics: z.record(z.string(), z.number().int()),
});
export type DayCount = z.infer<typeof dayCountSchema>;

export type TopicReasons = NonNullable<Update['topicReasons']>;
export type StoryInfo = NonNullable<Update['story']>;

/** GET /api/stories/:id: a story (reports of one development) and its members, oldest first. */
export const storyViewSchema = z.object({
  id: z.string(),
  headId: z.string(),
  size: z.number().int(),
  sources: z.array(z.string()),
  firstSeen: z.string(),
  members: z.array(updateSchema),
});
export type StoryView = z.infer<typeof storyViewSchema>;

/** POST /api/stories/:id/split: these members leave and form a story of their own. */
export const storySplitSchema = z.strictObject({ members: z.array(z.string().min(1)).min(1).max(500) });
/** POST /api/stories/:id/merge: the other story's members join this one. */
export const storyMergeSchema = z.strictObject({ story: z.string().min(1) });

/** GET /api/events/:slug/stories: stories whose reports match `q` (all words), newest first. */
export const storySearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** One story found by a search: enough to choose it (its first report, size and outlets). */
export const storySummarySchema = z.object({
  id: z.string(),
  headId: z.string(),
  size: z.number().int(),
  sources: z.array(z.string()),
  firstReport: z.object({ title: z.string(), source: z.string().optional(), publishedAt: z.string() }),
});
export type StorySummary = z.infer<typeof storySummarySchema>;
