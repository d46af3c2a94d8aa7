import { randomUUID } from 'node:crypto';
import type { EventRuntime } from '../events/catalog.js';
import type { FeedStore } from './feed-store.js';

/**
 * Adds the config file's sources to the store, and brings sources that came from the file in step
 * with it (name, interval, topics, enabled). Sources added through the API are left as they are.
 */
export async function syncConfiguredSources(
  sources: FeedStore,
  events: readonly EventRuntime[],
  at: string,
): Promise<void> {
  for (const event of events) {
    for (const configured of event.config.sources) {
      const existing = await sources.findByUrl(event.config.slug, configured.url);
      if (!existing) {
        await sources.create({
          ...configured,
          id: randomUUID(),
          event: event.config.slug,
          fromConfig: true,
          at,
        });
      } else if (
        existing.name !== configured.name ||
        existing.pollSeconds !== configured.pollSeconds ||
        existing.enabled !== configured.enabled ||
        existing.mode !== configured.mode ||
        JSON.stringify(existing.topics) !== JSON.stringify(configured.topics)
      ) {
        await sources.update(existing.id, configured, at);
      }
    }
  }
}
