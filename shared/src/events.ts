import { z } from 'zod';
import {
  colorSchema,
  isoDateSchema,
  plainText,
  slugSchema,
  timeZoneSchema,
  topicIdSchema,
  visibleText,
  type Topic,
} from './schemas.js';

/**
 * An event's definition: its clock, its topics and their rules. The config file and the console's
 * event form are both checked against these, so a rule means the same wherever it was written.
 */

const ruleTextSchema = z.string().trim().min(1).max(100);
/** Compiled with the flags the tagger uses, so a bad pattern is refused naming the field. */
const regexSourceSchema = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { error: 'Not a valid regular expression (JavaScript syntax, Unicode mode)' },
  );

/** A topic as defined: what readers see plus the rules that tag updates with it. */
export const topicRulesSchema = z.strictObject({
  id: topicIdSchema,
  label: z.string().min(1).max(60),
  color: colorSchema,
  /**
   * Whole words or phrases, matched case-insensitively, with the regular plural or singular of the
   * last word ("refugee" also matches "refugees"); a trailing * matches any ending ("evacuat*").
   */
  keywords: z.array(ruleTextSchema).max(500).default([]),
  /** Regular expressions (JavaScript syntax), matched case-insensitively, for what keywords cannot say. */
  regexes: z.array(regexSourceSchema).max(100).default([]),
  /**
   * Words or phrases, matched like keywords, inside which this topic's keywords and regexes do not
   * count: "tear gas" for energy's "gas", "think tank" for military's "tank".
   */
  exclude: z.array(ruleTextSchema).max(500).default([]),
  /** Feed categories that map to this topic: the whole category, any case. */
  categories: z.array(ruleTextSchema).max(200).default([]),
});
export type TopicRules = z.output<typeof topicRulesSchema>;
export type TopicRulesInput = z.input<typeof topicRulesSchema>;

export const eventVisibilities = ['public', 'private'] as const;

/** Topic ids are unique within an event; each duplicate is named at its own path. */
export function checkTopicIds(topics: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const ids = topics.map((t) => t.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `Duplicate topic "${id}"` });
  });
}

const eventFields = {
  slug: slugSchema,
  title: visibleText(200),
  /** One paragraph under the title, saying what the event is. */
  standfirst: plainText(600).refine((text) => !/\n\s*\n/.test(text), { message: 'Keep it to one paragraph' }),
  startDate: isoDateSchema,
  timeZone: timeZoneSchema,
  /** Private: reads, feeds out and live updates need a viewer token or a newsroom session. */
  visibility: z.enum(eventVisibilities),
  /** Closed: read-only (every write of its updates is refused with `409 event_closed`), still readable. */
  closed: z.boolean(),
  topics: z.array(topicRulesSchema).max(50),
};

/** POST /api/events (admins): a new event, live at once. */
export const eventInputSchema = z
  .strictObject({
    ...eventFields,
    standfirst: eventFields.standfirst.default(''),
    visibility: eventFields.visibility.default('public'),
    closed: eventFields.closed.default(false),
    topics: eventFields.topics.default([]),
  })
  .superRefine((event, ctx) => checkTopicIds(event.topics, ctx));
export type EventInput = z.input<typeof eventInputSchema>;
export type EventDefinitionFields = z.output<typeof eventInputSchema>;

/**
 * PATCH /api/events/:slug (admins): the fields that change (the slug never does; it is in every
 * link). `revision` is the one the change was based on: when the event has moved on since, the
 * change is refused with `409 conflict` and the current definition.
 */
export const eventPatchSchema = z
  .strictObject({
    title: eventFields.title.optional(),
    standfirst: eventFields.standfirst.optional(),
    startDate: eventFields.startDate.optional(),
    timeZone: eventFields.timeZone.optional(),
    visibility: eventFields.visibility.optional(),
    closed: eventFields.closed.optional(),
    topics: eventFields.topics.optional(),
    revision: z.number().int().min(1).optional(),
  })
  .refine((patch) => Object.keys(patch).some((key) => key !== 'revision'), {
    message: 'Name at least one field to change',
  })
  .superRefine((patch, ctx) => {
    if (patch.topics) checkTopicIds(patch.topics, ctx);
  });
export type EventPatch = z.input<typeof eventPatchSchema>;

/**
 * Where an event is defined: `file` (dayline.yaml, or the built-in demo event without one: read-only
 * in the console, changed by editing the file and restarting) or `console` (stored, edited live).
 */
export const eventOrigins = ['file', 'console'] as const;
export type EventOrigin = (typeof eventOrigins)[number];

/** An event as admins see it (GET /api/event-definitions): every field, with its rules and origin. */
export interface EventDefinition extends EventDefinitionFields {
  origin: EventOrigin;
  /** Why the console cannot edit it, for `file` events: "Defined in dayline.yaml", for instance. */
  readOnlyReason: string | null;
  /** Starts at 1 and goes up with every change of a console event (0 for file events). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Topics removed from the event, with their last label (see `Event.retiredTopics`); not editable. */
  retiredTopics: Topic[];
}

/** POST /api/events/:slug/retag: re-applying the topic rules to stored updates, and how far it got. */
export interface RetagJob {
  id: string;
  event: string;
  status: 'running' | 'done' | 'failed';
  /** Stored updates of the event when the job started. */
  total: number;
  checked: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
}
