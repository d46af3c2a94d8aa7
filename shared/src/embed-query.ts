import { z } from 'zod';
import { embedDefaultLimit, embedMaxLimit, embedThemes } from './embed.js';

/**
 * GET /embed/:slug: the compact live timeline a publisher puts in an iframe (docs/embed.md).
 * Unlike a reader's address, a publisher's is written once and served many times, so a mistake is
 * a 400 naming it rather than something quietly ignored (unknown topics are checked against the
 * event by the server). Other parameters (a publisher's tracking ones) are left alone.
 */
export const embedQuerySchema = z.object({
  /** Comma-separated topic ids of the event; none: every topic. */
  topics: z
    .string()
    .max(2000)
    .transform((value) =>
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(embedMaxLimit).default(embedDefaultLimit),
  /** `auto` follows the reader's system setting. */
  theme: z.enum(embedThemes).default('auto'),
});
export type EmbedQuery = z.output<typeof embedQuerySchema>;
