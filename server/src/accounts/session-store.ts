import session, { type SessionData } from 'express-session';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** What Dayline keeps in a session. */
declare module 'express-session' {
  interface SessionData {
    userId: string;
    csrfToken: string;
  }
}

type Callback<T = void> = (error?: unknown, value?: T) => void;

/** How often an active session's expiry is written. */
const touchEveryMs = 60_000;

/**
 * express-session's store on the Kysely database (SQLite or PostgreSQL), so sessions survive
 * restarts and every node of one store knows them. Rows carry the user id, so a password reset or
 * a disabled account ends that user's sessions with one delete.
 */
export class KyselySessionStore extends session.Store {
  /** When each session's expiry was last written by this node. */
  readonly #touched = new Map<string, number>();

  constructor(private readonly db: Kysely<Database>) {
    super();
  }

  /** express-session dates cookies by the wall clock, so expiry is checked by the same clock. */
  private now(): Date {
    return new Date();
  }

  #expiry(data: SessionData): string {
    const expires = data.cookie.expires ? new Date(data.cookie.expires) : undefined;
    return (expires ?? new Date(this.now().getTime() + 24 * 3600_000)).toISOString();
  }

  override get(sid: string, done: Callback<SessionData | null>): void {
    this.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', sid)
      .where('expires_at', '>', this.now().toISOString())
      .executeTakeFirst()
      .then((row) => done(undefined, row ? (JSON.parse(row.data) as SessionData) : null), done);
  }

  override set(sid: string, data: SessionData, done?: Callback): void {
    const row = {
      sid,
      user_id: data.userId ?? null,
      data: JSON.stringify(data),
      expires_at: this.#expiry(data),
    };
    this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
      .execute()
      .then(
        () => done?.(),
        (error: unknown) => done?.(error),
      );
  }

  override touch(sid: string, data: SessionData, done?: Callback): void {
    // Every request of a signed-in person moves the expiry on; once a minute is enough to write it.
    const now = this.now().getTime();
    if (now - (this.#touched.get(sid) ?? 0) < touchEveryMs) {
      done?.();
      return;
    }
    this.#touched.set(sid, now);
    if (this.#touched.size > 10_000) this.#touched.clear();
    this.db
      .updateTable('sessions')
      .set({ expires_at: this.#expiry(data) })
      .where('sid', '=', sid)
      .execute()
      .then(
        () => done?.(),
        (error: unknown) => done?.(error),
      );
  }

  override destroy(sid: string, done?: Callback): void {
    this.#touched.delete(sid);
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(
        () => done?.(),
        (error: unknown) => done?.(error),
      );
  }

  /** Deletes expired sessions (run now and then; an expired one is never read either way). */
  async prune(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.now().toISOString()).execute();
  }
}
