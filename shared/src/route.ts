/** What the reader filters by; every part lives in the URL so a link shows the same view. */
export interface Filters {
  /** Topic ids; empty means every topic. */
  topics: string[];
  /** Full-text search; empty means none. */
  q: string;
  /** An outlet's exact name; empty means every source. */
  source: string;
}

/** Where the timeline starts: the newest update, a day of the event, or one update. */
export type Target = { kind: 'latest' } | { kind: 'day'; day: number } | { kind: 'update'; id: string };

export interface Route {
  /** null for `/`: the app picks the most recently active event. */
  slug: string | null;
  target: Target;
  filters: Filters;
}

/**
 * The console's pages other than the desk (`/console`), by path: the one list the console's router
 * and the server that serves the app on those paths both read, so a link to any of them opens it.
 */
export const consolePages = {
  '/console/admin': 'admin',
  '/console/events': 'events',
  '/console/queue': 'queue',
  '/console/feeds': 'feeds',
  '/console/model': 'model',
} as const;
export type ConsolePage = 'desk' | (typeof consolePages)[keyof typeof consolePages];

export const noFilters: Filters = { topics: [], q: '', source: '' };
export const latest: Target = { kind: 'latest' };

function list(value: string | null): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads `/`, `/e/:slug`, `/e/:slug/day/:n` and `/e/:slug/u/:id` with `?topics=a,b&q=…&source=…`.
 * The older `/?event=slug` still opens that event. Anything unknown falls back to the start page.
 */
export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const filters: Filters = {
    topics: list(params.get('topics')),
    q: (params.get('q') ?? '').trim(),
    source: (params.get('source') ?? '').trim(),
  };
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'e' && parts[1]) {
    const slug = decode(parts[1]);
    if (slug) {
      if (parts[2] === 'day' && parts[3] && /^-?\d{1,6}$/.test(parts[3])) {
        return { slug, target: { kind: 'day', day: Number(parts[3]) }, filters };
      }
      const id = parts[2] === 'u' && parts[3] ? decode(parts[3]) : null;
      if (id) return { slug, target: { kind: 'update', id }, filters };
      return { slug, target: latest, filters };
    }
  }
  return { slug: params.get('event') || null, target: latest, filters };
}

/** Whether a path is one of the timeline's own pages (not a feed or a file under /e/). */
export function isTimelinePath(pathname: string): boolean {
  return /^\/e\/[^/]+(\/(day\/-?\d{1,6}|u\/[^/]+))?\/?$/.test(pathname);
}

/** The path and query of a route. Commas in `topics` stay literal so shared links read `topics=a,b`. */
export function formatRoute(route: Route): string {
  let path = '/';
  if (route.slug !== null) {
    path = `/e/${encodeURIComponent(route.slug)}`;
    if (route.target.kind === 'day') path += `/day/${route.target.day}`;
    if (route.target.kind === 'update') path += `/u/${encodeURIComponent(route.target.id)}`;
  }
  const parts: string[] = [];
  const { topics, q, source } = route.filters;
  if (topics.length > 0) parts.push(`topics=${topics.map(encodeURIComponent).join(',')}`);
  const rest = new URLSearchParams();
  if (source) rest.set('source', source);
  if (q) rest.set('q', q);
  if (rest.size > 0) parts.push(rest.toString());
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return a.q === b.q && a.source === b.source && a.topics.join(',') === b.topics.join(',');
}

export function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'day' && b.kind === 'day') return a.day === b.day;
  if (a.kind === 'update' && b.kind === 'update') return a.id === b.id;
  return a.kind === b.kind;
}

export function hasFilters(filters: Filters): boolean {
  return filters.topics.length > 0 || filters.q !== '' || filters.source !== '';
}
