import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';

/** Control characters other than tab, newline and carriage return. */
const controlChars = /[^\P{Cc}\t\n\r]/gu;

/** Trims, folds runs of white space and strips control characters, in Unicode NFC. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(controlChars, '').replace(/\s+/g, ' ').trim();
}

/** Like cleanText but keeps paragraph breaks in longer text. */
export function cleanParagraphs(text: string): string {
  return text
    .normalize('NFC')
    .replace(controlChars, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The form of a link used to spot the same article twice: tracking parameters, fragments,
 * default ports, `www.` and the http/https difference do not make a new article.
 */
export function canonicalUrl(url: string): string {
  return normalizeUrl(url, {
    forceHttps: true,
    stripHash: true,
    stripWWW: true,
    removeQueryParameters: [/^utm_\w+/i, 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ocid', 'cmpid'],
    sortQueryParameters: true,
    removeTrailingSlash: true,
  });
}

/** Identity of an item that came without an id or link: same outlet, headline and time. */
export function contentKey(sourceName: string | undefined, title: string, publishedAt: string): string {
  return createHash('sha256')
    .update(JSON.stringify([sourceName?.toLowerCase() ?? '', title.toLowerCase(), publishedAt]))
    .digest('base64url');
}
