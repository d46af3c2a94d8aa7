import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** Values every node of one store shares. */
export class SettingStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * A secret (the key that signs session cookies): made by the first node that asks and kept, so a
   * restart or another node keeps everyone signed in.
   */
  async secret(key: string): Promise<string> {
    await this.db
      .insertInto('settings')
      .values({ key, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.get(key)) as string;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  async put(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** Deletes the setting if it still has `value`: true for exactly one caller, however many race. */
  async take(key: string, value: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('settings')
      .where('key', '=', key)
      .where('value', '=', value)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
