import {
  checkTopicIds,
  defaultPollSeconds,
  feedModes,
  httpUrlSchema,
  isoDateSchema,
  minPollSeconds,
  slugSchema,
  timeZoneSchema,
  topicIdSchema,
  topicRulesSchema,
} from '@dayline/shared';
import { z } from 'zod';

/**
 * One event as a config file declares it: its clock, its topics and their rules (the shared
 * `topicRulesSchema`, as the console's event form uses), its feeds.
 */

/** A feed the event follows; added to the store on start (and kept in step with this file). */
const sourceConfigSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: httpUrlSchema,
  pollSeconds: z.number().int().min(minPollSeconds).max(86_400).default(defaultPollSeconds),
  topics: z.array(topicIdSchema).max(20).default([]),
  enabled: z.boolean().default(true),
  /** `review`: the feed's items wait in the incoming queue for an editor. */
  mode: z.enum(feedModes).default('publish'),
});

export const eventConfigSchema = z
  .strictObject({
    slug: slugSchema,
    title: z.string().min(1).max(200),
    standfirst: z.string().max(600).default(''),
    startDate: isoDateSchema,
    timeZone: timeZoneSchema,
    /** Private: reads, feeds out and live updates need a token with the viewer scope. */
    visibility: z.enum(['public', 'private']).default('public'),
    /** Closed: read-only, still readable (writes of its updates are refused). */
    closed: z.boolean().default(false),
    topics: z.array(topicRulesSchema).default([]),
    sources: z.array(sourceConfigSchema).default([]),
  })
  .superRefine((event, ctx) => {
    checkTopicIds(event.topics, ctx);
    const ids = event.topics.map((t) => t.id);
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
