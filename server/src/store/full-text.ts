import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Database } from './tables.js';

/** The words of a search; nothing a reader types is read as query syntax. */
export const searchWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** A word or an index term as an FTS5 string, which FTS5 never reads as syntax. */
export const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** Every word must appear, the last one as a prefix so results follow typing. */
export function fts5Query(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((word, i) => `${phrase(word)}${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The same search as a PostgreSQL tsquery. */
export function tsQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((word, i) => `${word.toLowerCase()}${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/**
 * SQLite: `table`'s update matches an FTS5 query (the index is keyed by created_cursor); `rowids`
 * may narrow the index's rows further.
 */
export const inFullText = (query: string, table = 'updates', rowids = sql``) =>
  sql<SqlBool>`${sql.ref(`${table}.created_cursor`)} in (select rowid from updates_fts where updates_fts match ${query}${rowids})`;

/** Full-text match on title and summary: SQLite FTS5, or PostgreSQL's text search. */
export function matchText(db: Kysely<Database>, text: string) {
  return (_eb: ExpressionBuilder<Database, 'updates'>): Expression<SqlBool> => {
    const query = isPostgres(db) ? tsQuery(text) : fts5Query(text);
    if (!query) return sql<SqlBool>`1 = 0`;
    if (isPostgres(db)) {
      // The same expression as the GIN index, so the index serves it.
      return sql<SqlBool>`to_tsvector('simple', updates.title || ' ' || updates.summary) @@ to_tsquery('simple', ${query})`;
    }
    return inFullText(query);
  };
}
