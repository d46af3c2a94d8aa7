import sanitizeHtml from 'sanitize-html';
import { cleanParagraphs, cleanText } from './normalize.js';

export interface SanitizedSummary {
  /** Safe to render as HTML: a small set of text-level tags, links only to http(s) and mailto. */
  html: string;
  /** The same content as plain text, paragraphs separated by a blank line. */
  text: string;
}

const LINK_REL = 'noopener noreferrer nofollow';
const allowedLinkProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * Tags whose text is dropped along with them: the text of a script, a style sheet, an embedded
 * document or a form control is never part of what the outlet meant readers to see.
 */
const dropWithContent = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'title',
  'head',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'xmp',
  'svg',
  'math',
];

function options(baseUrl: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: ['p', 'a', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'br'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: dropWithContent,
    transformTags: {
      b: 'strong',
      i: 'em',
      a: (_tagName, attribs): sanitizeHtml.Tag => {
        const href = safeHref(attribs.href, baseUrl);
        return { tagName: 'a', attribs: href ? { href, rel: LINK_REL, target: '_blank' } : {} };
      },
    },
    // A link we will not keep loses its tag but not its text. (Transforming it into a disallowed
    // tag instead trips a sanitize-html bug that renames the next closing tag at the same depth.)
    exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false),
  };
}

/**
 * Resolves a link the way a browser would (which also undoes tricks such as tabs or entities inside
 * "javascript:"), then keeps it only if it lands on an allowed protocol.
 */
function safeHref(href: string | undefined, baseUrl: string | undefined): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  let url: URL;
  try {
    url = baseUrl ? new URL(href, baseUrl) : new URL(href);
  } catch {
    return undefined;
  }
  return allowedLinkProtocols.has(url.protocol) ? url.href : undefined;
}

/** Cleans a feed item's summary HTML for display, and derives its plain text. */
export function sanitizeSummary(html: string, baseUrl?: string): SanitizedSummary {
  const clean = sanitizeHtml(html, options(baseUrl)).trim();
  return { html: clean, text: htmlToText(clean) };
}

/** Escapes plain text (a JSON Feed content_text, an Atom type="text" summary) into paragraphs. */
export function textToHtml(text: string): string {
  return cleanParagraphs(text)
    .split('\n\n')
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

/** Plain text of a piece of HTML on one line, for titles and names that may carry markup. */
export function htmlLineToText(html: string): string {
  return cleanText(htmlToText(sanitizeHtml(html, options(undefined))));
}

const blockBoundary = /<\/?(?:p|ul|ol|li|blockquote)\b[^>]*>/gi;

/**
 * Plain text of sanitizer output. Safe to do with patterns only because sanitize-html's output is
 * regular: known tags, quoted attributes, and text whose only escapes are &amp; &lt; &gt; &quot;.
 */
function htmlToText(clean: string): string {
  const text = clean
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(blockBoundary, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return cleanParagraphs(text);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
