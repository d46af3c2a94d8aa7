import { z } from 'zod';
import {
  dayCountSchema,
  eventSchema,
  updatePageSchema,
  updateSchema,
  updatesQuerySchema,
} from './schemas.js';

/** How many key (pinned) updates the strip above the timeline shows. */
export const keyEventLimit = 20;

/**
 * GET /api/first-view: what the timeline's first render needs, in one request. The filters are
 * those of the list (`topics`, `q`, `source`, `collapse`, `limit`, and `before`, a page token for
 * an older page); `event` names the event (none:
 * the one with the newest update); `day` or `update` is where a permalink starts. It reads whatever
 * address the reader opened, so an unknown event or topic is not an error: the event gives no view,
 * the topic is left out.
 */
export const firstViewQuerySchema = updatesQuerySchema
  .pick({ q: true, source: true, collapse: true, limit: true, before: true })
  .extend({
    event: z.string().max(200).optional(),
    topics: z
      .string()
      .max(2000)
      .transform((value) => value.split(',').map((t) => t.trim()))
      .optional(),
    /** A day permalink: the page starts at the end of this day of the event. */
    day: z.coerce.number().int().min(-100000).max(100000).optional(),
    /** An update permalink: the page starts at this update (when it exists in the event). */
    update: z.string().min(1).max(200).optional(),
  })
  .refine((q) => q.day === undefined || q.update === undefined, {
    message: 'Send either day or update, not both',
    path: ['update'],
  });
export type FirstViewQuery = z.output<typeof firstViewQuerySchema>;

/** One event's first view; every part is what the separate endpoint would answer. */
export const eventViewSchema = z.object({
  /** The event shown (the one asked for, or the liveliest). */
  event: z.string(),
  /** The change-log cursor read before the rest: subscribing with `since` replays anything later. */
  cursor: z.number().int(),
  /** The topics applied: the ones asked for that the event knows, in the event's order. */
  topics: z.array(z.string()),
  /** The update a permalink asked for, when it exists in this event; null otherwise. */
  target: updateSchema.nullable(),
  /** GET /api/events/:slug/updates with the filters, starting at the permalink's instant. */
  page: updatePageSchema,
  /** GET /api/events/:slug/days with `q` and `source` and every topic (the chart and chip counts). */
  days: z.array(dayCountSchema),
  /** The same with the topic filter too (the day headings); null when no topic is selected. */
  filteredDays: z.array(dayCountSchema).nullable(),
  /** GET /api/events/:slug/updates?pinned=true&limit=20: the key events strip. */
  keyEvents: z.array(updateSchema),
  /** GET /api/events/:slug/updates?sticky=true: the sticky post at the top, if the editors chose one. */
  sticky: updateSchema.nullable(),
});
export type EventView = z.infer<typeof eventViewSchema>;

export const firstViewSchema = z.object({
  /** GET /api/events: every event the caller may see. */
  events: z.array(eventSchema),
  /** null when the event asked for does not exist (or is private), or there are no events. */
  view: eventViewSchema.nullable(),
});
export type FirstView = z.infer<typeof firstViewSchema>;
