import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import type { LiveServer } from './hub.js';

/**
 * Shares socket.io rooms across server processes through a Redis stream, so an update accepted by
 * one node reaches readers connected to any node. The streams adapter (rather than the pub/sub one)
 * resumes from its last stream offset after a short Redis disconnect instead of dropping what was
 * published meanwhile; catch-up from the store covers anything longer. See docs/scaling.md.
 */
export async function useRedisAdapter(
  io: LiveServer,
  { url, streamName }: { url: string; streamName: string },
  logger: Logger,
): Promise<{ close(): Promise<void>; ready(): boolean }> {
  const client = createClient({ url });
  let healthy = true;
  client.on('error', (error: unknown) => {
    // The client reconnects by itself; log the first error of each outage, not every retry.
    if (healthy) logger.error({ err: error }, 'Redis connection lost; retrying');
    healthy = false;
  });
  client.on('ready', () => {
    if (!healthy) logger.info('Redis connection restored');
    healthy = true;
  });
  await client.connect();
  io.adapter(createAdapter(client, { streamName }));
  return {
    ready: () => client.isReady,
    async close() {
      await client.quit().catch(() => client.destroy());
    },
  };
}
