import type { TopicReason } from '@dayline/shared';
import type { TopicConfig } from '../events/event-config.js';

export interface TagInput {
  title: string;
  summary?: string;
  /** Topics given with the update (API): kept first, in this order, whatever the rules say. */
  explicit?: readonly string[];
  /** Default topics of the source the update came from (a feed's configured topics). */
  sourceTopics?: readonly string[];
  /** The source's name, shown as the match of a source reason. */
  source?: string;
  /** Categories the feed item carried. */
  categories?: readonly string[];
}

export interface TopicExplanation {
  /** Explicit topics first, then the event's topics in their configured order. */
  topics: string[];
  /** For each topic in `topics`, every rule that gave it. */
  reasons: Record<string, TopicReason[]>;
  /** Topics whose only text matches fell inside an excluded phrase, with that phrase. */
  excluded: Record<string, string>;
}

/**
 * Keywords, longest first, as one global pattern with a capturing group per keyword (to tell which
 * one matched), and each alone as a pattern anchored where it is tried.
 */
interface KeywordPattern {
  pattern: RegExp;
  keywords: string[];
  sticky: RegExp[];
  /** explain() only: keywords in capitals count only where the text has them in capitals. */
  acronymsInCapitals: boolean;
}

interface CompiledTopic {
  id: string;
  /** tag(): the keywords exactly as written, as the pipeline has always matched them. */
  exact: KeywordPattern | undefined;
  /** explain(): with plural forms and prefixes. */
  keywords: KeywordPattern | undefined;
  regexes: { source: string; pattern: RegExp }[];
  exclude: RegExp | undefined;
  /** Lowercased category → the category as configured. */
  categories: Map<string, string>;
}

/**
 * What a text must hold for a keyword to match: its first word (any inflection of a one-word
 * keyword), or a word starting with it for "word*". Both case-folded.
 */
type Anchor = { word: string } | { prefix: string };

/** A word of a text where a keyword (its index in KeywordPattern.keywords) may start. */
interface Hit {
  at: number;
  keyword: number;
}

const before = '(?<![\\p{L}\\p{N}_])';
const after = '(?![\\p{L}\\p{N}_])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One keyword or phrase as a pattern: any run of spaces between its words matches. */
function exactPattern(keyword: string): string {
  return keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

/**
 * The regular English plural of a word, or its singular if it looks plural. Short words are left
 * alone: "gas" is not a plural and "UN" has none. Irregular forms need their own keyword.
 */
export function inflections(word: string): string[] {
  if (!/^\p{L}{3,}$/u.test(word)) return [word];
  const lower = word.toLowerCase();
  if (lower.length >= 5 && lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower)) {
    if (lower.endsWith('ies')) return [word, `${word.slice(0, -3)}y`];
    if (/(?:s|x|z|ch|sh)es$/.test(lower)) return [word, word.slice(0, -1), word.slice(0, -2)];
    return [word, word.slice(0, -1)];
  }
  if (/[^aeiou]y$/.test(lower)) return [word, `${word.slice(0, -1)}ies`];
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return [word, `${word}es`];
  if (lower.endsWith('o')) return [word, `${word}s`, `${word}es`];
  return [word, `${word}s`];
}

/**
 * A keyword for explain(): words separated by spaces or hyphens ("front line" is also
 * "front-line"), the last word in any of its inflections, or with any ending after a trailing *.
 */
function keywordPattern(keyword: string): string {
  const words = keyword.trim().split(/\s+/);
  return words
    .map((word, i) => {
      if (word.length > 1 && word.endsWith('*')) return `${escapeRegExp(word.slice(0, -1))}[\\p{L}\\p{N}]*`;
      if (i < words.length - 1) return escapeRegExp(word);
      const forms = inflections(word);
      return forms.length > 1 ? `(?:${forms.map(escapeRegExp).join('|')})` : escapeRegExp(word);
    })
    .join('[\\s\\-‐‑]+');
}

/**
 * A keyword written as one word in capitals ("US", "WHO", "G7"). explain() matches it only in
 * capitals, optionally with a plural s ("NGOs"), so "us", "who" and "it" in running text do not count.
 */
export function isAcronym(keyword: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(keyword);
}

/** Longest first, so "power grid" wins over "power" where both match at one place. */
function byLength(keywords: readonly string[]): string[] {
  return [...keywords].sort((a, b) => b.length - a.length);
}

