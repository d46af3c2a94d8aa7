import { stemmer } from 'stemmer';
import { stopWords } from './stop-words.js';

/**
 * Letters and digits of any script; an apostrophe inside a word is dropped so "Russia's" and
 * "don't" become one token each ("russias", "dont") instead of a stray "s" or "t".
 */
const tokenPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const apostrophes = /['’]/g;
const latinWord = /^[a-z]+$/;
const combiningMarks = /\p{M}/gu;
/** A capital letter where it is tried (lastIndex). */
const capitalAt = /\p{Lu}/uy;
/** What may stand between the end of one sentence and the first word of the next. */
const sentenceBreak = /[.!?:;…]["'”’)\]]*\s*["'“‘([]*$/u;
const ascii = /^\p{ASCII}*$/u;

/** Stems of words seen so far: news repeats its words, and stemming is most of the cost of a word. */
const stems = new Map<string, string>();
const maxStems = 50_000;

function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    if (stems.size >= maxStems) stems.clear();
    known = stemmer(word);
    stems.set(word, known);
  }
  return known;
}

/** Lowercased, accents folded, apostrophes dropped. */
function fold(token: string): string {
  const plain = ascii.test(token) ? token : token.normalize('NFKD').replace(combiningMarks, '');
  return plain.toLowerCase().replace(apostrophes, '');
}

export interface Term {
  /** The stem, or the folded word for scripts the stemmer does not know. */
  term: string;
  /** Capitalised inside a sentence: most likely a name (a place, a person, an organisation). */
  name: boolean;
}

/**
 * The index terms of a piece of text: lowercased, accents folded, stop words dropped, English words
 * reduced to their Porter stem (so "strikes" and "striking" meet), numbers kept as they are
 * (casualty counts and dates tell stories apart).
 */
export function terms(text: string): string[] {
  return analyze(text).map((t) => t.term);
}

/**
 * Like terms(), and says which were names. A headline in Title Case capitalises every word, so
 * names are only told apart in text where most words are in lower case.
 */
export function analyze(text: string): Term[] {
  const spans = tokenSpans(text);
  const count = spans.length / 2;
  let long = 0;
  let capitalisedLong = 0;
  for (let k = 0; k < count; k++) {
    const from = spans[2 * k]!;
    if (spans[2 * k + 1]! - from <= 3) continue;
    long++;
    if (startsCapitalised(text, from)) capitalisedLong++;
  }
  const titleCase = long > 2 && capitalisedLong > long * 0.6;
  const out: Term[] = [];
  for (let k = 0; k < count; k++) {
    const from = spans[2 * k]!;
    const token = fold(text.slice(from, spans[2 * k + 1]));
    if (stopWords.has(token)) continue;
    if (token.length < 2 && !/\d/.test(token)) continue;
    // The Porter stemmer only knows English; other scripts are kept whole.
    const term = latinWord.test(token) ? stem(token) : token;
    if (term.length === 0 || stopWords.has(term)) continue;
    const name = !titleCase && from > 0 && startsCapitalised(text, from) && !sentenceBefore(text, spans, k);
    out.push({ term, name });
  }
  return out;
}

/** Whether the token at `from` starts with a capital letter. */
function startsCapitalised(text: string, from: number): boolean {
  const code = text.charCodeAt(from);
  if (code < 128) return code >= 65 && code <= 90;
  capitalAt.lastIndex = from;
  return capitalAt.test(text);
}

/** Whether a sentence ends between token `k` and the one before it (or the text's start). */
function sentenceBefore(text: string, spans: readonly number[], k: number): boolean {
  const between = text.slice(k > 0 ? spans[2 * k - 1]! : 0, spans[2 * k]!);
  return between !== ' ' && sentenceBreak.test(between);
}

/**
 * Where each token of a text starts and ends, as [start, end, start, end, …]: the matches of
 * `tokenPattern`, read off by character codes when the text is ASCII (most news text), where a
 * token is [A-Za-z0-9]+ with inner apostrophes.
 */
function tokenSpans(text: string): number[] {
  const spans: number[] = [];
  if (!ascii.test(text)) {
    for (const match of text.matchAll(tokenPattern)) spans.push(match.index, match.index + match[0].length);
    return spans;
  }
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlphanumeric(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    while (i < text.length) {
      if (isAsciiAlphanumeric(text.charCodeAt(i))) i++;
      else if (text.charCodeAt(i) === 39 && isAsciiAlphanumeric(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    spans.push(from, i);
  }
  return spans;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}
