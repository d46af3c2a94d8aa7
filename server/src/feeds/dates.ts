import { tz } from '@date-fns/tz';
import { isValid, parse, parseISO } from 'date-fns';

/** Clocks drift and outlets mistype: a date this far ahead is kept; beyond it, it is clamped. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export interface FeedDate {
  /** ISO 8601 in UTC. */
  publishedAt: string;
  /** The date was missing or unreadable, so the fetch time stands in. */
  dateFallback: boolean;
  /** The date lay too far in the future and was brought back to the fetch time. */
  clamped: boolean;
}

/** An item's publication time from whatever the feed wrote, never later than the fetch allows. */
export function feedDate(raw: string | undefined, fetchedAt: Date): FeedDate {
  const parsed = raw ? parseFeedDate(raw, fetchedAt) : undefined;
  if (!parsed) return { publishedAt: fetchedAt.toISOString(), dateFallback: true, clamped: false };
  if (parsed.getTime() > fetchedAt.getTime() + FUTURE_TOLERANCE_MS) {
    return { publishedAt: fetchedAt.toISOString(), dateFallback: false, clamped: true };
  }
  return { publishedAt: parsed.toISOString(), dateFallback: false, clamped: false };
}

const utc = tz('UTC');

/**
 * Reads RFC 822/1123 and ISO 8601 dates and the broken variants real feeds publish: no or wrong
 * weekday, full or lowercase month names, one-digit days, two-digit years, named zones, `+02:00`
 * where `+0200` belongs, no zone at all (read as UTC), trailing junk such as "(EET)".
 * `reference` decides the century of two-digit years.
 */
export function parseFeedDate(raw: string, reference: Date): Date | undefined {
  const text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\([^)]*\)$/, '');
  if (!text) return undefined;
  const date = /^\d{4}-\d{1,2}-\d{1,2}/.test(text) ? parseIsoLike(text) : parseRfcLike(text, reference);
  return date && isValid(date) ? new Date(date.getTime()) : undefined;
}

function parseIsoLike(text: string): Date | undefined {
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?(?: ?(.*))?$/i.exec(text);
  if (!match) return undefined;
  const [, year, month, day, time, zone] = match;
  const offset = zone ? offsetOf(zone, ':') : '';
  if (offset === undefined) return undefined;
  const date = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  if (!time) return parseISO(date, { in: utc });
  const clock = time.replace(/^(\d):/, '0$1:').replace(',', '.');
  return parseISO(`${date}T${clock}${offset}`, { in: utc });
}

/** Tried in order; two-digit years first, because `yyyy` would read "22" as the year 22. */
const rfcFormats = [
  'd MMM yy H:mm:ss xx',
  'd MMM yy H:mm xx',
  'd MMM yyyy H:mm:ss xx',
  'd MMM yyyy H:mm xx',
  'd MMM yyyy xx',
  'MMM d yyyy H:mm:ss xx',
  'MMM d yyyy H:mm xx',
  // asctime, as C's ctime() and some old CMSes write it: "Wed Mar 16 21:30:00 2022".
  'MMM d H:mm:ss yyyy xx',
];

const weekday = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? */i;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function parseRfcLike(text: string, reference: Date): Date | undefined {
  let rest = text
    .replace(weekday, '')
    .replace(/(\d)-([a-z]+)-(\d)/i, '$1 $2 $3')
    .replace(/,/g, ' ')
    .replace(/(\d:\d{2}:\d{2})[.,]\d+/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  rest = rest.replace(/\b([a-z]{3,9})\.?(?= |$)/gi, (word: string, name: string) => {
    const lower = name.toLowerCase();
    const index = monthNames.findIndex((full) => full.startsWith(lower));
    return index >= 0 && lower.length >= 3 ? capitalize(months[index] ?? lower) : word;
  });

  // The zone, when there is one, is the last token and follows a digit (of the time or the year).
  const zoned = /(?<=\d) ?((?:gmt|utc|ut)?[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})$/i.exec(rest);
  const body = zoned ? rest.slice(0, zoned.index) : rest;
  const offset = zoned?.[1] ? offsetOf(zoned[1], '') : '+0000';
  if (offset === undefined) return undefined;
  const candidate = `${body} ${offset === 'Z' ? '+0000' : offset}`;
  for (const format of rfcFormats) {
    const date = parse(candidate, format, reference, { in: utc });
    if (isValid(date)) return date;
  }
  return undefined;
}

const namedZones: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  hkt: 480,
  sgt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
};

/**
 * A zone written any of the usual ways as an offset with the given separator ("+02:00" or "+0200"),
 * "Z" for UTC in ISO text; undefined when it is not a zone at all.
 */
function offsetOf(zone: string, separator: '' | ':'): string | undefined {
  const trimmed = zone.trim().toLowerCase();
  let minutes: number | undefined = namedZones[trimmed];
  if (minutes === undefined) {
    const numeric = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(trimmed);
    if (numeric) {
      const [, sign, hours = '0', mins = '0'] = numeric;
      minutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(mins));
    } else if (/^[a-z]{1,5}$/.test(trimmed)) {
      // An abbreviation we do not know (RFC 822 calls such zones "unknown"): UTC beats no date.
      minutes = 0;
    } else {
      return undefined;
    }
  }
  if (Math.abs(minutes) > 14 * 60) return undefined;
  if (minutes === 0 && separator === ':') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${separator}${mm}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
