import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Prefs, resolveTheme, themeKey } from '../src/lib/prefs.svelte.js';

/** A MediaQueryList stand-in whose `matches` a test flips, telling its listeners. */
function fakeMedia(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    flip() {
      this.matches = !this.matches;
      for (const listener of listeners) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

let stored: Map<string, string>;
beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('themes', () => {
  it('follow the system unless the reader chose one', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('remember the choice, and forget it when the reader goes back to the system', () => {
    stored.set(themeKey, 'dark');
    const prefs = new Prefs();
    expect(prefs.theme).toBe('dark');
    prefs.theme = 'light';
    expect(stored.get(themeKey)).toBe('light');
    expect(new Prefs().theme).toBe('light');
    prefs.theme = 'system';
    expect(stored.has(themeKey)).toBe(false);
    stored.set(themeKey, 'purple');
    expect(new Prefs().theme).toBe('system');
  });

  it('are applied to the page, following the system while the choice is "system"', () => {
    const prefs = new Prefs();
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    const media = fakeMedia(false);
    const stop = prefs.applyTheme(root, media as unknown as MediaQueryList);
    expect(root.dataset.theme).toBe('light');
    media.flip();
    expect(root.dataset.theme).toBe('dark');

    prefs.theme = 'light';
    expect(root.dataset.theme).toBe('light');
    media.flip();
    media.flip();
    expect(root.dataset.theme).toBe('light');

    stop();
    expect(media.listeners).toBe(0);
    prefs.theme = 'dark';
    expect(root.dataset.theme).toBe('light');
  });
});
