import {
  dayHeading,
  dayStart,
  formatRoute,
  latest,
  noFilters,
  parseRoute,
  timelinePageSize,
  type Event,
  type EventView,
  type FirstView,
  type FirstViewQuery,
  type Route,
  type Update,
} from '@dayline/shared';
import type { Request } from 'express';

/**
 * The first-view query a reader's address asks for: what GET /api/first-view would be asked.
 * `before` is a page token: the older pages readers without JavaScript follow.
 */
export function firstViewQuery(route: Route, before?: unknown): FirstViewQuery {
  const { filters, target } = route;
  return {
    event: route.slug ?? undefined,
    topics: filters.topics.length > 0 ? filters.topics : undefined,
    q: filters.q || undefined,
    source: filters.source || undefined,
    day: target.kind === 'day' ? target.day : undefined,
    update: target.kind === 'update' ? target.id : undefined,
    before: typeof before === 'string' && before ? before : undefined,
    limit: timelinePageSize,
  };
}

export function routeOf(req: Request): Route {
  const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
  return parseRoute(req.path, search);
}

/** What a page says about itself to search engines and link previews, and the data it starts from. */
export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL of the page without filters. */
  canonical: string;
  openGraph: Record<string, string>;
  twitter: Record<string, string>;
  /** schema.org LiveBlogPosting, or null when the page shows no event. */
  jsonLd: object | null;
}

const siteName = 'Dayline';
const maxDescription = 200;

/**
 * The head of a reader's page: its title, description, canonical URL, OpenGraph and Twitter card,
 * and the event as a schema.org LiveBlogPosting, from the same first view the page renders.
 */
export function pageHead(firstView: FirstView, route: Route, origin: string): PageHead {
  const view = firstView.view;
  const event = view ? firstView.events.find((e) => e.slug === view.event) : undefined;
  if (!view || !event) {
    const description = 'Live updates, grouped by day.';
    return {
      title: siteName,
      description,
      canonical: origin + '/',
      openGraph: {
        'og:type': 'website',
        'og:site_name': siteName,
        'og:title': siteName,
        'og:description': description,
      },
      twitter: { 'twitter:card': 'summary', 'twitter:title': siteName, 'twitter:description': description },
      jsonLd: null,
    };
  }
  const href = (target: Route['target']) =>
    origin + formatRoute({ slug: event.slug, target, filters: noFilters });
  const update = view.target && view.target.status !== 'retracted' ? view.target : null;
  const day = route.target.kind === 'day' ? route.target.day : null;

  let title = `${event.title} · ${siteName}`;
  let description = event.standfirst || `Live updates on ${event.title}, grouped by day of the event.`;
  let canonical = href(latest);
  if (update) {
    title = `${update.title} · ${event.title}`;
    description = [update.source?.name, dayHeading(update.day, event), update.summary]
      .filter(Boolean)
      .join(' · ');
    canonical = href({ kind: 'update', id: update.id });
  } else if (day !== null) {
    title = `${dayHeading(day, event)} · ${event.title}`;
    canonical = href({ kind: 'day', day });
  }
  description = clip(description, maxDescription);
  const shownTitle = update ? update.title : title.replace(` · ${siteName}`, '');

  return {
    title,
    description,
    canonical,
    openGraph: {
      'og:type': update ? 'article' : 'website',
      'og:site_name': siteName,
      'og:title': shownTitle,
      'og:description': description,
      'og:url': canonical,
      ...(update
        ? {
            'article:published_time': update.publishedAt,
            ...(update.correctedAt ? { 'article:modified_time': update.correctedAt } : {}),
          }
        : {}),
    },
    twitter: { 'twitter:card': 'summary', 'twitter:title': shownTitle, 'twitter:description': description },
    jsonLd: liveBlogPosting(event, view, href),
  };
}

/**
 * The event as a schema.org LiveBlogPosting, its shown updates as `liveBlogUpdate` entries.
 * Retracted updates are left out; corrected ones carry `dateModified`.
 */
function liveBlogPosting(event: Event, view: EventView, href: (target: Route['target']) => string): object {
  const updates = view.page.items.filter((u) => u.status !== 'retracted');
  const newest = updates.reduce<string | null>(
    (at, u) => (at === null || latestOf(u) > at ? latestOf(u) : at),
    null,
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: event.title,
    description: event.standfirst || `Live updates on ${event.title}, grouped by day of the event.`,
    url: href(latest),
    coverageStartTime: dayStart(1, event),
    ...(event.closed && event.lastPublishedAt ? { coverageEndTime: event.lastPublishedAt } : {}),
    ...(newest ? { dateModified: newest } : {}),
    liveBlogUpdate: updates.map((u) => blogPosting(u, href)),
  };
}

function blogPosting(update: Update, href: (target: Route['target']) => string): object {
  return {
    '@type': 'BlogPosting',
    headline: update.title,
    datePublished: update.publishedAt,
    ...(update.correctedAt ? { dateModified: update.correctedAt } : {}),
    url: href({ kind: 'update', id: update.id }),
    articleBody: update.summary,
    ...(update.author ? { author: { '@type': 'Person', name: update.author } } : {}),
    ...(update.source ? { publisher: { '@type': 'Organization', name: update.source.name } } : {}),
  };
}

const latestOf = (u: Update) => u.correctedAt ?? u.publishedAt;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Text for an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> data block: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The head's tags, as HTML. */
export function headHtml(head: PageHead): string {
  const meta = (attribute: 'name' | 'property', entries: Record<string, string>) =>
    Object.entries(entries).map(
      ([key, value]) => `<meta ${attribute}="${escapeHtml(key)}" content="${escapeHtml(value)}" />`,
    );
  return [
    `<title>${escapeHtml(head.title)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(head.canonical)}" />`,
    ...meta('property', head.openGraph),
    ...meta('name', head.twitter),
    ...(head.jsonLd ? [`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`] : []),
  ].join('\n    ');
}
