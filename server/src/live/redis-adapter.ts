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
  { url, streamName, onRestored }: { url: string; streamName: string; onRestored: () => void },
  logger: Logger,
): Promise<{ close(): Promise<void>; ready(): boolean }> {
  // While Redis is away the hub emits to this node's readers only (see LiveHub.publish), and the
  // adapter's commands wait in the client's offline queue rather than failing in a tight loop.
  const client = createClient({ url });
  let healthy = true;
  client.on('error', (error: unknown) => {
    // The client reconnects by itself; log the first error of each outage, not every retry.
    if (healthy) logger.error({ err: error }, 'Redis connection lost; retrying');
    healthy = false;
  });
  client.on('ready', () => {
    if (!healthy) {
      logger.info('Redis connection restored; asking readers to catch up');
      healthy = true;
      onRestored();
    }
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
