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

/** The reader's time zone as the browser reports it. */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The reader's display preferences, remembered in localStorage across visits. */
export class Prefs {
  #zone = $state<ZoneChoice>(readChoice());

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

  /** The IANA zone to show times in for an event. */
  timeZoneFor(eventZone: string): string {
    return this.#zone === 'local' ? readerZone() : eventZone;
  }
}

export const prefs = new Prefs();
