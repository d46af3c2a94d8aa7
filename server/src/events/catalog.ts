import path from 'node:path';
import { eventDay, type Event, type EventOrigin, type Topic } from '@dayline/shared';
import type { EventConfig } from './event-config.js';
import type { StoredEvent } from './event-store.js';
import { keepDemoStart } from '../demo/start.js';
import { AppError } from '../errors.js';
import { TopicTagger } from '../topics/tagger.js';
import type { Store } from '../store/store.js';

/** An event with what serving it needs: from the config file, or defined in the console. */
export interface EventRuntime {
  config: EventConfig;
  /** `file`: read-only here (dayline.yaml, or the built-in demo); `console`: stored, edited live. */
  origin: EventOrigin;
  /** The stored revision of a console event (0 for file events). */
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Topics removed from the event (in the console, or from the config file), with their last label. */
  retiredTopics: readonly Topic[];
  /** What GET /api/events shows: no keyword rules, no sources. */
  public: Event;
  tagger: TopicTagger;
  topicIds: ReadonlySet<string>;
  /** Topics whose `categories` list one of these feed categories (whole category, any case). */
  topicsForCategories(categories: readonly string[]): string[];
}

function runtimeOf(
  config: EventConfig,
  meta: Pick<EventRuntime, 'origin' | 'revision' | 'updatedAt' | 'updatedBy' | 'retiredTopics'>,
): EventRuntime {
  return {
    config,
    ...meta,
    public: {
      slug: config.slug,
      title: config.title,
      standfirst: config.standfirst,
      startDate: config.startDate,
      timeZone: config.timeZone,
      closed: config.closed,
      topics: config.topics.map(({ id, label, color }) => ({ id, label, color })),
      retiredTopics: [...meta.retiredTopics],
    },
    tagger: new TopicTagger(config.topics),
    topicIds: new Set(config.topics.map((t) => t.id)),
    topicsForCategories: (categories: readonly string[]) => {
      const wanted = new Set(categories.map((c) => c.trim().toLowerCase()));
      return config.topics
        .filter((t) => t.categories.some((c) => wanted.has(c.toLowerCase())))
        .map((t) => t.id);
    },
  };
}

/**
 * The one owner of "the events" of this process: the config file's, fixed at start, and the
 * console's, replaced as they are saved here or noticed in the store (events/watcher.ts). Everyone
 * asks it at the moment they need an event, so a change is live at once, with no restart.
 */
export class EventCatalog {
  #fromFile: Map<string, EventRuntime>;
  /** Replaced whole on every change, so a reader of `list()` never sees half of one. */
  #bySlug: Map<string, EventRuntime>;
  readonly #configPath: string | undefined;
  readonly #listeners: ((event: EventRuntime) => void)[] = [];

  constructor(fileEvents: readonly EventConfig[], options: { configPath?: string | undefined } = {}) {
    this.#configPath = options.configPath;
    this.#fromFile = new Map(
      fileEvents.map((config) => [
        config.slug,
        runtimeOf(config, {
          origin: 'file',
          revision: 0,
          updatedAt: null,
          updatedBy: null,
          retiredTopics: [],
        }),
      ]),
    );
    this.#bySlug = new Map(this.#fromFile);
  }

  /** Takes in the config file's events' retired topics, as the store kept them (syncEventClocks). */
  useFileRetiredTopics(retired: ReadonlyMap<string, readonly Topic[]>): void {
    const fromFile = new Map(this.#fromFile);
    for (const [slug, event] of this.#fromFile) {
      const topics = retired.get(slug);
      const { origin, revision, updatedAt, updatedBy } = event;
      if (topics)
        fromFile.set(
          slug,
          runtimeOf(event.config, { origin, revision, updatedAt, updatedBy, retiredTopics: topics }),
        );
    }
    this.#fromFile = fromFile;
    this.#bySlug = new Map([...this.#bySlug, ...fromFile]);
  }

  /**
   * Takes in the console events as the store holds them. Never goes back: a list read before this
   * process saved a newer revision (or a new event) leaves that one as it is. A slug of the file
   * stays the file's.
   */
  useConsoleEvents(stored: readonly StoredEvent[]): void {
    const next = new Map(this.#bySlug);
    const changed: EventRuntime[] = [];
    for (const event of stored) {
      const held = next.get(event.definition.slug);
      if (this.#fromFile.has(event.definition.slug) || (held && held.revision >= event.revision)) continue;
      const runtime = consoleRuntime(event);
      next.set(event.definition.slug, runtime);
      changed.push(runtime);
    }
    this.#bySlug = next;
    for (const event of changed) for (const listener of this.#listeners) listener(event);
  }

  /** Calls `listener` with each console event created or changed from now on (the live hub's use). */
  onChange(listener: (event: EventRuntime) => void): void {
    this.#listeners.push(listener);
  }

  /** One console event just saved (or found newer in the store) by this process. */
  put(stored: StoredEvent): EventRuntime {
    this.useConsoleEvents([stored]);
    return this.#bySlug.get(stored.definition.slug) as EventRuntime;
  }

  /** Why the console cannot change this event (null: it can). */
  readOnlyReason(event: EventRuntime): string | null {
    if (event.origin === 'console') return null;
    return this.#configPath
      ? `Defined in ${path.basename(this.#configPath)}: change it there and restart the server`
      : 'The built-in demo event (there is no dayline.yaml): declare your events in dayline.yaml, or create them here';
  }

  /** A 409 `event_closed` for a write to an event that is closed (read-only). */
  requireOpen(slug: string): void {
    if (this.#bySlug.get(slug)?.config.closed) {
      throw new AppError('event_closed', `Event "${slug}" is closed: its updates are read-only`);
    }
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

function consoleRuntime({
  definition,
  revision,
  updatedAt,
  updatedBy,
  retiredTopics,
}: StoredEvent): EventRuntime {
  return runtimeOf(
    { ...definition, sources: [] },
    { origin: 'console', revision, updatedAt, updatedBy, retiredTopics },
  );
}

/**
 * The events of a process that serves or writes: the config file's, with their clocks recorded in
 * the store, and the console's, read from it. Servers, `npm run import` and `npm run retag` alike.
 */
export async function loadEventCatalog(
  store: Store,
  config: {
    events: readonly EventConfig[];
    configPath?: string | undefined;
    builtInEvent?: boolean | undefined;
  },
  now: Date = new Date(),
): Promise<EventCatalog> {
  const configured = config.builtInEvent ? await keepDemoStart(store, config.events, now) : config.events;
  const events = new EventCatalog(configured, { configPath: config.configPath });
  await syncEventClocks(store, events);
  events.useConsoleEvents(await store.events.list());
  return events;
}

/**
 * Tells the store each configured event's clock (start date and zone) and topics, so it keeps stored
 * day numbers right, counts each event's cursors and remembers a topic the file dropped as retired
 * (with its last label); the catalog takes those in. Every process that writes does this first.
 */
export async function syncEventClocks(store: Store, events: EventCatalog): Promise<void> {
  const retired = await store.syncEvents(
    events
      .list()
      .filter((e) => e.origin === 'file')
      .map(({ config: e }) => ({
        slug: e.slug,
        startDate: e.startDate,
        timeZone: e.timeZone,
        topics: e.topics,
      })),
    (publishedAt, event) => eventDay(publishedAt, event),
  );
  events.useFileRetiredTopics(retired);
}
