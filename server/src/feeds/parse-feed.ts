import { createHash } from 'node:crypto';
import { DetectError, parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import { cleanText } from '../updates/normalize.js';
import { htmlLineToText, sanitizeSummary, textToHtml } from '../updates/sanitize.js';
import { feedDate } from './dates.js';
import { decodeBody } from './decode.js';

export interface FeedItem {
  /** The item's guid or id; else its resolved link; else a hash of its title, summary and date. */
  guid: string;
  /** Plain text; when the feed gave none, the start of the summary. */
  title: string;
  summaryHtml: string;
  summaryText: string;
  /** Absolute http(s) link, resolved against xml:base where given, else the feed's own URL. */
  url?: string;
  author?: string;
  /** ISO 8601 in UTC. */
  publishedAt: string;
  /** True when the date was missing or unreadable and publishedAt is the fetch time. */
  dateFallback: boolean;
  categories: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  /** The outlet's site (not the feed), absolute. */
  siteUrl?: string;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  contentType?: string;
  /** Where the document was fetched from: the base for relative links. */
  url: string;
  fetchedAt: Date;
}

/** A document that is not a feed we can read; the message is meant for the operator. */
export class FeedParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedParseError';
  }
}

/** Text as the feed wrote it, and whether that text is HTML or plain. */
interface Markup {
  value: string;
  html: boolean;
}

/** One item in the shape common to every format, before cleaning. */
interface RawItem {
  id?: string;
  title?: Markup;
  summary?: Markup;
  link?: string;
  base: string;
  author?: string;
  date?: string;
  categories: Array<string | undefined>;
}

const TITLE_FROM_SUMMARY_CHARS = 120;

/** Parses RSS 0.9x/2.0, RDF (RSS 1.0), Atom 1.0 and JSON Feed 1.0/1.1 into clean items. */
export function parseFeed(body: Buffer, options: ParseFeedOptions): ParsedFeed {
  const text = decodeBody(body, options.contentType);
  if (!text.trim()) throw new FeedParseError('Not a feed: the document is empty');
  const json = /^\s*[{[]/.test(text);
  const document = json ? text : stripDoctype(text);
  let parsed: AnyFeed;
  try {
    // Handing over an object, not text, keeps the XML sniffers away from JSON whose HTML
    // content happens to contain "<rss ".
    parsed = parseAnyFeed(json ? JSON.parse(document) : document);
  } catch (error) {
    throw new FeedParseError(explain(error, text), { cause: error });
  }
  const docUrl = options.url;
  const { format, title, siteUrl, items } = normalise(parsed, document, docUrl);
  return {
    format,
    ...(title ? { title } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    items: items.flatMap((raw) => {
      const item = toFeedItem(raw, options.fetchedAt);
      return item ? [item] : [];
    }),
  };
}

function explain(error: unknown, text: string): string {
  if (error instanceof DetectError) {
    if (/^\s*(?:<!doctype html|<html)/i.test(text)) return 'Not a feed: the URL returned an HTML page';
    return 'Not a feed: the document is not RSS, Atom, RDF or JSON Feed';
  }
  if (error instanceof SyntaxError) return `Malformed feed: the JSON could not be read (${error.message})`;
  // The parser's own words ("Unexpected end of title") help whoever has to tell the outlet.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `Malformed feed: the XML could not be read${cause}`;
}

function normalise(
  parsed: AnyFeed,
  document: string,
  docUrl: string,
): { format: ParsedFeed['format']; title?: string; siteUrl?: string; items: RawItem[] } {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      // RSS has no xml:base of its own, but some outlets put one on <rss>, which the parser drops.
      const rootBase = resolveBase(rootXmlBase(document, 'rss'), docUrl);
      const base = resolveBase(feed.xml?.base, rootBase);
      return {
        format: 'rss',
        title: feed.title ? htmlLineToText(feed.title) : undefined,
        siteUrl: resolveLink(feed.link, base),
        items: (feed.items ?? []).map((item) => {
          const guid = item.guid?.value;
          const permalink =
            item.guid?.isPermaLink !== false && guid && /^https?:/i.test(guid) ? guid : undefined;
          const summary = item.description ?? item.content?.encoded;
          return {
            id: guid,
            title: item.title ? { value: item.title, html: true } : undefined,
            summary: summary ? { value: summary, html: true } : undefined,
            link: item.link ?? permalink,
            base: resolveBase(item.xml?.base, base),
            author: item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0],
            date: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated,
            categories: [...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])],
          };
        }),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const base = resolveBase(feed.xml?.base, docUrl);
      return {
        format: 'atom',
        title: feed.title ? atomText(feed.title).value : undefined,
        siteUrl: resolveLink(alternateLink(feed.links), base),
        items: (feed.entries ?? []).map((entry) => {
          const entryBase = resolveBase(entry.xml?.base, base);
          const content = entry.content?.src ? undefined : entry.content;
          const summaryText =
            entry.summary ?? (content?.value ? { ...content, value: content.value } : undefined);
          return {
            id: entry.id,
            title: entry.title ? atomText(entry.title) : undefined,
            summary: summaryText ? atomText(summaryText) : undefined,
            link: alternateLink(entry.links),
            base: resolveBase(summaryText?.xml?.base, entryBase),
            author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
            date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
            categories: (entry.categories ?? []).map((c) => c.label ?? c.term),
          };
        }),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      const base = resolveBase(feed.xml?.base, resolveBase(rootXmlBase(document, 'rdf:RDF'), docUrl));
      return {
        format: 'rdf',
        title: feed.title ? htmlLineToText(feed.title) : undefined,
        siteUrl: resolveLink(feed.link, base),
        items: (feed.items ?? []).map((item) => {
          const summary = item.description ?? item.content?.encoded;
          return {
            id: item.rdf?.about,
            title: item.title ? { value: item.title, html: true } : undefined,
            summary: summary ? { value: summary, html: true } : undefined,
            link: item.link,
            base: resolveBase(item.xml?.base, base),
            author: item.dc?.creators?.[0],
            date: item.dc?.dates?.[0],
            categories: item.dc?.subjects ?? [],
          };
        }),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        format: 'json',
        title: feed.title ? cleanText(feed.title) : undefined,
        siteUrl: resolveLink(feed.home_page_url, docUrl),
        items: (feed.items ?? []).map((item) => {
          // JSON Feed's summary is a short plain-text blurb, the right size for a timeline.
          const summary: Markup | undefined = item.summary
            ? { value: item.summary, html: false }
            : item.content_html
              ? { value: item.content_html, html: true }
              : item.content_text
                ? { value: item.content_text, html: false }
                : undefined;
          return {
            id: item.id === undefined ? undefined : String(item.id),
            title: item.title ? { value: item.title, html: false } : undefined,
            summary,
            link: item.url ?? item.external_url,
            base: docUrl,
            author: item.authors?.[0]?.name ?? feed.authors?.[0]?.name,
            date: item.date_published ?? item.date_modified,
            categories: item.tags ?? [],
          };
        }),
      };
    }
  }
}