function keywordsPattern(
  keywords: readonly string[],
  toPattern: (k: string) => string,
  acronymsInCapitals: boolean,
): KeywordPattern | undefined {
  if (!keywords.length) return undefined;
  const sorted = byLength(keywords);
  const groups = sorted.map((k) => `(${toPattern(k)})`).join('|');
  return {
    pattern: new RegExp(`${before}(?:${groups})${after}`, 'giu'),
    keywords: sorted,
    sticky: sorted.map((k) => new RegExp(`(?:${toPattern(k)})${after}`, 'iuy')),
    acronymsInCapitals,
  };
}

const wordRun = /[\p{L}\p{N}_]+/gu;
const asciiOnly = /^\p{ASCII}*$/u;

/**
 * Case-folds a word for the anchors. Letters that match each other case-insensitively share their
 * capital, and the Greek final sigma, the one letter lowercased by context, is made plain, so a
 * folded word starts with the folded form of every prefix it matches.
 */
function fold(word: string): string {
  return word.toUpperCase().toLowerCase().replaceAll('ς', 'σ');
}

/** The anchors of a keyword, or undefined if it starts with something other than a word character. */
function anchorsOf(keyword: string): Anchor[] | undefined {
  const words = keyword.trim().split(/\s+/);
  const first = words[0] ?? '';
  const run = /^[\p{L}\p{N}_]+/u.exec(first)?.[0];
  if (run === undefined) return undefined;
  if (first.length > 1 && first.endsWith('*') && run.length === first.length - 1)
    return [{ prefix: fold(run) }];
  if (words.length === 1 && run === first) return inflections(first).map((form) => ({ word: fold(form) }));
  return [{ word: fold(run) }];
}

/**
 * Where in a text each topic's keywords may start, from its words alone. An event has hundreds of
 * keywords; scanning the text with each topic's one big pattern costs a try of every keyword at
 * every word, while a look-up per word finds the few worth trying. A keyword is still decided by its
 * pattern; the anchors only say where to try it.
 */
class KeywordAnchors {
  readonly #words = new Map<string, { topic: number; keyword: number }[]>();
  readonly #prefixes = new Map<string, { topic: number; keyword: number }[]>();
  readonly #prefixLengths: number[];
  /** textHash of each anchor word and prefix: a word of a text is cut out for a look-up only on a hit. */
  readonly #wordHashes = new Set<number>();
  readonly #prefixHashes = new Set<number>();
  /** Topics with a keyword that has no anchor: scanned with their whole pattern. */
  readonly #unanchored = new Set<number>();
  readonly #topicCount: number;

