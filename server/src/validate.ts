import type { z } from 'zod';
import { AppError } from './errors.js';

/**
 * The one check of outside input against its schema (HTTP body or query, socket payload, feed
 * item): a failure is `invalid_input` naming every bad field, which HTTP answers with a 400.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.invalid(parsed.error);
  return parsed.data;
}