function toFeedItem(raw: RawItem, fetchedAt: Date): FeedItem | undefined {
  const summary = raw.summary
    ? sanitizeSummary(raw.summary.html ? raw.summary.value : textToHtml(raw.summary.value), raw.base)
    : { html: '', text: '' };
  const ownTitle = raw.title
    ? raw.title.html
      ? htmlLineToText(raw.title.value)
      : cleanText(raw.title.value)
    : '';
  if (!ownTitle && !summary.text) return undefined;
  const title = ownTitle || truncate(cleanText(summary.text), TITLE_FROM_SUMMARY_CHARS);
  const url = resolveLink(raw.link, raw.base);
  const date = feedDate(raw.date, fetchedAt);
  const author = raw.author ? htmlLineToText(raw.author) : '';
  const guid =
    raw.id?.trim() ||
    url ||
    // Hash the date as written, not the parsed one: a missing date falls back to the fetch time,
    // which would give the same item a new identity on every poll.
    createHash('sha256')
      .update(JSON.stringify([title, summary.text, raw.date ?? '']))
      .digest('hex');
  return {
    guid,
    title,
    summaryHtml: summary.html,
    summaryText: summary.text,
    ...(url ? { url } : {}),
    ...(author ? { author } : {}),
    publishedAt: date.publishedAt,
    dateFallback: date.dateFallback,
    categories: unique(raw.categories),
  };
}

function atomText(text: { value: string; type?: string }): Markup {
  const type = text.type?.toLowerCase();
  const html =
    type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml';
  return { value: text.value, html };
}

function alternateLink(
  links: Array<{ href?: string; rel?: string; type?: string }> | undefined,
): string | undefined {
  const alternates = (links ?? []).filter((link) => link.href && (!link.rel || link.rel === 'alternate'));
  const page = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return page?.href;
}

/** An absolute http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
function resolveLink(href: string | undefined, base: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An xml:base resolved against its parent's base; the parent's base when absent or unusable. */
function resolveBase(base: string | undefined, parent: string): string {
  if (!base?.trim()) return parent;
  try {
    return new URL(base.trim(), parent).href;
  } catch {
    return parent;
  }
}

function rootXmlBase(document: string, rootName: string): string | undefined {
  const root = new RegExp(`<${rootName}\\b[^>]*>`, 'i').exec(document.slice(0, 4096))?.[0];
  return root?.match(/\sxml:base\s*=\s*(["'])(.*?)\1/)?.[2];
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function unique(values: Array<string | undefined>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const clean = value ? htmlLineToText(value) : '';
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}

/**
 * Removes a DOCTYPE (with its internal subset) from the prolog. Feeds never need one, and its
 * entity declarations are how billion-laughs bombs and external-entity (XXE) reads arrive; the XML
 * layer is told not to expand entities as well, and without declarations there is nothing to expand.
 */
export function stripDoctype(text: string): string {
  const start = text.search(/<!DOCTYPE/i);
  if (start < 0) return text;
  const firstElement = text.search(/<[A-Za-z]/);
  if (firstElement >= 0 && firstElement < start) return text;
  let depth = 0;
  let quote = '';
  for (let i = start + '<!DOCTYPE'.length; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      depth++;
    } else if (char === ']') {
      depth--;
    } else if (char === '>' && depth <= 0) {
      return text.slice(0, start) + text.slice(i + 1);
    }
  }
  throw new FeedParseError('Malformed feed: unterminated DOCTYPE');
}
