import { eventDay, type Event } from '@dayline/shared';
import type { EventConfig } from './event-config.js';
import { AppError } from '../errors.js';
import { TopicTagger } from '../topics/tagger.js';
import type { Store } from '../store/store.js';

/** A configured event with what serving it needs, built once at start. */
export interface EventRuntime {
  config: EventConfig;
  /** What GET /api/events shows: no keyword rules, no sources. */
  public: Event;
  tagger: TopicTagger;
  topicIds: ReadonlySet<string>;
  /** Topics whose `categories` list one of these feed categories (whole category, any case). */
  topicsForCategories(categories: readonly string[]): string[];
}

/** The configured events by slug. */
export class EventCatalog {
  readonly #bySlug: Map<string, EventRuntime>;

  constructor(events: readonly EventConfig[]) {
    this.#bySlug = new Map(
      events.map((config) => [
        config.slug,
        {
          config,
          public: {
            slug: config.slug,
            title: config.title,
            startDate: config.startDate,
            timeZone: config.timeZone,
            topics: config.topics.map(({ id, label, color }) => ({ id, label, color })),
          },
          tagger: new TopicTagger(config.topics),
          topicIds: new Set(config.topics.map((t) => t.id)),
          topicsForCategories: (categories: readonly string[]) => {
            const wanted = new Set(categories.map((c) => c.trim().toLowerCase()));
            return config.topics
              .filter((t) => t.categories.some((c) => wanted.has(c.toLowerCase())))
              .map((t) => t.id);
          },
        },
      ]),
    );
  }

  list(): EventRuntime[] {
    return [...this.#bySlug.values()];
  }

  /** The event, or undefined (for updates whose event left the config). */
  find(slug: string): EventRuntime | undefined {
    return this.#bySlug.get(slug);
  }

  /** The event, or a 404 naming it. */
  get(slug: string): EventRuntime {
    const event = this.#bySlug.get(slug);
    if (!event) throw AppError.notFound(`Event "${slug}"`);
    return event;
  }

  /** A 400 naming the first topic the event does not have. */
  checkTopics(event: EventRuntime, topics: readonly string[] | undefined, field = 'topics'): void {
    const index = topics?.findIndex((t) => !event.topicIds.has(t)) ?? -1;
    if (index >= 0 && topics) {
      const path = `${field}.${index}`;
      throw new AppError('invalid_input', `Invalid input: ${path}`, {
        issues: [{ path, message: `Unknown topic "${topics[index]}" for event "${event.config.slug}"` }],
      });
    }
  }
}

/**
 * Tells the store each configured event's clock (start date and zone), so it keeps stored day
 * numbers right and counts each event's cursors. Every process that writes does this first.
 */
export async function syncEventClocks(store: Store, events: EventCatalog): Promise<void> {
  await store.syncEvents(
    events.list().map(({ config: e }) => ({ slug: e.slug, startDate: e.startDate, timeZone: e.timeZone })),
    (publishedAt, event) => eventDay(publishedAt, event),
  );
}
