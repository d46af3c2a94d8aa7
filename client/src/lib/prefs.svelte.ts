/** Whose clock the times are shown on: the event's zone (the default) or the reader's own. */
export type ZoneChoice = 'event' | 'local';

const storageKey = 'dayline:time-zone';

function readChoice(): ZoneChoice {
  try {
    return globalThis.localStorage?.getItem(storageKey) === 'local' ? 'local' : 'event';
  } catch {
    // Storage can be switched off; the default then lasts for the visit.
    return 'event';
  }
}

/** The page's colours: the system's, or one the reader chose. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Also read by public/theme.js, which applies the choice before the first paint. */
export const themeKey = 'dayline:theme';

function readTheme(): ThemeChoice {
  try {
    const stored = globalThis.localStorage?.getItem(themeKey);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** The theme to show for a choice, given whether the system asks for dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** The reader's time zone as the browser reports it. */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The reader's display preferences, remembered in localStorage across visits. */
export class Prefs {
  #zone = $state<ZoneChoice>(readChoice());
  #theme = $state<ThemeChoice>(readTheme());
  /** Applies the theme to the page once `applyTheme` has said where. */
  #themeChanged: (() => void) | null = null;

  get zone(): ZoneChoice {
    return this.#zone;
  }

  set zone(choice: ZoneChoice) {
    this.#zone = choice;
    try {
      globalThis.localStorage?.setItem(storageKey, choice);
    } catch {
      // Not remembered, but still applied for this visit.
    }
  }

  get theme(): ThemeChoice {
    return this.#theme;
  }

  set theme(choice: ThemeChoice) {
    this.#theme = choice;
    try {
      if (choice === 'system') globalThis.localStorage?.removeItem(themeKey);
      else globalThis.localStorage?.setItem(themeKey, choice);
    } catch {
      // Not remembered, but still applied for this visit.
    }
    this.#themeChanged?.();
  }

  /**
   * Keeps `data-theme` on the root element in step with the choice and, while the choice is
   * "system", with the system's setting as it changes. Returns the function that stops following.
   */
  applyTheme(root: HTMLElement, media: MediaQueryList): () => void {
    const apply = () => {
      root.dataset.theme = resolveTheme(this.#theme, media.matches);
    };
    apply();
    media.addEventListener('change', apply);
    this.#themeChanged = apply;
    return () => {
      media.removeEventListener('change', apply);
      if (this.#themeChanged === apply) this.#themeChanged = null;
    };
  }

  /** The IANA zone to show times in for an event. */
  timeZoneFor(eventZone: string): string {
    return this.#zone === 'local' ? readerZone() : eventZone;
  }
}

export const prefs = new Prefs();
