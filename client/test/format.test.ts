import { describe, expect, it } from 'vitest';
import { textColorFor } from '../src/lib/color.js';
import { fullTimestamp, safeHref, timeOfDay } from '../src/lib/format.js';

describe('time in the event zone', () => {
  it('shows HH:mm on the event clock', () => {
    expect(timeOfDay('2022-03-16T21:30:00.000Z', 'Europe/Kyiv')).toBe('23:30');
    expect(timeOfDay('2022-03-16T22:30:00.000Z', 'Europe/Kyiv')).toBe('00:30');
    expect(timeOfDay('2022-07-01T09:05:00.000Z', 'Europe/Kyiv')).toBe('12:05'); // summer, UTC+3
  });

  it('spells out the full timestamp with offset and zone', () => {
    expect(fullTimestamp('2022-03-16T21:30:00.000Z', 'Europe/Kyiv')).toBe(
      'Wed 16 Mar 2022, 23:30:00 +02:00 (Europe/Kyiv)',
    );
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
