import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "23:30": the time of an instant on the event's clock, which is how readers follow the day. */
export function timeOfDay(instant: string, timeZone: string): string {
  return format(new TZDate(Date.parse(instant), timeZone), 'HH:mm');
}

/** "Wed 16 Mar 2022, 23:30:00 +02:00 (Europe/Kyiv)", for the tooltip. */
export function fullTimestamp(instant: string, timeZone: string): string {
  const date = new TZDate(Date.parse(instant), timeZone);
  return `${format(date, 'EEE d MMM yyyy, HH:mm:ss xxx')} (${timeZone})`;
}

/** Only http(s) links become anchors; anything else (javascript:, data:) could run in the page. */
export function safeHref(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
}
