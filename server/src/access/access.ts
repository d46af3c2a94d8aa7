import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import { tokenScopes, type TokenInfo, type TokenScope, type TokenStore } from './token-store.js';

/** The stored form of a token: its SHA-256 digest, hex. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** What each scope also allows: admins may do everything, writers may read what they write to. */
const implied: Record<TokenScope, TokenScope[]> = {
  admin: ['admin', 'ingest', 'viewer'],
  ingest: ['ingest', 'viewer'],
  viewer: ['viewer'],
};

export type Grant = { valid: false } | { valid: true; scopes: ReadonlySet<TokenScope> };

/**
 * Who a presented token is: the DAYLINE_INGEST_TOKEN from the environment (every scope, compared
 * in constant time), or a named token from the store (looked up by digest, so no timing of the
 * comparison reveals anything about a usable token).
 */
export class Access {
  readonly #envDigest: Buffer;

  constructor(
    envToken: string,
    private readonly tokens: TokenStore,
  ) {
    this.#envDigest = createHash('sha256').update(envToken).digest();
  }

  async grant(presented: string | undefined): Promise<Grant> {
    if (!presented) return { valid: false };
    if (timingSafeEqual(createHash('sha256').update(presented).digest(), this.#envDigest)) {
      return { valid: true, scopes: new Set(tokenScopes) };
    }
    const token = await this.tokens.findActive(tokenDigest(presented));
    if (!token) return { valid: false };
    return { valid: true, scopes: new Set(token.scopes.flatMap((s) => implied[s] ?? [])) };
  }

  async allows(presented: string | undefined, scope: TokenScope): Promise<boolean> {
    const grant = await this.grant(presented);
    return grant.valid && grant.scopes.has(scope);
  }
}

/**
 * A new named token (the command line's `npm run token -- create` and the console's token page): the
 * token itself is returned once and only its digest is kept.
 */
export async function issueToken(
  tokens: TokenStore,
  request: { name: string; scopes: TokenScope[]; at: string },
): Promise<{ token: string; info: TokenInfo }> {
  if ((await tokens.list()).some((t) => t.name === request.name)) {
    throw new AppError('conflict', `A token named "${request.name}" exists; revoke it or pick another name`);
  }
  const token = `dl_${randomBytes(24).toString('base64url')}`;
  const info = await tokens.create({
    id: randomUUID(),
    name: request.name,
    digest: tokenDigest(token),
    scopes: [...new Set(request.scopes)],
    at: request.at,
  });
  return { token, info };
}
