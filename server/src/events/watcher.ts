import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { EventCatalog } from './catalog.js';

/**
 * Keeps this node's catalog in step with events another node (or a restart) saved: every
 * `intervalMs` it asks the store for the console events' signature (a count and a sum of
 * revisions, one small query) and, when it moved, reads them again. Works the same on one node with
 * SQLite and on many with PostgreSQL, with or without Redis.
 */
export class EventWatcher {
  #timer: NodeJS.Timeout | undefined;
  #seen: string | undefined;
  #checking: Promise<void> | undefined;

  constructor(
    private readonly deps: { store: Store; events: EventCatalog; logger: Logger; intervalMs: number },
  ) {}

  async start(): Promise<void> {
    await this.remember();
    this.#timer = setInterval(() => {
      this.#checking ??= this.check().finally(() => (this.#checking = undefined));
    }, this.deps.intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#checking;
  }

  /** Takes the console events as the store has them now as read (the catalog was just loaded). */
  async remember(): Promise<void> {
    this.#seen = await this.deps.store.events.signature();
  }

  /** Reads the console events again if any changed since the last look. */
  async check(): Promise<void> {
    const { store, events, logger } = this.deps;
    try {
      const signature = await store.events.signature();
      if (signature === this.#seen) return;
      events.useConsoleEvents(await store.events.list());
      this.#seen = signature;
      logger.info({ signature }, 'events changed in the store; reloaded');
    } catch (error) {
      // The store is away for a moment: the next look tries again.
      logger.warn({ err: error }, 'could not check the events for changes');
    }
  }
}
