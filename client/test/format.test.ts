import { describe, expect, it } from 'vitest';
import { textColorFor } from '../src/lib/color.js';
import {
  dateTime,
  dateTimeWithYear,
  eventDateTime,
  fullTimestamp,
  safeHref,
  sameLocalDay,
  timeOfDay,
} from '../src/lib/format.js';

describe('time in the event zone', () => {
  it('shows HH:mm on the event clock', () => {
    expect(timeOfDay('2022-03-16T21:30:00.000Z', 'Europe/Kyiv')).toBe('23:30');
    expect(timeOfDay('2022-03-16T22:30:00.000Z', 'Europe/Kyiv')).toBe('00:30');
    expect(timeOfDay('2022-07-01T09:05:00.000Z', 'Europe/Kyiv')).toBe('12:05'); // summer, UTC+3
  });

  it("names the year where a time must not be mistaken for another year's", () => {
    expect(dateTimeWithYear('2022-03-16T21:30:00.000Z', 'Europe/Kyiv')).toBe('16 Mar 2022, 23:30');
    expect(dateTimeWithYear('2022-12-31T22:30:00.000Z', 'Europe/Kyiv')).toBe('1 Jan 2023, 00:30');
  });

  it('spells out the full timestamp with offset and zone', () => {
    expect(fullTimestamp('2022-03-16T21:30:00.000Z', 'Europe/Kyiv')).toBe(
      'Wed 16 Mar 2022, 23:30:00 +02:00 (Europe/Kyiv)',
    );
    // West of UTC, with a half-hour zone, and on the zone's own date rather than UTC's.
    expect(fullTimestamp('2024-03-10T03:05:09.000Z', 'America/New_York')).toBe(
      'Sat 9 Mar 2024, 22:05:09 -05:00 (America/New_York)',
    );
    expect(fullTimestamp('2022-01-01T00:00:00.000Z', 'Asia/Kolkata')).toBe(
      'Sat 1 Jan 2022, 05:30:00 +05:30 (Asia/Kolkata)',
    );
  });

  it('gives day and month with the time, and compares days on the zone clock', () => {
    expect(dateTime('2022-03-16T22:30:00.000Z', 'Europe/Kyiv')).toBe('17 Mar, 00:30');
    expect(sameLocalDay('2022-03-16T21:30:00.000Z', '2022-03-16T22:30:00.000Z', 'Europe/Kyiv')).toBe(false);
    expect(sameLocalDay('2022-03-16T21:30:00.000Z', '2022-03-16T22:30:00.000Z', 'UTC')).toBe(true);
  });

  it("writes a queued item's or a scheduled post's time with the event's day, on the event's clock", () => {
    const war = { startDate: '2022-02-24', timeZone: 'Europe/Kyiv' };
    expect(eventDateTime('2022-03-16T09:00:00.000Z', war)).toBe('16 Mar, 11:00 · Day 21');
    // Past midnight in Kyiv, still the 16th in UTC: the next day, on both counts.
    expect(eventDateTime('2022-03-16T22:30:00.000Z', war)).toBe('17 Mar, 00:30 · Day 22');
    // A day the server already worked out is taken as it is.
    expect(eventDateTime('2022-03-16T09:00:00.000Z', war, 21)).toBe('16 Mar, 11:00 · Day 21');
  });
});

describe('safeHref', () => {
  it('allows http and https only', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('http://example.org/a')).toBe('http://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});

describe('textColorFor', () => {
  it('picks the more readable of black and white', () => {
    expect(textColorFor('#b91c1c')).toBe('#ffffff');
    expect(textColorFor('#1d4ed8')).toBe('#ffffff');
    expect(textColorFor('#fde047')).toBe('#000000');
    expect(textColorFor('#ffffff')).toBe('#000000');
    expect(textColorFor('not a colour')).toBe('#000000');
  });
});
