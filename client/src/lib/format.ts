import { TZDate } from '@date-fns/tz';
import { dayMonth, eventDay, localDate, shortDate, type EventClock } from '@dayline/shared';

// Written out by hand: date-fns' `format` would bring its whole token parser and locale to the page.
const pad = (value: number) => String(value).padStart(2, '0');
const clock = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** "+02:00": a TZDate's offset from UTC at its instant. */
function offset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "23:30": the time of an instant on a clock (the event's, by default), which is how readers follow the day. */
export function timeOfDay(instant: string, timeZone: string): string {
  return clock(new TZDate(Date.parse(instant), timeZone));
}

/** "16 Mar, 23:30": for instants that may fall on another day than the card's (a late correction). */
export function dateTime(instant: string, timeZone: string): string {
  const date = new TZDate(Date.parse(instant), timeZone);
  return `${dayMonth(date)}, ${clock(date)}`;
}

/** "16 Mar, 11:00 · Day 21": an instant on the event's clock, as the queue and the drafts list show it. */
export function eventDateTime(instant: string, event: EventClock, day = eventDay(instant, event)): string {
  return `${dateTime(instant, event.timeZone)} · Day ${day}`;
}

/** "16 Mar 2022, 23:30": a time that must not be mistaken for another year's (version history). */
export function dateTimeWithYear(instant: string, timeZone: string): string {
  const date = new TZDate(Date.parse(instant), timeZone);
  return `${dayMonth(date)} ${date.getFullYear()}, ${clock(date)}`;
}

/** "Wed 16 Mar 2022, 23:30:00 +02:00 (Europe/Kyiv)", for the tooltip and screen readers. */
export function fullTimestamp(instant: string, timeZone: string): string {
  const date = new TZDate(Date.parse(instant), timeZone);
  return `${shortDate(date)}, ${clock(date)}:${pad(date.getSeconds())} ${offset(date)} (${timeZone})`;
}

/** Whether two instants fall on the same calendar day in a zone. */
export function sameLocalDay(a: string, b: string, timeZone: string): boolean {
  return localDate(a, timeZone) === localDate(b, timeZone);
}

/**
 * "just now", "5 min ago", "3 h ago" for the last day; null beyond that, where the day heading and
 * the clock time say more than "9 days ago" would.
 */
export function relativeTime(instant: string, now: Date): string | null {
  const minutes = Math.floor((now.getTime() - Date.parse(instant)) / 60_000);
  if (Number.isNaN(minutes) || minutes < -1 || minutes >= 24 * 60) return null;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** Only http(s) links become anchors; anything else (javascript:, data:) could run in the page. */
export function safeHref(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
}
