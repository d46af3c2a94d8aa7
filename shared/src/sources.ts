import { z } from 'zod';
import { httpUrlSchema, topicIdSchema } from './schemas.js';

/** The shortest poll interval: polling faster than this is impolite to publishers. */
export const minPollSeconds = 30;
export const defaultPollSeconds = 120;

const sourceFields = {
  name: z.string().trim().min(1).max(120),
  url: httpUrlSchema,
  pollSeconds: z.number().int().min(minPollSeconds).max(86_400),
  /** Topics every item of this source gets. */
  topics: z.array(topicIdSchema).max(20),
  enabled: z.boolean(),
};

/** POST /api/events/:slug/sources. */
export const sourceInputSchema = z.strictObject({
  ...sourceFields,
  pollSeconds: sourceFields.pollSeconds.default(defaultPollSeconds),
  topics: sourceFields.topics.default([]),
  enabled: sourceFields.enabled.default(true),
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
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one field to change' });
export type SourcePatch = z.input<typeof sourcePatchSchema>;

export const sourceStatuses = ['pending', 'ok', 'failing', 'disabled'] as const;
export type SourceStatus = (typeof sourceStatuses)[number];

/** A feed source and its health, as GET /api/events/:slug/sources shows it. */
export const sourceViewSchema = z.object({
  id: z.string(),
  event: z.string(),
  name: z.string(),
  url: z.string(),
  pollSeconds: z.number().int(),
  topics: z.array(z.string()),
  enabled: z.boolean(),
  status: z.enum(sourceStatuses),
  /** Why the source is failing or disabled, for the operator. */
  error: z.string().nullable(),
  lastFetchAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** Items in the last successful fetch, and how many of them were new or corrected. */
  itemsSeen: z.number().int(),
  itemsNew: z.number().int(),
  nextPollAt: z.string().nullable(),
});
export type SourceView = z.infer<typeof sourceViewSchema>;
