import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { createTestDatabase, type TestDatabase } from '../integration/databases.js';
import { startNode, type Node } from './nodes.js';

export const redisUrl = process.env.DAYLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TwoNodes {
  nodeA: Node;
  nodeB: Node;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Two server processes on one fresh PostgreSQL database and one Redis stream of their own (so
 * parallel runs on the same Redis never hear each other), as docs/scaling.md runs them.
 */
export async function startTwoNodes(options: { token: string; nodeRedisUrl?: string }): Promise<TwoNodes> {
  const database = await createTestDatabase();
  const stream = `dayline-test-${randomBytes(6).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: options.nodeRedisUrl ?? redisUrl,
    DAYLINE_REDIS_STREAM: stream,
    DAYLINE_INGEST_TOKEN: options.token,
  };
  const nodeA = await startNode(env);
  const nodeB = await startNode(env);
  return {
    nodeA,
    nodeB,
    database,
    async stop() {
      await nodeA.kill();
      await nodeB.kill();
      await database.drop();
      const redis = await createClient({ url: redisUrl }).connect();
      await redis.del(stream);
      await redis.quit();
    },
  };
}
