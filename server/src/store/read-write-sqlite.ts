import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from 'kysely';

/**
 * Two connections to one SQLite file in WAL mode: one that writes, one that only reads. Kysely's own
 * SQLite driver has a single connection behind a lock, so a reader waits for a whole write
 * transaction, and a 500-update batch held every reader for its ~150 ms. Here a read outside a
 * transaction runs on the reading connection at once and sees the last committed state (WAL
 * readers never wait for the writer), while transactions and other writes take turns on the
 * writing connection. A transaction that yields to the event loop between its statements therefore
 * lets readers in.
 *
 * Every write must go through this one writing connection: a second writer in the same thread
 * would wait on SQLite's busy timeout, synchronously, for a lock its own thread holds.
 *
 * Another process may hold the write lock (`npm run import` commits 1,000 lines at a time, about
 * 200 ms). SQLite's busy timeout waits for it by sleeping the thread, which here is the event loop:
 * every reader would wait with the write. So the writing connection gets no busy timeout, and a
 * write that finds the lock taken tries again on a timer (`runWhenUnlocked`).
 */
export class ReadWriteSqliteDialect extends SqliteDialect {
  readonly #connections: { read: SqliteDatabase; write: SqliteDatabase; turns: WriteTurns };

  constructor(connections: { read: SqliteDatabase; write: SqliteDatabase; turns: WriteTurns }) {
    super({ database: connections.write });
    run(connections.write, CompiledQuery.raw('pragma busy_timeout = 0'));
    this.#connections = connections;
  }

  override createDriver(): Driver {
    return new ReadWriteSqliteDriver(this.#connections);
  }
}

/** Run one statement and shape its result as Kysely expects (as Kysely's SqliteConnection does). */
function run(db: SqliteDatabase, { sql, parameters }: CompiledQuery): QueryResult<unknown> {
  const statement = db.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as unknown[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
    insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}

/** How long a write waits for another process's lock before it fails, as busy_timeout elsewhere. */
export const lockWaitMs = 5000;

const isBusy = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * Runs a statement that takes the write lock, waiting on timers while another process holds it
 * (the event loop goes on meanwhile): tried again after 1, 2, 4, 8, then every 16 ms, for up to
 * `lockWaitMs`; then SQLite's SQLITE_BUSY error is thrown as it would have been.
 */
async function runWhenUnlocked(db: SqliteDatabase, query: CompiledQuery): Promise<QueryResult<unknown>> {
  const deadline = performance.now() + lockWaitMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, 16)) {
    try {
      return run(db, query);
    } catch (error) {
      if (!isBusy(error) || performance.now() + delay > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** A statement that only reads (anything else, a CTE or a pragma included, goes to the writer). */
const readsOnly = (sql: string) => /^\s*select\b/i.test(sql);

/** The process's writes to one SQLite file, one at a time (connections of this thread or a worker's). */
export class WriteTurns {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn; the caller then calls the returned function when done. */
  take(): Promise<() => void> {
    let done!: () => void;
    const turn = new Promise<void>((resolve) => (done = resolve));
    const ready = this.#tail.then(() => done);
    this.#tail = this.#tail.then(() => turn);
    return ready;
  }

  /** Runs `write` in its turn. */
  async run<T>(write: () => Promise<T>): Promise<T> {
    const done = await this.take();
    try {
      return await write();
    } finally {
      done();
    }
  }
}

class ReadWriteSqliteDriver implements Driver {
  readonly #read: SqliteDatabase;
  readonly #write: SqliteDatabase;
  readonly #writes: WriteTurns;

  constructor({ read, write, turns }: { read: SqliteDatabase; write: SqliteDatabase; turns: WriteTurns }) {
    this.#read = read;
    this.#write = write;
    this.#writes = turns;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.#read, this.#write, this.#writes);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#read.close();
    this.#write.close();
  }
}

/** One use of the database: a single statement, or a transaction from begin to commit. */
class RoutedConnection implements DatabaseConnection {
  /** Set from `begin` until `end`: this connection holds the writing connection's turn. */
  #done: (() => void) | undefined;

  constructor(
    private readonly read: SqliteDatabase,
    private readonly write: SqliteDatabase,
    private readonly writes: WriteTurns,
  ) {}

  async begin(): Promise<void> {
    this.#done = await this.writes.take();
    try {
      // IMMEDIATE takes the write lock now (waiting while another process holds it), so a
      // transaction that reads before it writes never fails on a snapshot another process moved.
      await runWhenUnlocked(this.write, CompiledQuery.raw('begin immediate'));
    } catch (error) {
      this.#release();
      throw error;
    }
  }

  end(command: 'commit' | 'rollback'): void {
    try {
      run(this.write, CompiledQuery.raw(command));
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#done) return run(this.write, query) as QueryResult<R>;
    if (readsOnly(query.sql)) return run(this.read, query) as QueryResult<R>;
    const done = await this.writes.take();
    try {
      return (await runWhenUnlocked(this.write, query)) as QueryResult<R>;
    } finally {
      done();
    }
  }

  // eslint-disable-next-line require-yield -- the store never streams
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not used by the store');
  }
}
