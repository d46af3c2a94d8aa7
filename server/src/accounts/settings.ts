import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * A secret every node of one store shares (the key that signs session cookies): made by the first
 * node that asks, kept in the store, so a restart or another node keeps everyone signed in.
 */
export async function sharedSecret(db: Kysely<Database>, key: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
}
