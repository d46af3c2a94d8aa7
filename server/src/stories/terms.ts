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
const capitalised = /^\p{Lu}/u;
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
  const out: Term[] = [];
  const matches = [...text.matchAll(tokenPattern)];
  const long = matches.filter((m) => m[0].length > 3);
  const titleCase = long.length > 2 && long.filter((m) => capitalised.test(m[0])).length > long.length * 0.6;
  let end = 0;
  for (const match of matches) {
    const between = text.slice(end, match.index);
    end = match.index + match[0].length;
    const token = fold(match[0]);
    if (stopWords.has(token)) continue;
    if (token.length < 2 && !/\d/.test(token)) continue;
    // The Porter stemmer only knows English; other scripts are kept whole.
    const term = latinWord.test(token) ? stem(token) : token;
    if (term.length === 0 || stopWords.has(term)) continue;
    const name =
      !titleCase &&
      match.index > 0 &&
      capitalised.test(match[0]) &&
      (between === ' ' || !sentenceBreak.test(between));
    out.push({ term, name });
  }
  return out;
}
