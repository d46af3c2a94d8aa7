import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Database } from './tables.js';

/** The words of a search; nothing a reader types is read as query syntax. */
const searchWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every word must appear, the last one as a prefix so results follow typing. */
export function fts5Query(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The same search as a PostgreSQL tsquery. */
export function tsQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((word, i) => `${word.toLowerCase()}${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Full-text match on title and summary: SQLite FTS5, or PostgreSQL's text search. */
export function matchText(db: Kysely<Database>, text: string) {
  return (_eb: ExpressionBuilder<Database, 'updates'>): Expression<SqlBool> => {
    const query = isPostgres(db) ? tsQuery(text) : fts5Query(text);
    if (!query) return sql<SqlBool>`1 = 0`;
    if (isPostgres(db)) {
      // The same expression as the GIN index, so the index serves it.
      return sql<SqlBool>`to_tsvector('simple', updates.title || ' ' || updates.summary) @@ to_tsquery('simple', ${query})`;
    }
    return sql<SqlBool>`updates.created_cursor in (select rowid from updates_fts where updates_fts match ${query})`;
  };
}
