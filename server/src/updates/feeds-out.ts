import { topicsById, updatesQuerySchema, type Update } from '@dayline/shared';
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { generateAtomFeed, generateJsonFeed } from 'feedsmith';
import type { EventCatalog, EventRuntime } from '../events/catalog.js';
import type { Store } from '../store/store.js';
import type { Access } from '../access/access.js';
import { presentedToken, viewableEvent } from '../access/guards.js';
import { parseInput } from '../validate.js';

/** How many of the newest matching updates a feed carries. */
const feedSize = 50;

interface FeedPage {
  event: EventRuntime;
  items: Update[];
  /** The page's own address, and the timeline it mirrors, with the same filters. */
  selfUrl: string;
  siteUrl: string;
  updated: Date;
}

/** Labels of the update's topics, a removed topic's last label included. */
const topicLabels = (event: EventRuntime, update: Update) => {
  const known = topicsById(event.public);
  return update.topics.map((id) => known.get(id)?.label ?? id);
};

function atom(page: FeedPage): string {
  const { event, items, selfUrl, siteUrl, updated } = page;
  return generateAtomFeed({
    id: siteUrl,
    title: { value: event.public.title },
    updated,
    links: [
      { href: selfUrl, rel: 'self', type: 'application/atom+xml' },
      { href: siteUrl, rel: 'alternate', type: 'text/html' },
    ],
    authors: [{ name: 'Dayline' }],
    generator: { text: 'Dayline' },
    entries: items.map((update) => ({
      id: `urn:uuid:${update.id}`,
      title: { value: update.title },
      updated: new Date(update.updatedAt),
      published: new Date(update.publishedAt),
      ...(update.summary ? { summary: { value: update.summary } } : {}),
      links: [{ href: update.url ?? `${siteUrl.split('?')[0]}/u/${update.id}`, rel: 'alternate' }],
      authors: [{ name: update.author ?? update.source?.name ?? 'Dayline' }],
      categories: update.topics.map((id, i) => ({ term: id, label: topicLabels(event, update)[i] })),
    })),
  });
}

function jsonFeed(page: FeedPage): unknown {
  const { event, items, selfUrl, siteUrl } = page;
  return generateJsonFeed({
    title: event.public.title,
    home_page_url: siteUrl,
    feed_url: selfUrl,
    items: items.map((update) => ({
      id: update.id,
      url: `${siteUrl.split('?')[0]}/u/${update.id}`,
      ...(update.url ? { external_url: update.url } : {}),
      title: update.title,
      content_text: update.summary || update.title,
      date_published: new Date(update.publishedAt),
      date_modified: new Date(update.updatedAt),
      tags: topicLabels(event, update),
      ...(update.author || update.source
        ? { authors: [{ name: update.author ?? update.source?.name }] }
        : {}),
    })),
  });
}

/**
 * A public event's feed may sit in shared caches for a minute. A private event's, or any feed asked
 * for with a token (which may open private events), is for the asking reader's own client only:
 * a shared cache in front of Dayline must never hand it to someone else.
 */
function cacheControl(req: Request, event: EventRuntime): string {
  const personal = event.config.visibility === 'private' || presentedToken(req) !== undefined;
  return personal ? 'private, no-cache' : 'public, max-age=60';
}

/**
 * Answers 304 when the reader already has this body (its ETag) or nothing changed since its copy.
 * Done here rather than by Express's `req.fresh`, which always answers in full to a request with
 * `Cache-Control: no-cache`, as fetch-based readers send with every conditional request.
 */
function sendConditional(req: Request, res: Response, page: FeedPage, body: string, type: string): void {
  const { updated } = page;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const lastModified = updated.toUTCString();
  res.set({ ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': cacheControl(req, page.event) });
  res.vary('Authorization');
  const noneMatch = req.get('if-none-match');
  const modifiedSince = Date.parse(req.get('if-modified-since') ?? '');
  const unchanged = noneMatch
    ? noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
    : !Number.isNaN(modifiedSince) && Math.floor(updated.getTime() / 1000) * 1000 <= modifiedSince;
  if (unchanged) {
    res.status(304).end();
    return;
  }
  res.type(type).send(body);
}

/**
 * Feeds out: `/e/:slug/feed.atom` and `/e/:slug/feed.json` (JSON Feed 1.1) with the list's `topics`
 * and `q` filters, so a filtered Dayline timeline can be followed in any feed reader.
 */
export function feedOutHandlers({
  store,
  events,
  access,
}: {
  store: Store;
  events: EventCatalog;
  access: Access;
}) {
  async function load(req: Request<{ slug: string }>): Promise<FeedPage> {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const query = parseInput(updatesQuerySchema, { ...req.query, limit: feedSize });
    events.checkTopics(event, query.topics);
    const { items } = await store.listUpdates(event.config.slug, {
      ...(query.topics ? { topics: query.topics } : {}),
      ...(query.q ? { q: query.q } : {}),
      limit: feedSize,
    });
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const search = new URLSearchParams();
    if (query.topics?.length) search.set('topics', query.topics.join(','));
    if (query.q) search.set('q', query.q);
    const suffix = search.size ? `?${search}` : '';
    const updatedAt = items.reduce(
      (latest, u) => (u.updatedAt > latest ? u.updatedAt : latest),
      event.config.startDate,
    );
    return {
      event,
      items,
      selfUrl: `${origin}${req.path}${suffix}`,
      siteUrl: `${origin}/e/${event.config.slug}${suffix}`,
      updated: new Date(updatedAt),
    };
  }

  const atomFeed: RequestHandler<{ slug: string }> = async (req, res) => {
    const page = await load(req);
    sendConditional(req, res, page, atom(page), 'application/atom+xml; charset=utf-8');
  };
  const jsonFeedOut: RequestHandler<{ slug: string }> = async (req, res) => {
    const page = await load(req);
    sendConditional(req, res, page, JSON.stringify(jsonFeed(page)), 'application/feed+json; charset=utf-8');
  };
  return { atom: atomFeed, json: jsonFeedOut };
}
