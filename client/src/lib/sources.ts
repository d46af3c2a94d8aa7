import type { SourceErrorKind, SourceStatus, SourceView } from '@dayline/shared';

/** How often the open sources panel asks again: polls happen every few minutes at most. */
export const sourcesRefreshMs = 30_000;

/** What each status is called; the colour of its dot only repeats this. */
export const statusLabels: Record<SourceStatus, string> = {
  ok: 'OK',
  failing: 'Failing',
  disabled: 'Disabled',
  pending: 'Not fetched yet',
};

/** Sources needing attention first (failing, then disabled), then by name. */
const severity: Record<SourceStatus, number> = { failing: 0, disabled: 1, pending: 2, ok: 3 };

export function sortSources(sources: readonly SourceView[]): SourceView[] {
  return [...sources].sort((a, b) => severity[a.status] - severity[b.status] || a.name.localeCompare(b.name));
}

/** What each kind of failure is called for readers; admins also get the detailed message. */
export const errorKindLabels: Record<SourceErrorKind, string> = {
  refused: 'Address not allowed',
  dns: 'Host not found',
  connection: 'Could not connect',
  timeout: 'Timed out',
  tls: 'Secure connection failed',
  http: "The outlet's server answered with an error",
  redirect: 'Bad or too many redirects',
  gone: 'Removed by the outlet',
  too_large: 'Feed too large',
  not_a_feed: 'Not a readable feed',
  internal: 'Internal error',
};

/** Why a failing or disabled source fails; an old error on a healthy source is noise. */
export function sourceError(source: SourceView): string | null {
  if (source.status !== 'failing' && source.status !== 'disabled') return null;
  return (
    source.error?.trim() ||
    (source.errorKind ? errorKindLabels[source.errorKind] : null) ||
    (source.status === 'disabled' ? 'Turned off' : 'Unknown error')
  );
}

/** "12 seen, 3 new", or a dash before the first successful fetch. */
export function itemsText(source: SourceView): string {
  if (source.lastSuccessAt === null) return '—';
  return `${source.itemsSeen} seen, ${source.itemsNew} new`;
}

/**
 * "just now", "5 min ago", "in 2 min", "3 h ago", "2 days ago": both directions, since the next poll
 * is in the future and the last fetch in the past.
 */
export function relativeTo(instant: string, now: Date): string {
  const seconds = Math.round((Date.parse(instant) - now.getTime()) / 1000);
  if (Number.isNaN(seconds)) return '—';
  const abs = Math.abs(seconds);
  const say = (amount: string) => (seconds < 0 ? `${amount} ago` : `in ${amount}`);
  if (abs < 45) return seconds < 0 ? 'just now' : 'in a moment';
  if (abs < 3600) return say(`${Math.max(1, Math.round(abs / 60))} min`);
  if (abs < 86_400) return say(`${Math.round(abs / 3600)} h`);
  const days = Math.round(abs / 86_400);
  return say(`${days} ${days === 1 ? 'day' : 'days'}`);
}

/** Whether the source will be polled again (a disabled one waits for an operator). */
export function isScheduled(source: SourceView): source is SourceView & { nextPollAt: string } {
  return source.enabled && source.status !== 'disabled' && source.nextPollAt !== null;
}

/** The next poll, or why there is none. */
export function nextPollText(source: SourceView, now: Date): string {
  if (!isScheduled(source)) return 'Not scheduled';
  // A poll that is due is picked up within a second or two; "5 s ago" would read like a stall.
  return Date.parse(source.nextPollAt) <= now.getTime() ? 'now' : relativeTo(source.nextPollAt, now);
}
