import { describe, expect, it } from 'vitest';
import { feedDate, parseFeedDate } from '../../src/feeds/dates.js';

const fetchedAt = new Date('2022-03-17T06:00:00Z');

describe('parseFeedDate', () => {
  it.each([
    // RFC 822 / 1123 as specified
    ['Wed, 16 Mar 2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 UTC', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 UT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 Z', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 +0200', '2022-03-16T19:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 -0430', '2022-03-17T02:00:00.000Z'],
    ['Wed, 16 Mar 2022 16:30:00 EST', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 17:30:00 EDT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 13:30:00 PST', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 14:30:00 PDT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 15:30:00 CST', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 23:30:00 EET', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30 GMT', '2022-03-16T21:30:00.000Z'],
    // broken variants seen in real feeds
    ['16 Mar 2022 21:30:00 +0200', '2022-03-16T19:30:00.000Z'],
    ['Thu, 16 Mar 2022 21:30:00 +0200', '2022-03-16T19:30:00.000Z'],
    ['Wednesday, 16 March 2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 6 Mar 2022 9:05:00 GMT', '2022-03-06T09:05:00.000Z'],
    ['Wed, 16 Mar 22 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['wed, 16 mar 2022 21:30:00 gmt', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 MAR 2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Fri, 02 Sept 2022 08:00:00 GMT', '2022-09-02T08:00:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 +02:00', '2022-03-16T19:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 GMT+2', '2022-03-16T19:30:00.000Z'],
    ['Wed, 16 Mar 2022 23:30:00 +0200 (EET)', '2022-03-16T21:30:00.000Z'],
    ['Wed,16 Mar 2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16-Mar-2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00.000 GMT', '2022-03-16T21:30:00.000Z'],
    ['Wed, 16 Mar 2022 21:30:00 XYZ', '2022-03-16T21:30:00.000Z'],
    ['  Wed,  16 Mar   2022 21:30:00  GMT ', '2022-03-16T21:30:00.000Z'],
    ['16 Mar 2022', '2022-03-16T00:00:00.000Z'],
    ['March 16, 2022 21:30:00 GMT', '2022-03-16T21:30:00.000Z'],
    ['Mar 16, 2022 9:30', '2022-03-16T09:30:00.000Z'],
    ['Wed Mar 16 21:30:00 2022', '2022-03-16T21:30:00.000Z'],
    // ISO 8601
    ['2022-03-16T21:30:00Z', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T21:30Z', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T21:30:00.123Z', '2022-03-16T21:30:00.123Z'],
    ['2022-03-16T21:30:00.123456789+00:00', '2022-03-16T21:30:00.123Z'],
    ['2022-03-16T23:30:00+02:00', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T23:30:00+0200', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T23:30:00+02', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T16:30:00-05:00', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16 21:30:00', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T21:30:00', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16 23:30:00 +0200', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16 21:30:00 UTC', '2022-03-16T21:30:00.000Z'],
    ['2022-03-16T23:30:00+02:00 (EET)', '2022-03-16T21:30:00.000Z'],
    ['2022-3-6T9:05:00Z', '2022-03-06T09:05:00.000Z'],
    ['2022-03-16', '2022-03-16T00:00:00.000Z'],
  ])('reads %j', (raw, iso) => {
    expect(parseFeedDate(raw, fetchedAt)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    '   ',
    'yesterday',
    'soon (EET)',
    '31 Feb 2022 10:00:00 GMT',
    '16 Foo 2022 10:00:00 GMT',
    'Wed, 16 Mar 2022 25:61:00 GMT',
    '2022-13-45T10:00:00Z',
    '2022-03-16T21:30:00+99:00',
    '16/03/2022',
  ])('rejects %j', (raw) => {
    expect(parseFeedDate(raw, fetchedAt)).toBeUndefined();
  });

  it('does not depend on the server time zone', () => {
    // Stamps without a zone are UTC whatever TZ says; date-fns would otherwise use local time, and
    // 02:30 on this date does not even exist in New York.
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(2022, 2, 13, 12).getTimezoneOffset()).toBe(240);
      expect(parseFeedDate('2022-03-13 02:30:00', fetchedAt)?.toISOString()).toBe('2022-03-13T02:30:00.000Z');
      expect(parseFeedDate('13 Mar 2022 02:30:00', fetchedAt)?.toISOString()).toBe(
        '2022-03-13T02:30:00.000Z',
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('feedDate', () => {
  it('keeps a good date', () => {
    expect(feedDate('Wed, 16 Mar 2022 21:30:00 GMT', fetchedAt)).toEqual({
      publishedAt: '2022-03-16T21:30:00.000Z',
      dateFallback: false,
      clamped: false,
    });
  });

  it('falls back to the fetch time, flagged, when the date is missing or unreadable', () => {
    for (const raw of [undefined, '', 'not a date']) {
      expect(feedDate(raw, fetchedAt)).toEqual({
        publishedAt: fetchedAt.toISOString(),
        dateFallback: true,
        clamped: false,
      });
    }
  });

  it('clamps dates more than ten minutes ahead of the fetch, and tolerates small clock skew', () => {
    expect(feedDate('2022-03-17T06:09:59Z', fetchedAt)).toMatchObject({
      publishedAt: '2022-03-17T06:09:59.000Z',
      clamped: false,
    });
    expect(feedDate('2022-03-17T06:10:01Z', fetchedAt)).toEqual({
      publishedAt: fetchedAt.toISOString(),
      dateFallback: false,
      clamped: true,
    });
    expect(feedDate('Fri, 01 Jan 2100 00:00:00 GMT', fetchedAt)).toMatchObject({
      publishedAt: fetchedAt.toISOString(),
    });
  });
});
