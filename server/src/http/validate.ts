import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Parses input at the edge; a failure is a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.invalid(parsed.error);
  return parsed.data;
}
