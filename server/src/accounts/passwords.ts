import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are kept as argon2id hashes with the library's defaults (19 MiB, 2 passes: OWASP's
 * recommendation); hashing runs on libuv's thread pool, never on the event loop (~85 ms here).
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a user's hash, or, for a name that does not exist, against a decoy hash
 * of the same cost, so a wrong name and a wrong password take the same time.
 */
export async function checkPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  decoy ??= hash('decoy password that matches nothing');
  const checked = await verify(passwordHash ?? (await decoy), password).catch(() => false);
  return checked && passwordHash !== undefined;
}
