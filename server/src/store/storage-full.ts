import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { AppError } from '../errors.js';

/** The answer to a write that found no room: nothing of it was stored, so it can be sent again. */
export const storageFull = () =>
  new AppError(
    'storage_full',
    'The database is out of space; nothing of this write was stored. Send it again once space is freed',
  );

const isFull = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_FULL';

function translate<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw isFull(error) ? storageFull() : error;
  }
}

/**
 * The SQLite database as Kysely sees it, with a full disk (or a reached `max_page_count`) turned
 * into AppError `storage_full`, the one place that rule lives. SQLite rolls back the statement,
 * and may roll back the whole transaction on its own, so a ROLLBACK that finds no transaction is
 * skipped: otherwise its "no transaction is active" error would hide the real one.
 */
export function translateStorageFull(
  db: SqliteDatabase & { readonly inTransaction: boolean },
): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      if (/^\s*rollback\s*$/i.test(sql) && !db.inTransaction) {
        return {
          reader: false,
          all: () => [],
          run: () => ({ changes: 0, lastInsertRowid: 0 }),
          iterate: () => [][Symbol.iterator](),
        };
      }
      const statement = translate(() => db.prepare(sql));
      return {
        reader: statement.reader,
        all: (parameters) => translate(() => statement.all(parameters)),
        run: (parameters) => translate(() => statement.run(parameters)),
        iterate: (parameters) => translate(() => statement.iterate(parameters)),
      };
    },
  };
}
