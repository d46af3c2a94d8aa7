import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Database } from './tables.js';

/**
 * A reader's search as an FTS5 query: every word must appear (the last one as a prefix, so results
 * follow typing), and nothing the reader types is read as FTS5 syntax.
 */
export function fts5Query(text: string): string | undefined {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Full-text match on title and summary: SQLite FTS5, or PostgreSQL's text search. */
export function matchText(db: Kysely<Database>, text: string) {
  return (_eb: ExpressionBuilder<Database, 'updates'>): Expression<SqlBool> => {
    if (isPostgres(db)) {
      // The same expression as the GIN index, so the index serves it.
      return sql<SqlBool>`to_tsvector('simple', updates.title || ' ' || updates.summary) @@ websearch_to_tsquery('simple', ${text})`;
    }
    const query = fts5Query(text);
    if (!query) return sql<SqlBool>`1 = 0`;
    return sql<SqlBool>`updates.created_cursor in (select rowid from updates_fts where updates_fts match ${query})`;
  };
}
