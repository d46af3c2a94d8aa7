import type { Draft } from '@dayline/shared';
import { errorMessage } from '../lib/api.js';
import { listDrafts } from './console-api.js';

/** How often the list is read again anyway, in case a signal from the desk was missed. */
const refreshMs = 30_000;

/**
 * The event's drafts, in review and scheduled posts on the desk (a contributor's own; every one for
 * editors), read again whenever the desk says they changed (`desk:drafts`), after every change made
 * here, and every half minute.
 */
export class DeskDrafts {
  items = $state<Draft[]>([]);
  error = $state('');
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly slug: string) {}

  start(): void {
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), refreshMs);
  }

  async refresh(): Promise<void> {
    try {
      this.items = (await listDrafts(this.slug)).items;
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
