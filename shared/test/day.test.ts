import { TZDate, tz } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayHeading, eventDay, isTimeZone, localDate } from '../src/day.js';

const kyiv = { startDate: '2022-02-24', timeZone: 'Europe/Kyiv' };
const newYork = { startDate: '2024-03-01', timeZone: 'America/New_York' };

describe('eventDay', () => {
  it('follows the examples in DESIGN.md: the day turns at midnight in Kyiv, not UTC', () => {
    expect(eventDay('2022-03-16T21:30:00Z', kyiv)).toBe(21); // 23:30 in Kyiv
    expect(eventDay('2022-03-16T22:30:00Z', kyiv)).toBe(22); // 00:30 on 17 March
  });

  it('makes the first instant of the start date day 1 and the one before it day 0', () => {
    expect(eventDay('2022-02-23T22:00:00Z', kyiv)).toBe(1);
    expect(eventDay('2022-02-23T21:59:59.999Z', kyiv)).toBe(0);
    expect(eventDay('2022-02-20T12:00:00Z', kyiv)).toBe(-3);
  });

  it('keeps midnight boundaries across the spring DST change in the event zone', () => {
    // Kyiv moves from UTC+2 to UTC+3 on 27 March 2022 at 03:00 local.
    expect(eventDay('2022-03-26T21:59:00Z', kyiv)).toBe(31); // 23:59 on 26 March (UTC+2)
    expect(eventDay('2022-03-26T22:00:00Z', kyiv)).toBe(32); // 00:00 on 27 March
    expect(eventDay('2022-03-27T20:59:00Z', kyiv)).toBe(32); // 23:59 on 27 March (UTC+3)
    expect(eventDay('2022-03-27T21:00:00Z', kyiv)).toBe(33); // 00:00 on 28 March
  });

  it('keeps midnight boundaries across the autumn DST change', () => {
    // 30 October 2022: Kyiv falls back from UTC+3 to UTC+2.
    expect(eventDay('2022-10-29T20:59:00Z', kyiv)).toBe(248);
    expect(eventDay('2022-10-29T21:00:00Z', kyiv)).toBe(249); // 00:00 on 30 Oct (UTC+3)
    expect(eventDay('2022-10-30T21:59:00Z', kyiv)).toBe(249); // 23:59 on 30 Oct (UTC+2)
    expect(eventDay('2022-10-30T22:00:00Z', kyiv)).toBe(250);
  });

  it('works for a zone west of UTC, where UTC is already on the next date', () => {
    expect(eventDay('2024-03-01T05:00:00Z', newYork)).toBe(1); // 00:00 EST
    expect(eventDay('2024-03-01T04:59:00Z', newYork)).toBe(0);
    expect(eventDay('2024-03-02T03:00:00Z', newYork)).toBe(1); // 22:00 on 1 March
    // New York springs forward on 10 March 2024; 11 March starts at 04:00Z.
    expect(eventDay('2024-03-11T03:59:00Z', newYork)).toBe(10);
    expect(eventDay('2024-03-11T04:00:00Z', newYork)).toBe(11);
  });

  it('counts leap days', () => {
    const leap = { startDate: '2024-02-28', timeZone: 'UTC' };
    expect(eventDay('2024-02-29T12:00:00Z', leap)).toBe(2);
    expect(eventDay('2024-03-01T00:00:00Z', leap)).toBe(3);
    expect(eventDay('2023-03-01T00:00:00Z', { startDate: '2023-02-28', timeZone: 'UTC' })).toBe(2);
    expect(eventDay('2025-02-28T12:00:00Z', leap)).toBe(367);
  });

  it('works when the event starts on the day the clocks change', () => {
    const dstStart = { startDate: '2022-03-27', timeZone: 'Europe/Kyiv' };
    expect(eventDay('2022-03-26T22:00:00Z', dstStart)).toBe(1);
    expect(eventDay('2022-03-27T21:00:00Z', dstStart)).toBe(2);
  });

  it("agrees with date-fns' calendar-day difference in the zone, in zones with odd offsets and DST", () => {
    // Half-hour DST (Lord Howe), DST at midnight (Santiago), +12:45/+13:45 (Chatham), a skipped
    // date (Apia lost 30 Dec 2011), and both sides of UTC.
    const zones = [
      ['Australia/Lord_Howe', '2022-03-01'],
      ['America/Santiago', '2022-03-01'],
      ['Pacific/Chatham', '2022-03-01'],
      ['Pacific/Apia', '2011-06-01'],
      ['America/New_York', '2022-03-01'],
      ['Europe/Kyiv', '2022-02-24'],
    ] as const;
    for (const [timeZone, startDate] of zones) {
      const event = { startDate, timeZone };
      const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
      const start = new TZDate(y, m - 1, d, timeZone);
      const from = start.getTime() - 30 * 86_400_000;
      // Every 97 minutes for 400 days: every hour of the day is hit, across both DST changes.
      for (let t = from; t < from + 400 * 86_400_000; t += 97 * 60_000) {
        const expected = differenceInCalendarDays(new Date(t), start, { in: tz(timeZone) }) + 1;
        if (eventDay(t, event) !== expected) {
          expect({ timeZone, at: new Date(t).toISOString(), day: eventDay(t, event) }).toEqual({
            timeZone,
            at: new Date(t).toISOString(),
            day: expected,
          });
        }
      }
    }
    // About 35,000 look-ups through date-fns: seconds on a busy 2-core machine.
  }, 30_000);

  it('rejects an invalid instant instead of returning NaN', () => {
    expect(() => eventDay('not a date', kyiv)).toThrow(RangeError);
  });
});

describe('dateOfDay and dayHeading', () => {
  it('maps a day number back to the calendar date in the event zone', () => {
    expect(dateOfDay(1, kyiv)).toBe('2022-02-24');
    expect(dateOfDay(21, kyiv)).toBe('2022-03-16');
    expect(dateOfDay(33, kyiv)).toBe('2022-03-28');
    expect(dateOfDay(5, newYork)).toBe('2024-03-05');
  });

  it('round-trips with eventDay for every day of a year, across both DST changes', () => {
    for (let day = 1; day <= 366; day++) {
      const date = dateOfDay(day, kyiv);
      const noonUtc = `${date}T09:00:00Z`;
      expect(localDate(noonUtc, kyiv.timeZone)).toBe(date);
      expect(eventDay(noonUtc, kyiv)).toBe(day);
    }
  });

  it('formats the heading readers see', () => {
    expect(dayHeading(21, kyiv)).toBe('Day 21 · Wed 16 Mar 2022');
    expect(dayHeading(0, kyiv)).toBe('Before day 1');
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isTimeZone('Europe/Kyiv')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
