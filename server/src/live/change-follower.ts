import type { ChangeKind, Update } from '@dayline/shared';
import type { Logger } from '../logger.js';
import type { LoggedChange, Store } from '../store/store.js';
import { backgroundSlices } from '../time-slices.js';

/** How often a server looks in the change log for what other processes committed. */
export const followIntervalMs = 300;
/** Changes read per look; a long import is delivered in several. */
const batchSize = 500;
/**
 * Updates loaded and delivered in one slice; each slice then waits for its turn with the thread's
 * other background work (time-slices.ts), so readers are answered meanwhile. During a 20,000-update
 * import (bench/ingest.mjs) a slice of 10 took 0.6 ms to load and 0.2 ms to deliver on average,
 * 9 ms at worst; slices of 50 put a first-page read's p99 at 27–41 ms, slices of 10 at 18–29 ms
 * (the rest of that tail is garbage collection).
 */
const sliceSize = 10;

/**
 * Follows the change log and delivers to this node's readers the changes other processes committed:
 * `npm run import` and `npm run retag`, or another server node when there is no Redis between them.
 * This node's own commits go out at once from the commit (the live hub), and with Redis another
 * node's come through the adapter, so both are left out here: the origin recorded with each change
 * says whose it is, and the log's seq is where a look starts, so nothing is delivered twice or skipped.
 */
export class ChangeFollower {
  #last = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #looking: Promise<unknown> = Promise.resolve();
  /** Updates created in a look that left them out for a later change of theirs: still new to readers. */
  readonly #unseenNew = new Set<string>();

  constructor(
    private readonly deps: {
      store: Store;
      /** Delivers one change to this node's own readers. */
      deliver(kind: ChangeKind, update: Update): void;
      /** Server nodes share Redis: their changes reach every node through the adapter. */
      scaledOut: boolean;
      logger: Logger;
      intervalMs?: number;
    },
  ) {}

  /** Starts from the log's newest change: what came before is in every reader's first view. */
  async start(): Promise<void> {
    const last = await this.deps.store.lastChangeSeq();
    // Stopped while it looked (a server closed as soon as it started): it never begins.
    if (this.#stopped) return;
    this.#last = last;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#looking;
  }

  /** Delivers what other processes committed since the last look; returns how many changes. */
  async follow(): Promise<number> {
    const { store } = this.deps;
    let delivered = 0;
    for (;;) {
      const changes = await store.changesAfterSeq(this.#last, batchSize);
      const last = changes.at(-1);
      if (!last) return delivered;
      this.#last = last.seq;
      delivered += await this.#deliver(changes.filter((c) => this.#isForeign(c)));
      if (changes.length < batchSize) return delivered;
    }
  }

  #isForeign(change: LoggedChange): boolean {
    const { origin } = change;
    if (origin === null || origin === this.deps.store.origin) return false;
    return !(this.deps.scaledOut && origin.startsWith('node:'));
  }

  /** Each update once, in its latest state, if that state is one of these changes; in log order. */
  async #deliver(changes: readonly LoggedChange[]): Promise<number> {
    const latest = new Map<string, LoggedChange>();
    for (const change of changes) {
      if (change.kind === 'new') this.#unseenNew.add(change.updateId);
      latest.delete(change.updateId);
      latest.set(change.updateId, change);
    }
    const ordered = [...latest.values()];
    let delivered = 0;
    for (let i = 0; i < ordered.length; i += sliceSize) {
      const slice = ordered.slice(i, i + sliceSize);
      const updates = new Map(
        (await this.deps.store.getUpdates(slice.map((c) => c.updateId))).map((u) => [u.id, u]),
      );
      for (const change of slice) {
        const update = updates.get(change.updateId);
        // Changed again since: that later change delivers it (or this node already did).
        if (!update || update.cursor !== change.cursor) continue;
        const isNew = this.#unseenNew.delete(update.id);
        const kind: ChangeKind = update.status === 'retracted' ? 'retracted' : isNew ? 'new' : 'changed';
        this.deps.deliver(kind, update);
        delivered += 1;
      }
      await backgroundSlices.next();
    }
    return delivered;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#looking = this.follow()
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'following the change log failed'))
        .finally(() => this.#schedule());
    }, this.deps.intervalMs ?? followIntervalMs);
    this.#timer.unref();
  }
}