  /** `keywords` of each topic in the order of its KeywordPattern. */
  constructor(keywords: readonly (readonly string[])[]) {
    this.#topicCount = keywords.length;
    keywords.forEach((list, topic) => {
      list.forEach((keyword, index) => {
        const anchors = anchorsOf(keyword);
        if (!anchors) this.#unanchored.add(topic);
        for (const anchor of anchors ?? []) {
          const [map, key] = 'word' in anchor ? [this.#words, anchor.word] : [this.#prefixes, anchor.prefix];
          map.set(key, [...(map.get(key) ?? []), { topic, keyword: index }]);
        }
      });
    });
    this.#prefixLengths = [...new Set([...this.#prefixes.keys()].map((p) => p.length))];
    for (const word of this.#words.keys()) this.#wordHashes.add(textHash(word, 0, word.length));
    for (const prefix of this.#prefixes.keys()) this.#prefixHashes.add(textHash(prefix, 0, prefix.length));
  }

  /**
   * For each topic, the hits in the text in order of position, or undefined: scan it whole. Runs
   * once per text of every update written, so it allocates only for what it finds.
   */
  hits(text: string): (readonly Hit[] | undefined)[] {
    const out: (readonly Hit[] | undefined)[] = Array.from({ length: this.#topicCount }, (_, topic) =>
      this.#unanchored.has(topic) ? undefined : noHits,
    );
    const add = (at: number, entries: { topic: number; keyword: number }[] | undefined) => {
      for (const { topic, keyword } of entries ?? []) {
        const list = out[topic];
        if (list === undefined) continue;
        if (list === noHits) out[topic] = [{ at, keyword }];
        else (list as Hit[]).push({ at, keyword });
      }
    };
    if (asciiOnly.test(text)) {
      // The usual case: in ASCII a word character is [A-Za-z0-9_], and lowercasing keeps every
      // position, so the text is lowercased once and its words are read off by character codes.
      const lower = text.toLowerCase();
      let start = -1;
      for (let i = 0; i <= lower.length; i++) {
        if (i < lower.length && isAsciiWordChar(lower.charCodeAt(i))) {
          if (start < 0) start = i;
        } else if (start >= 0) {
          this.#lookUp(lower, start, i, add);
          start = -1;
        }
      }
      return out;
    }
    for (const run of text.matchAll(wordRun)) {
      const word = fold(run[0]);
      this.#lookUp(word, 0, word.length, (_, entries) => add(run.index, entries));
    }
    return out;
  }

  /** The anchors of the folded word `text[start, end)`: the word's, then each prefix's. */
  #lookUp(
    text: string,
    start: number,
    end: number,
    add: (at: number, entries: { topic: number; keyword: number }[] | undefined) => void,
  ): void {
    if (this.#wordHashes.has(textHash(text, start, end))) add(start, this.#words.get(text.slice(start, end)));
    for (const length of this.#prefixLengths) {
      if (length <= end - start && this.#prefixHashes.has(textHash(text, start, start + length)))
        add(start, this.#prefixes.get(text.slice(start, start + length)));
    }
  }
}

/** A 32-bit hash of `text[from, to)`, read in place. */
function textHash(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** A topic none of whose keywords may start in a text (shared: never written to). */
const noHits: readonly Hit[] = Object.freeze([]);

/** [0-9A-Z_a-z] after lowercasing: [0-9_a-z]. */
function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * The keyword matches in a text as `keywords.pattern` finds them: left to right, not overlapping,
 * and at each place the first keyword (the longest) that matches there. With hits, only the hit
 * keywords are tried, at their words.
 */
function* keywordMatches(
  keywords: KeywordPattern,
  text: string,
  hits: readonly Hit[] | undefined,
): Generator<{ keyword: string; match: RegExpMatchArray }> {
  if (!hits) {
    for (const match of text.matchAll(keywords.pattern)) {
      const keyword = keywords.keywords[match.findIndex((g, i) => i > 0 && g !== undefined) - 1];
      if (keyword !== undefined) yield { keyword, match };
    }
    return;
  }
  let end = 0;
  for (let i = 0; i < hits.length;) {
    const at = hits[i]!.at;
    let j = i;
    while (j < hits.length && hits[j]!.at === at) j++;
    if (at >= end) {
      const tried =
        j === i + 1
          ? [hits[i]!.keyword]
          : hits
              .slice(i, j)
              .map((h) => h.keyword)
              .sort((a, b) => a - b);
      for (const index of tried) {
        const sticky = keywords.sticky[index]!;
        sticky.lastIndex = at;
        const match = sticky.exec(text);
        if (!match) continue;
        yield { keyword: keywords.keywords[index]!, match };
        end = at + match[0].length;
        break;
      }
    }
    i = j;
  }
}

function compile(topic: TopicConfig): CompiledTopic {
  return {
    id: topic.id,
    exact: keywordsPattern(topic.keywords, exactPattern, false),
    keywords: keywordsPattern(topic.keywords, keywordPattern, true),
    regexes: topic.regexes.map((source) => ({ source, pattern: new RegExp(source, 'giu') })),
    exclude: topic.exclude.length
      ? new RegExp(`${before}(?:${byLength(topic.exclude).map(keywordPattern).join('|')})${after}`, 'giu')
      : undefined,
    categories: new Map(topic.categories.map((c) => [c.toLowerCase(), c])),
  };
}

/**
 * Tags updates with the event's topics and says why: explicit topics, source default topics, feed
 * categories, keywords (whole words, case-insensitive, letters of any script counted as word
 * characters, so "gas" is not in "Gaston") and regexes. A topic's excluded phrases mask the text
 * for its keywords and regexes: "tear gas" stops that "gas" counting for energy, while "gas prices"
 * in the same update still counts.
 */
export class TopicTagger {
  readonly #topics: CompiledTopic[];
  readonly #anchors: KeywordAnchors;

  constructor(topics: readonly TopicConfig[]) {
    this.#topics = topics.map(compile);
    // tag() and explain() list each topic's keywords in the same order, longest first.
    this.#anchors = new KeywordAnchors(this.#topics.map((t) => t.keywords?.keywords ?? []));
  }

  /**
   * Explicit topics first, in the order given, then every topic whose keywords (exactly as
   * written, no plurals) or regexes match and no exclusion vetoes. The pipeline's original
   * matcher; explain() is the fuller one.
   */
  tag(text: string, explicit: readonly string[] = []): string[] {
    const topics = new Set(explicit);
    const hits = [this.#anchors.hits(text)];
    this.#topics.forEach((topic, i) => {
      if (!topics.has(topic.id) && textMatches(topic, topic.exact, [text], hits, i).reasons.length)
        topics.add(topic.id);
    });
    return [...topics];
  }

  /** The topics of one update and the reasons for each. */
  explain(input: TagInput): TopicExplanation {
    const texts = [input.title, input.summary ?? ''].filter(Boolean);
    const explicit = [...new Set(input.explicit ?? [])];
    const sourceTopics = new Set(input.sourceTopics ?? []);
    const categories = (input.categories ?? []).map((c) => c.trim()).filter(Boolean);
    const reasons: Record<string, TopicReason[]> = {};
    const excluded: Record<string, string> = {};
    for (const id of explicit) reasons[id] = [{ rule: 'explicit', match: id }];

    const ruled: string[] = [];
    const hits = texts.map((text) => this.#anchors.hits(text));
    for (const [i, topic] of this.#topics.entries()) {
      const editorial: TopicReason[] = [];
      if (sourceTopics.has(topic.id)) editorial.push({ rule: 'source', match: input.source ?? topic.id });
      const text = textMatches(topic, topic.keywords, texts, hits, i);
      const found = [...editorial, ...categoryReasons(topic, categories), ...text.reasons];
      if (!text.reasons.length && text.masked !== undefined) excluded[topic.id] = text.masked;
      if (!found.length) continue;
      reasons[topic.id] = [...(reasons[topic.id] ?? []), ...found];
      if (!explicit.includes(topic.id)) ruled.push(topic.id);
    }
    return { topics: [...explicit, ...ruled], reasons, excluded };
  }
}

function categoryReasons(topic: CompiledTopic, categories: readonly string[]): TopicReason[] {
  const out: TopicReason[] = [];
  for (const category of categories) {
    const configured = topic.categories.get(category.toLowerCase());
    if (configured === undefined) continue;
    out.push(
      configured === category
        ? { rule: 'category', match: category }
        : { rule: 'category', match: category, pattern: configured },
    );
  }
  return out;
}

/**
 * Each keyword and regex that matched outside the topic's excluded phrases, once, with the first
 * text it matched (headline first); and the first excluded phrase that hid a match.
 */
function textMatches(
  topic: CompiledTopic,
  keywords: KeywordPattern | undefined,
  texts: readonly string[],
  hits: readonly (readonly Hit[] | undefined)[][],
  topicIndex: number,
): { reasons: TopicReason[]; masked: string | undefined } {
  // Most texts match none of a topic's rules: nothing is allocated for them.
  let reasons: TopicReason[] | undefined;
  let masked: string | undefined;
  let seen: Set<string> | undefined;
  for (const [t, text] of texts.entries()) {
    const topicHits = hits[t]?.[topicIndex];
    const tryKeywords = keywords !== undefined && topicHits?.length !== 0;
    if (!tryKeywords && topic.regexes.length === 0) continue;
    // Found only once something matched.
    let excluded: { from: number; to: number; text: string }[] | undefined;
    const note = (rule: 'keyword' | 'regex', pattern: string, m: RegExpMatchArray): void => {
      const from = m.index ?? 0;
      const to = from + m[0].length;
      if (!excluded) {
        const phrases: { from: number; to: number; text: string }[] = [];
        if (topic.exclude)
          eachMatch(topic.exclude, text, (x) =>
            phrases.push({ from: x.index, to: x.index + x[0].length, text: x[0] }),
          );
        excluded = phrases;
      }
      const hiding = excluded.find((x) => from < x.to && x.from < to);
      if (hiding) {
        masked ??= hiding.text;
        return;
      }
      seen ??= new Set();
      if (seen.has(`${rule}:${pattern}`)) return;
      seen.add(`${rule}:${pattern}`);
      (reasons ??= []).push(m[0] === pattern ? { rule, match: m[0] } : { rule, match: m[0], pattern });
    };
    if (keywords && tryKeywords) {
      for (const { keyword, match } of keywordMatches(keywords, text, topicHits)) {
        if (keywords.acronymsInCapitals && isAcronym(keyword) && match[0].replace(/s$/, '') !== keyword)
          continue;
        note('keyword', keyword, match);
      }
    }
    for (const regex of topic.regexes) {
      eachMatch(regex.pattern, text, (m) => {
        if (m[0]) note('regex', regex.source, m);
      });
    }
  }
  return { reasons: reasons ?? [], masked };
}

/**
 * Every match of a global pattern in a text, as `text.matchAll(pattern)` gives them, without the
 * copy of the pattern matchAll makes on each call. `each` must not use `pattern` itself.
 */
function eachMatch(pattern: RegExp, text: string, each: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // An empty match moves on by one character (a whole code point), as matchAll does.
      if (match[0] === '')
        pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      each(match);
    }
  } finally {
    pattern.lastIndex = 0;
  }
}
