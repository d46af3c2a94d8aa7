import {
  colorSchema,
  defaultPollSeconds,
  httpUrlSchema,
  isoDateSchema,
  minPollSeconds,
  slugSchema,
  timeZoneSchema,
  topicIdSchema,
} from '@dayline/shared';
import { z } from 'zod';

/** One event as a config file declares it: its clock, its topics and their rules, its feeds. */

const ruleTextSchema = z.string().trim().min(1).max(100);
/** Compiled with the flags the tagger uses, so a bad pattern stops the server naming the field. */
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

/** A topic as configured: what readers see plus the rules that tag updates with it. */
const topicConfigSchema = z.strictObject({
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

/** A feed the event follows; added to the store on start (and kept in step with this file). */
const sourceConfigSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: httpUrlSchema,
  pollSeconds: z.number().int().min(minPollSeconds).max(86_400).default(defaultPollSeconds),
  topics: z.array(topicIdSchema).max(20).default([]),
  enabled: z.boolean().default(true),
});

export const eventConfigSchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().min(1).max(200),
    startDate: isoDateSchema,
    timeZone: timeZoneSchema,
    /** Private: reads, feeds out and live updates need a token with the viewer scope. */
    visibility: z.enum(['public', 'private']).default('public'),
    topics: z.array(topicConfigSchema).default([]),
    sources: z.array(sourceConfigSchema).default([]),
  })
  .superRefine((event, ctx) => {
    const ids = event.topics.map((t) => t.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `Duplicate topic "${id}"` });
    });
    event.sources.forEach((source, s) => {
      source.topics.forEach((topic, t) => {
        if (!ids.includes(topic))
          ctx.addIssue({
            code: 'custom',
            path: ['sources', s, 'topics', t],
            message: `Unknown topic "${topic}"`,
          });
      });
      if (event.sources.findIndex((other) => other.url === source.url) !== s)
        ctx.addIssue({ code: 'custom', path: ['sources', s, 'url'], message: 'Duplicate source URL' });
    });
  });
export type EventConfig = z.output<typeof eventConfigSchema>;
export type TopicConfig = EventConfig['topics'][number];
