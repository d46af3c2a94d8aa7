import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { UpdateService } from '../updates/service.js';
import type { Logger } from '../logger.js';
import { simulatorOutlets } from './outlets.js';
import { simulatorLines, type SimulatorLine } from './simulator-lines.js';

export interface SimulatorOptions {
  event: string;
  updates: UpdateService;
  clock: Clock;
  logger: Logger;
  /** Pause between posts, picked anew each time; the demo uses 5–10 s. */
  minDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Posts a new demo update every few seconds through the same commit step as every other writer. */
export class DemoSimulator {
  #timer: NodeJS.Timeout | undefined;
  #next = 0;
  readonly #random: () => number;
  /** The lines in a shuffled order, so consecutive posts mix topics and outlets. */
  readonly #lines: SimulatorLine[];

  constructor(private readonly options: SimulatorOptions) {
    this.#random = options.random ?? Math.random;
    this.#lines = [...simulatorLines];
    for (let i = this.#lines.length - 1; i > 0; i--) {
      const j = Math.floor(this.#random() * (i + 1));
      [this.#lines[i], this.#lines[j]] = [this.#lines[j] as SimulatorLine, this.#lines[i] as SimulatorLine];
    }
  }

  start(): void {
    if (this.#timer) return;
    this.#schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Posts the next line now. */
  async postOne(): Promise<void> {
    const { updates, clock, event } = this.options;
    const line = this.#lines[this.#next++ % this.#lines.length];
    const outlet = simulatorOutlets[Math.floor(this.#random() * simulatorOutlets.length)];
    if (!line || !outlet) return;
    const now = clock.now();
    await updates.ingest(event, {
      title: line.title,
      summary: line.summary,
      source: outlet,
      url: new URL(`live/${now.getTime()}-${slugify(line.title)}`, outlet.url).href,
      publishedAt: now.toISOString(),
      externalId: `sim-${randomUUID()}`,
    });
  }

  #schedule(): void {
    const { minDelayMs = 5000, maxDelayMs = 10000 } = this.options;
    const delay = minDelayMs + this.#random() * (maxDelayMs - minDelayMs);
    this.#timer = setTimeout(() => {
      this.postOne()
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'demo simulator post failed'))
        .finally(() => {
          if (this.#timer) this.#schedule();
        });
    }, delay);
  }
}
