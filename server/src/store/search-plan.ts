import { sql, type Kysely } from 'kysely';
import { fts5Query, phrase, searchWords } from './full-text.js';
import type { Database } from './tables.js';

/**
 * How a SQLite timeline page with a search finds its rows; every plan gives the same rows.
 * - `drive`: from the full-text matches, looking each one up (about 3 µs a match at 1M updates),
 *   then sorting: for few matches.
 * - `window`: the first `candidates` updates along the timeline that the other filters keep,
 *   checked against the matches among their created cursors: for common words, whose page is near.
 * - `materialise`: every match into a set, then along the timeline (whose index carries
 *   created_cursor, so a step reads no row) until the page is full: the rest.
 * The counts of `/days` always take every match, so they keep `matchText`.
 */
export type SearchPlan =
  { kind: 'drive' | 'materialise'; query: string } | { kind: 'window'; query: string; candidates: number };

/** Where one plan gives way to another; measured at 1M updates (docs/benchmarks.md). */
export interface SearchTuning {
  /** Fewer matches than this: drive. Also how many of the newest matches the estimate counts. */
  driveBelow: number;
  /** Candidates for the window: this many times the page's rows, over the matches' share. */
  windowMargin: number;
  /** A window candidate costs about as much as materialising this many matches. */
  candidateCost: number;
  /** A longer last word with more terms than this is searched as a prefix (merged by FTS5). */
  maxPrefixTerms: number;
}

export const defaultSearchTuning: SearchTuning = {
  driveBelow: 1000,
  windowMargin: 4,
  candidateCost: 10,
  maxPrefixTerms: 16,
};

/** Prefixes up to this many characters have an index of their own (migration 008). */
const indexedPrefix = 3;

/** The plan for `take` rows matching `text`; undefined when `text` has no words. */
export async function chooseSearchPlan(
  db: Kysely<Database>,
  text: string,
  take: number,
  tuning = defaultSearchTuning,
): Promise<SearchPlan | undefined> {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  const query = await steppedQuery(db, words, tuning.maxPrefixTerms);
  // Without a query FTS5 can step through, estimating would cost as much as materialising.
  if (query === undefined) return { kind: 'materialise', query: fts5Query(text) as string };
  const { matches, oldest, newest } = await newestMatches(db, query, tuning.driveBelow);
  if (matches < tuning.driveBelow) return { kind: 'drive', query };
  // The newest matches' share of the created cursors they spread over stands for their share
  // along the timeline, and of all updates.
  const share = matches / (newest - oldest + 1);
  const candidates = Math.ceil((tuning.windowMargin * take) / share);
  return candidates * tuning.candidateCost <= share * newest
    ? { kind: 'window', query, candidates }
    : { kind: 'materialise', query };
}

/**
 * The search as an FTS5 query that FTS5 reads lazily, from the newest match or from any rowid; or
 * undefined. A word is one list in the index, and so is a prefix of up to three characters; for a
 * longer one FTS5 first merges the lists of every term it begins, whatever rowids are asked for
 * (50 ms for a word in 90 % of 1M updates), so the last word becomes its terms, OR-ed.
 */
async function steppedQuery(db: Kysely<Database>, words: string[], maxTerms: number) {
  const last = words.at(-1) as string;
  const prefix =
    [...last].length <= indexedPrefix ? `${phrase(last)}*` : await spelledOut(db, last, maxTerms);
  return prefix === undefined ? undefined : [...words.slice(0, -1).map(phrase), prefix].join(' AND ');
}

/**
 * The index's terms that begin with `word`, OR-ed, if there are at most `maxTerms`. ASCII words
 * only: unicode61 makes those their lower case. Other letters it folds by its own tables (case,
 * diacritics), and a wrong guess here would change the results.
 */
async function spelledOut(db: Kysely<Database>, word: string, maxTerms: number) {
  if (!/^[A-Za-z0-9]+$/.test(word)) return undefined;
  const prefix = word.toLowerCase();
  const terms: string[] = [];
  for (let from = prefix; ;) {
    const term = await firstTermFrom(db, from);
    if (term === undefined || !term.startsWith(prefix)) break;
    if (terms.push(term) > maxTerms) return undefined;
    // The least string after `term`: terms hold no control characters.
    from = `${term}\u0001`;
  }
  // None: the prefix query matches nothing, and FTS5 has nothing to merge.
  return terms.length === 0 ? `${phrase(prefix)}*` : `(${terms.map(phrase).join(' OR ')})`;
}

async function firstTermFrom(db: Kysely<Database>, from: string): Promise<string | undefined> {
  const first = sql<{ term: string }>`select term from updates_fts_terms where term >= ${from} limit 1`;
  return (await first.execute(db)).rows[0]?.term;
}

/** How many of the newest `count` matches there are, the oldest of them, and the newest update. */
async function newestMatches(db: Kysely<Database>, query: string, count: number) {
  const newest = sql<{ matches: number; oldest: number | null; newest: number | null }>`
    select count(*) as matches, min(rowid) as oldest, (select max(created_cursor) from updates) as newest
    from (select rowid from updates_fts where updates_fts match ${query} order by rowid desc limit ${count})`;
  const row = (await newest.execute(db)).rows[0];
  return { matches: Number(row?.matches ?? 0), oldest: Number(row?.oldest), newest: Number(row?.newest) };
}
