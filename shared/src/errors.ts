import { z } from 'zod';

/** Every error code a client may see, in HTTP bodies and socket acknowledgements. */
export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  // A write signed in by cookie without the session's X-CSRF-Token.
  'csrf',
  'not_found',
  'conflict',
  // A write to an update of a closed event: it is read-only, still readable.
  'event_closed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'gap_too_large',
  'unavailable',
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorInfoSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** The JSON body of every 4xx/5xx answer: `{ "error": { code, message, details? } }`. */
export const errorBodySchema = z.object({ error: errorInfoSchema });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One problem with an input, named by its path (`items.3.title`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Turns zod issues into `{ path, message }` pairs a person can act on. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** A one-line message naming the fields at fault, e.g. `Invalid input: title, items.3.url`. */
export function describeIssues(error: z.ZodError): string {
  const paths = [...new Set(fieldIssues(error).map((i) => i.path))];
  return `Invalid input: ${paths.join(', ')}`;
}
