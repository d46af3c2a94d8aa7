import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** An instant as a `datetime-local` value in `timeZone` (what an editor at the event would read). */
export function toLocalInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** A `datetime-local` value read in `timeZone`, as an ISO instant; undefined when incomplete. */
export function fromLocalInput(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime()).toISOString();
}
