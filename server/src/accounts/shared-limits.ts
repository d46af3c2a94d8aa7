import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import type { LimitStores } from './sessions.js';

/**
 * The counts of failed sign-ins in Redis, shared by every node (rate-limit-redis). A connection of
 * its own that fails fast while Redis is away (no offline queue), so a sign-in never waits for it.
 */
export async function redisLimitStores(
  url: string,
  prefix: string,
  logger: Logger,
): Promise<{ stores: LimitStores; close(): Promise<void> }> {
  const client = createClient({ url, disableOfflineQueue: true });
  let healthy = true;
  client.on('error', (error: unknown) => {
    if (healthy)
      logger.error(
        { err: error },
        'Redis for sign-in limits lost; each node limits sign-ins on its own until it is back',
      );
    healthy = false;
  });
  client.on('ready', () => {
    healthy = true;
  });
  await client.connect();
  const store = (kind: 'name' | 'address') =>
    new RedisStore({
      sendCommand: (...args: string[]) => client.sendCommand(args),
      prefix: `${prefix}:sign-in:${kind}:`,
    });
  const stores = { name: store('name'), address: store('address') };
  return {
    stores: (kind) => stores[kind],
    async close() {
      await client.quit().catch(() => client.destroy());
    },
  };
}
