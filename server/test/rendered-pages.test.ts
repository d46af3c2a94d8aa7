import { describe, expect, it } from 'vitest';
import { RenderedPages, type RenderedPage } from '../src/http/rendered-pages.js';

/** A renderer that says how many times it ran, and what it rendered from. */
function counting() {
  const calls: string[] = [];
  const render = (href: string, json: string) => (): RenderedPage => {
    calls.push(`${href} ${json}`);
    return { head: '<title>t</title>', body: `<p>${href} ${json} #${calls.length}</p>` };
  };
  return { calls, render };
}

describe('rendered reader pages', () => {
  it('renders a page once for the same address and first view within a minute', () => {
    let now = Date.parse('2026-12-04T18:00:05Z');
    const pages = new RenderedPages(10, () => now);
    const { calls, render } = counting();
    const first = pages.get('/e/war', '{"cursor":1}', render('/e/war', '{"cursor":1}'));
    now += 30_000;
    const again = pages.get('/e/war', '{"cursor":1}', render('/e/war', '{"cursor":1}'));
    expect(again).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('renders again when anything in the first view changed, for another address, and each minute', () => {
    let now = Date.parse('2026-12-04T18:00:05Z');
    const pages = new RenderedPages(10, () => now);
    const { calls, render } = counting();
    pages.get('/e/war', '{"cursor":1}', render('/e/war', '{"cursor":1}'));
    // A correction, however small, changes the first view: the page is what a fresh render gives.
    const corrected = pages.get('/e/war', '{"cursor":2}', render('/e/war', '{"cursor":2}'));
    expect(corrected?.body).toContain('{"cursor":2}');
    pages.get('/e/war?topics=cyber', '{"cursor":2}', render('/e/war?topics=cyber', '{"cursor":2}'));
    expect(calls).toHaveLength(3);
    // The next minute: relative times ("5 min ago") move on.
    now += 60_000;
    const later = pages.get('/e/war', '{"cursor":2}', render('/e/war', '{"cursor":2}'));
    expect(later).not.toBe(corrected);
    expect(calls).toHaveLength(4);
  });

  it('keeps no page it could not render, and drops the least recently used beyond its size', () => {
    const pages = new RenderedPages(2, () => 0);
    const { calls, render } = counting();
    expect(pages.get('/a', '{}', () => null)).toBeNull();
    pages.get('/a', '{}', render('/a', '{}'));
    pages.get('/b', '{}', render('/b', '{}'));
    pages.get('/a', '{}', render('/a', '{}')); // used again: /b is now the oldest
    pages.get('/c', '{}', render('/c', '{}'));
    pages.get('/a', '{}', render('/a', '{}'));
    expect(calls).toEqual(['/a {}', '/b {}', '/c {}']);
    pages.get('/b', '{}', render('/b', '{}'));
    expect(calls).toEqual(['/a {}', '/b {}', '/c {}', '/b {}']);
  });
});
