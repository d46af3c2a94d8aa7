import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

import type { TokenScope, TokenView } from '@dayline/shared';

export { tokenScopes, type TokenScope } from '@dayline/shared';

export type TokenInfo = TokenView;

const toInfo = (row: {
  id: string;
  name: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}) => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as TokenScope[],
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** Named API tokens with scopes, stored as digests. */
export class TokenStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(token: {
    id: string;
    name: string;
    digest: string;
    scopes: TokenScope[];
    at: string;
  }): Promise<TokenInfo> {
    const row = await this.db
      .insertInto('tokens')
      .values({
        id: token.id,
        name: token.name,
        digest: token.digest,
        scopes: JSON.stringify(token.scopes),
        created_at: token.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toInfo(row);
  }

  async list(): Promise<TokenInfo[]> {
    return (await this.db.selectFrom('tokens').selectAll().orderBy('created_at').execute()).map(toInfo);
  }

  /** The live (not revoked) token with this digest. */
  async findActive(digest: string): Promise<TokenInfo | undefined> {
    const row = await this.db
      .selectFrom('tokens')
      .selectAll()
      .where('digest', '=', digest)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toInfo(row);
  }

  /** Revokes by name or id; false when no live token matched. */
  async revoke(nameOrId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where((eb) => eb.or([eb('name', '=', nameOrId), eb('id', '=', nameOrId)]))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
