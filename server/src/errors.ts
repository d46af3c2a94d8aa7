import { describeIssues, fieldIssues, type ErrorCode } from '@dayline/shared';
import type { z } from 'zod';

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  event_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  gap_too_large: 410,
  unavailable: 503,
  // 507 Insufficient Storage: the write was refused whole; it can be sent again once there is room.
  storage_full: 507,
  internal: 500,
};

/** The one error type whose code and message may be shown to clients. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusOf[this.code];
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  static invalid(error: z.ZodError, prefix?: string): AppError {
    const issues = fieldIssues(error).map((i) => ({
      ...i,
      path: prefix ? `${prefix}.${i.path}` : i.path,
    }));
    return new AppError('invalid_input', describeIssues(error), { issues });
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
}
