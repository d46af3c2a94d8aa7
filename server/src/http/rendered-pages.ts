import { createHash } from 'node:crypto';

export interface RenderedPage {
  head: string;
  body: string;
}

/** A minute: how long a page's relative times ("5 min ago") may be kept. */
const minuteMs = 60_000;

/**
 * The reader's pages as the components rendered them, kept for the next reader of the same page.
 * A render holds the event loop for tens of milliseconds (about 40 ms for 50 cards and a 1,000-day
 * chart in bench/reads.mjs), and readers who follow a shared link ask for the same page many times
 * a second. A page is only ever reused for the same address and the same first
 * view, byte for byte (the key holds its digest): whatever changed since, however small, renders it
 * again, so a kept page is always what a fresh render would give. It is rendered again each minute
 * too, for its relative times. The least recently used pages go first beyond `max`.
 */
export class RenderedPages {
  readonly #pages = new Map<string, RenderedPage>();

  constructor(
    private readonly max = 50,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page for `href` and this first view (its JSON), rendered by `render` unless kept. */
  get(href: string, firstViewJson: string, render: () => RenderedPage | null): RenderedPage | null {
    const digest = createHash('sha256').update(firstViewJson).digest('base64url');
    const key = `${Math.floor(this.now() / minuteMs)} ${digest} ${href}`;
    const kept = this.#pages.get(key);
    if (kept) {
      this.#pages.delete(key);
      this.#pages.set(key, kept);
      return kept;
    }
    const rendered = render();
    // A page that could not be rendered is tried again by the next reader.
    if (!rendered) return null;
    this.#pages.set(key, rendered);
    if (this.#pages.size > this.max) this.#pages.delete(this.#pages.keys().next().value as string);
    return rendered;
  }
}
