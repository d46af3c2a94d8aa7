import { InvalidPageToken } from './store.js';

/** The keyset position after which the next (older) page starts. */
export interface PageKey {
  publishedAt: string;
  id: string;
}

export function encodePageToken(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.publishedAt, key.id])).toString('base64url');
}

export function decodePageToken(token: string): PageKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { publishedAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through: any unreadable token is the same error to the caller
  }
  throw new InvalidPageToken('Unreadable page token');
}
