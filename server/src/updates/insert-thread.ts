import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { insertUpdates } from './insert-updates.js';
import { ReadWriteSqliteDialect, WriteTurns } from '../store/read-write-sqlite.js';
import { connectSqlite } from '../store/sqlite-connection.js';
import { sendRows, type InsertJob, type InsertReply } from './update-inserter.js';
import type { Database } from '../store/tables.js';

// The worker side of ThreadInserter: batch inserts on a connection of their own, so the server's
// thread goes on answering readers while SQLite writes, indexes and syncs a batch.
// Readers first: when this thread and the server's want the same core, the server's gets it (Linux
// gives each thread its own nice value; 10 is any process's to take).
try {
  setPriority(10);
} catch {
  // Not allowed here (a sandbox without setpriority): the thread runs at the server's priority.
}
// One connection, used as the server's writing connection is: a transaction takes the write lock
// as it begins, and waits on timers while another process (`npm run import`) holds it.
const connection = connectSqlite((workerData as { file: string }).file);
const db = new Kysely<Database>({
  dialect: new ReadWriteSqliteDialect({ read: connection, write: connection, turns: new WriteTurns() }),
});
const port = parentPort;
if (!port) throw new Error('insert-thread.ts runs as a worker thread');

port.on('message', async ({ id, updates, origin, audit }: InsertJob) => {
  let reply: InsertReply;
  try {
    reply = {
      id,
      result: sendRows(
        updates,
        await db.transaction().execute((trx) => insertUpdates(trx, updates, origin, audit)),
      ),
    };
  } catch (error) {
    const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
    reply = { id, error: { name: name ?? 'Error', message: message ?? String(error), code } };
  }
  port.postMessage(reply);
});
