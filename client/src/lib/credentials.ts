/** Where a viewer token is kept between visits (docs/security.md: private events). */
export const tokenStorageKey = 'dayline-token';

/**
 * The `token` query parameter of an address, and the same address without it. A token in the
 * address bar would be shared by anyone who copies the link, so it is taken out as soon as it is read.
 */
export function takeToken(href: string): { token: string | null; rest: string | null } {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return { token: null, rest: null };
  const token = url.searchParams.get('token')?.trim() || null;
  url.searchParams.delete('token');
  return { token, rest: url.pathname + url.search + url.hash };
}

interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): TokenStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off; a token from the URL then lasts for this page only.
    return null;
  }
}

/**
 * The reader's viewer token, if any: sent with every API request and in the socket handshake, so
 * private events open for whoever was given a link with `?token=`. Without one, nothing is sent.
 */
export class Credentials {
  #token: string | null;
  readonly #store: TokenStorage | null;

  constructor(store: TokenStorage | null = storage()) {
    this.#store = store;
    try {
      this.#token = store?.getItem(tokenStorageKey) || null;
    } catch {
      this.#token = null;
    }
  }

  get token(): string | null {
    return this.#token;
  }

  /** Reads `?token=` from the address, remembers it, and rewrites the address without it. */
  adoptFromLocation(): void {
    if (typeof location === 'undefined') return;
    const { token, rest } = takeToken(location.href);
    if (rest === null) return;
    if (token) {
      this.#token = token;
      try {
        this.#store?.setItem(tokenStorageKey, token);
      } catch {
        // Not remembered, but used for this visit.
      }
    }
    history.replaceState(history.state, '', rest);
  }

  /** The header that carries the token, or none. */
  headers(): Record<string, string> {
    return this.#token ? { authorization: `Bearer ${this.#token}` } : {};
  }
}

export const credentials = new Credentials();
