import { TZDate, tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parse } from 'date-fns';

/** The two facts about an event that decide which day an instant belongs to. */
export interface EventClock {
  /** Day 1, as a calendar date `YYYY-MM-DD` in the event's zone. */
  startDate: string;
  /** IANA time zone whose midnights separate the days. */
  timeZone: string;
}

function startOf(event: EventClock): TZDate {
  const date = parse(event.startDate, 'yyyy-MM-dd', new Date(0));
  return new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), event.timeZone);
}

/**
 * Day of the conflict for an instant: Day 1 is the start date, and days turn at midnight in the
 * event's own time zone (never the server's or the viewer's). Instants before the start give 0 or less.
 */
export function dayOfConflict(instant: Date | string | number, event: EventClock): number {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return differenceInCalendarDays(at, startOf(event), { in: tz(event.timeZone) }) + 1;
}

/** Calendar date (`YYYY-MM-DD`, in the event's zone) of the given day number. */
export function dateOfDay(day: number, event: EventClock): string {
  return format(addDays(startOf(event), day - 1), 'yyyy-MM-dd');
}

/** Calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date | string | number, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd');
}

/** "Day 21 · Wed 16 Mar 2022"; days before the start are all "Before day 1". */
export function dayHeading(day: number, event: EventClock): string {
  if (day < 1) return 'Before day 1';
  const date = parse(dateOfDay(day, event), 'yyyy-MM-dd', new Date(0));
  return `Day ${day} · ${format(date, 'EEE d MMM yyyy')}`;
}

/** Whether a string names a time zone this runtime knows (IANA names such as Europe/Kyiv). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}
