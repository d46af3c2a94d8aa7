/** Error codes meaning the database cannot be reached or cannot write right now, not a bad request. */
const unavailableCodes = new Set([
  // Network and pool
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions, shutdown, too many connections, read-only, disk full
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53100',
  '53300',
  '25006',
  // SQLite: locked for too long, disk full, I/O failure, read-only file
  'SQLITE_BUSY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
]);

/**
 * Whether an error says "the store is away" (try again later) rather than "this request is wrong"
 * or "this is a bug". Such writes get 503 with Retry-After; nothing half-written is acknowledged.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('SQLITE_IOERR')))
      return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect/i.test(message)
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
