import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';

const setupKey = 'setup-link';
const validMs = 24 * 3600_000;
const digest = (token: string) => createHash('sha256').update(token).digest();

/**
 * On a fresh install (no users yet), a one-time token for the link that creates the first admin in
 * the browser: valid 24 hours, used once. Only its digest is stored; a later start makes a new one
 * and the old link stops working.
 */
export async function offerSetup(store: Store, now: Date): Promise<string | undefined> {
  if ((await store.users.count()) > 0) return undefined;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + validMs).toISOString();
  await store.settings.put(setupKey, JSON.stringify({ digest: digest(token).toString('hex'), expiresAt }));
  return token;
}

/** Uses the setup token up: true for the one caller that presented it in time, before any user existed. */
export async function redeemSetup(store: Store, token: string, now: Date): Promise<boolean> {
  const stored = await store.settings.get(setupKey);
  if (!stored || (await store.users.count()) > 0) return false;
  const offer = JSON.parse(stored) as { digest: string; expiresAt: string };
  const matches = timingSafeEqual(Buffer.from(offer.digest, 'hex'), digest(token));
  if (!matches || offer.expiresAt <= now.toISOString()) return false;
  return store.settings.take(setupKey, stored);
}
