import type { Role, UserView } from '@dayline/shared';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../store/tables.js';

/** An account as the server handles it: what admins see. */
export type User = UserView;

const toUser = (row: Omit<UsersTable, 'password_hash'>): User => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

const userColumns = ['id', 'name', 'role', 'created_at', 'disabled_at'] as const;

/** The newsroom's accounts. A user is never deleted (the audit log names them); they are disabled. */
export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: {
    id: string;
    name: string;
    role: Role;
    passwordHash: string;
    at: string;
  }): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        id: user.id,
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        created_at: user.at,
      })
      .returning(userColumns)
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').select(userColumns).orderBy('name').execute()).map(toUser);
  }

  async byId(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** The user and the hash to check a password against (disabled ones included: the caller decides). */
  async withHash(name: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select([...userColumns, 'password_hash'])
      .where('name', '=', name)
      .executeTakeFirst();
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  /** False when no such user. */
  async setRole(name: string, role: Role): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ role })
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A new password ends every session of the user (a stolen cookie stops working). */
  async setPassword(name: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
      if (!user) return false;
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, disabled_at: null })
        .where('id', '=', user.id)
        .execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      return true;
    });
  }

  /** Disabling signs the user out everywhere at once. */
  async disable(name: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
      if (!user) return false;
      await trx.updateTable('users').set({ disabled_at: at }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      return true;
    });
  }
}
