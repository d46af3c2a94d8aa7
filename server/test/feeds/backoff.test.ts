import { describe, expect, it } from 'vitest';
import { nextPollDelay, retryAfterMs } from '../../src/feeds/backoff.js';

const MINUTE = 60_000;

describe('nextPollDelay', () => {
  const base = { baseMs: 2 * MINUTE, capMs: 60 * MINUTE };

  it('polls at the normal interval while the source works', () => {
    expect(nextPollDelay({ ...base, failures: 0, random: () => 0.99 })).toBe(2 * MINUTE);
  });

  it('backs off exponentially with full jitter, never below the interval nor above the cap', () => {
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0 })).toBe(2 * MINUTE);
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0.5 })).toBe(3 * MINUTE);
    expect(nextPollDelay({ ...base, failures: 3, random: () => 1 })).toBe(16 * MINUTE);
    expect(nextPollDelay({ ...base, failures: 10, random: () => 1 })).toBe(60 * MINUTE);
    expect(nextPollDelay({ ...base, failures: 5000, random: () => 1 })).toBe(60 * MINUTE);
    for (let failures = 1; failures < 12; failures++) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
        const delay = nextPollDelay({ ...base, failures, random: () => r });
        expect(delay).toBeGreaterThanOrEqual(2 * MINUTE);
        expect(delay).toBeLessThanOrEqual(60 * MINUTE);
      }
    }
  });

  it('spreads sources that failed together', () => {
    const delays = [0.1, 0.4, 0.7, 0.9].map((r) => nextPollDelay({ ...base, failures: 4, random: () => r }));
    expect(new Set(delays).size).toBe(4);
  });

  it('offers decorrelated jitter from the previous delay', () => {
    const input = { ...base, failures: 2, jitter: 'decorrelated' as const, previousMs: 5 * MINUTE };
    expect(nextPollDelay({ ...input, random: () => 0 })).toBe(2 * MINUTE);
    expect(nextPollDelay({ ...input, random: () => 1 })).toBe(15 * MINUTE);
    expect(nextPollDelay({ ...input, previousMs: 50 * MINUTE, random: () => 1 })).toBe(60 * MINUTE);
  });

  it('waits at least as long as Retry-After asked, up to a day', () => {
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0, retryAfterMs: 10 * MINUTE })).toBe(
      10 * MINUTE,
    );
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0, retryAfterMs: 90 * MINUTE })).toBe(
      90 * MINUTE,
    );
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0, retryAfterMs: 1e12 })).toBe(
      24 * 60 * MINUTE,
    );
    expect(nextPollDelay({ ...base, failures: 1, random: () => 0, retryAfterMs: 1000 })).toBe(2 * MINUTE);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2022-03-16T21:30:00Z');

  it('reads delay-seconds and HTTP-dates relative to now', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Wed, 16 Mar 2022 21:35:00 GMT', now)).toBe(5 * MINUTE);
    expect(retryAfterMs('Wednesday, 16-Mar-22 21:31:00 GMT', now)).toBe(MINUTE);
    expect(retryAfterMs('Wed Mar 16 21:32:00 2022', now)).toBe(2 * MINUTE);
  });

  it('treats a past date as now and ignores what it cannot read', () => {
    expect(retryAfterMs('Wed, 16 Mar 2022 20:00:00 GMT', now)).toBe(0);
    for (const value of [undefined, '', '-5', '1.5', 'soon', 'Thu, 99 Foo 2022']) {
      expect(retryAfterMs(value, now)).toBeUndefined();
    }
  });
});
