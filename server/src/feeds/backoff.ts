const DAY_MS = 24 * 60 * 60 * 1000;

export interface PollDelayInput {
  /** Consecutive failed polls; 0 means the last poll worked. */
  failures: number;
  /** The source's normal poll interval. */
  baseMs: number;
  /** The longest a failing source waits between attempts. */
  capMs: number;
  /** Uniform in [0, 1); injected so tests are exact. */
  random: () => number;
  /**
   * 'full' spreads each wait over [base, base·2^failures]; 'decorrelated' over [base, previous·3],
   * which needs `previousMs`. Either way many feeds failing together (one outlet down, or our own
   * network) do not retry in lock-step.
   */
  jitter?: 'full' | 'decorrelated';
  previousMs?: number;
  /** What the server asked for with Retry-After; honoured even above the cap, up to a day. */
  retryAfterMs?: number;
}

/** How long to wait before polling a source again. */
export function nextPollDelay(input: PollDelayInput): number {
  const { failures, baseMs, capMs, random } = input;
  const cap = Math.max(baseMs, capMs);
  let delay = baseMs;
  if (failures > 0) {
    const ceiling =
      input.jitter === 'decorrelated'
        ? Math.min(cap, Math.max(baseMs, (input.previousMs ?? baseMs) * 3))
        : Math.min(cap, baseMs * 2 ** Math.min(failures, 52));
    delay = baseMs + random() * (ceiling - baseMs);
  }
  if (input.retryAfterMs !== undefined && input.retryAfterMs > delay) {
    delay = Math.min(input.retryAfterMs, Math.max(cap, DAY_MS));
  }
  return Math.round(delay);
}

/**
 * Parses a Retry-After header: delay-seconds or an HTTP-date, the latter relative to `now`.
 * Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only date-shaped values: Date.parse would also accept bare numbers such as "-5" or "1.5".
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
