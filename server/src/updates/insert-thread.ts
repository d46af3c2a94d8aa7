import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { insertUpdates } from './insert-updates.js';
import { connectSqlite } from '../store/sqlite-connection.js';
import type { InsertJob, InsertReply } from './update-inserter.js';
import type { Database } from '../store/tables.js';

// The worker side of ThreadInserter: batch inserts on a connection of their own, so the server's
// thread goes on answering readers while SQLite writes, indexes and syncs a batch.
const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: connectSqlite((workerData as { file: string }).file) }),
});
const port = parentPort;
if (!port) throw new Error('insert-thread.ts runs as a worker thread');

port.on('message', async ({ id, updates, origin, audit }: InsertJob) => {
  let reply: InsertReply;
  try {
    reply = {
      id,
      result: await db.transaction().execute((trx) => insertUpdates(trx, updates, origin, audit)),
    };
  } catch (error) {
    const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
    reply = { id, error: { name: name ?? 'Error', message: message ?? String(error), code } };
  }
  port.postMessage(reply);
});
