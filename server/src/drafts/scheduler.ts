import type { Logger } from '../logger.js';
import type { DraftService } from './service.js';

/** How often each node looks for scheduled posts that are due. */
export const defaultSchedulerPollMs = 2_000;

/**
 * Publishes scheduled posts when they are due. Each node runs one, from its start (so a post whose
 * time came while the server was down goes out as it comes back); the claim in the drafts table
 * makes sure that of several nodes one publishes each post, once.
 */
export class DraftScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly deps: { drafts: DraftService; logger: Logger; pollMs: number }) {}

  start(): void {
    if (this.#timer) return;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), this.deps.pollMs).unref();
  }

  /** Stops polling; a publish in hand finishes first. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One look for due posts now (tests, and every tick); resolves when it is done. */
  async runDue(): Promise<number> {
    return this.deps.drafts.publishDue();
  }

  #tick(): void {
    if (this.#running) return;
    this.#running = this.runDue()
      .then(
        () => undefined,
        (error: unknown) => this.deps.logger.error({ err: error }, 'draft scheduler failed'),
      )
      .finally(() => (this.#running = undefined));
  }
}
