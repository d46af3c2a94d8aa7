import type { UpdateInput } from '@dayline/shared';
import type { UpdateService } from '../updates/service.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { demoUpdates } from './updates.js';

/** Loads the demo updates once, into an event that has none yet. */
export async function seedDemo(deps: {
  event: string;
  store: Store;
  updates: UpdateService;
  logger: Logger;
}): Promise<void> {
  if ((await deps.store.countUpdates(deps.event)) > 0) return;
  const items = demoUpdates.map((update, index): UpdateInput => ({
    ...update,
    topics: [...update.topics],
    externalId: `demo-${index + 1}`,
  }));
  const results = await deps.updates.ingestBatch(deps.event, items);
  const rejected = results.filter((r) => r.status === 'rejected');
  if (rejected.length) deps.logger.warn({ rejected }, 'some demo updates were rejected');
  deps.logger.info({ event: deps.event, count: results.length - rejected.length }, 'demo updates loaded');
}
