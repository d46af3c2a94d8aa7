import { z } from 'zod';
import { instantSchema, plainText, topicIdSchema, visibleText, type TopicReason } from './schemas.js';

/**
 * POST /api/queue/:id/approve: what the editor changed before approving (all optional). `topics`,
 * when given, are the update's topics exactly: the editor's word replaces the suggestion.
 */
export const queueApproveSchema = z.strictObject({
  title: visibleText(300).optional(),
  summary: plainText(5000).optional(),
  topics: z.array(topicIdSchema).max(20).optional(),
  publishedAt: instantSchema.optional(),
});
export type QueueApprove = z.input<typeof queueApproveSchema>;

/** POST /api/queue/:id/discard. */
export const queueDiscardSchema = z.strictObject({ reason: plainText(500).optional() });
export type QueueDiscard = z.input<typeof queueDiscardSchema>;

/** POST /api/queue/:id/merge: the story (its id) the item joins as coverage. */
export const queueMergeSchema = z.strictObject({ story: z.string().min(1).max(200) });
export type QueueMerge = z.input<typeof queueMergeSchema>;

/** GET /api/events/:slug/queue: `before` pages on (the `next` of the previous page). */
export const queueQuerySchema = z.object({
  before: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A waiting item as the console shows it: never shown to readers. */
export interface QueueItem {
  id: string;
  event: string;
  /** `feed`: an item of a feed in review mode; `draft`: a contributor's submitted draft. */
  kind: 'feed' | 'draft';
  /** The feed it came from (feed items). */
  feed: { id: string; name: string } | null;
  title: string;
  summary: string;
  url?: string;
  /** The outlet. */
  source?: { name: string; url?: string };
  author?: string;
  /** The item's time, and its day of the event. */
  publishedAt: string | null;
  day: number | null;
  /** The topics it would get, each with the rules that gave it. */
  topics: string[];
  topicReasons: Record<string, TopicReason[]>;
  /** The story it would join now: its id, its first report's title, and its published reports. */
  story: { id: string; title: string; size: number } | null;
  /** Who sent it: the feed's name, or the writer's. */
  createdBy: string;
  /** When it arrived in the queue. */
  waitingSince: string;
  /**
   * Topics it carries that the event no longer has (removed since it arrived): approving drops them.
   * Absent when there are none.
   */
  droppedTopics?: string[];
  /** Why it cannot be approved as it stands, if so (its text no longer passes the checks). */
  problem?: string;
}

/** GET /api/events/:slug/queue: newest first. */
export interface QueuePage {
  items: QueueItem[];
  /** How many wait in all, and since when the oldest has. */
  waiting: number;
  oldestSince: string | null;
  /** Pass as `before` for the next page; null at the end. */
  next: string | null;
}

/** POST /api/queue/:id/discard's answer (approve and merge answer with the published update). */
export interface QueueDiscarded {
  id: string;
  discarded: true;
  reason: string | null;
}
