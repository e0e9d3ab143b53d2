import type { Kysely } from 'kysely';
import type { Role } from '../../../domain/roles.js';
import type { PhoneQuery } from '../../../domain/users/phone-numbers.js';
import { keysetAfter, type SortKey, textContains } from '../../db/dialect.js';
import type { DB, NewUserRow, UserRowUpdate } from '../../db/schema.js';

const BY_NAME: SortKey[] = [
  { column: 'name', direction: 'asc' },
  { column: 'id', direction: 'asc' },
];

export interface UserFilter {
  /** Name or email containing this. */
  q?: string | undefined;
  /** A phone number, matched on the stored key however either was written. */
  phone?: PhoneQuery | undefined;
  role?: Role | undefined;
  organizationId?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listUsers(db: Kysely<DB>, filter: UserFilter) {
  let query = db.selectFrom('users').selectAll();
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.role) {
    const role = filter.role;
    query = query.where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role));
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([textContains(db, 'name', q), textContains(db, 'email', q)]));
  }
  if (filter.phone) {
    const { prefix, suffixesOfTyped } = filter.phone;
    // Keys are digits only and compare byte by byte, so ':' (after '9') closes the prefix's range.
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('phone_key', '>=', prefix), eb('phone_key', '<', `${prefix}:`)]),
        ...(suffixesOfTyped.length > 0 ? [eb('phone_key', 'in', suffixesOfTyped)] : []),
      ]),
    );
  }
  if (filter.after) query = query.where(keysetAfter(BY_NAME, [filter.after.name, filter.after.id]));
  return query.orderBy('name').orderBy('id').limit(filter.limit).execute();
}

/** Active people holding a role (the supervisors, say), by id. */
export async function activeIdsWithRole(db: Kysely<DB>, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .execute();
  return rows.map((row) => row.id);
}

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function countUsers(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
}

export function rolesOfUsers(db: Kysely<DB>, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
}

export function insertUser(db: Kysely<DB>, row: NewUserRow) {
  return db.insertInto('users').values(row).execute();
}

export function insertRoles(db: Kysely<DB>, userId: string, roles: readonly Role[]) {
  return db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

export function deleteRoles(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
}

/** Updates only if the stored version is the one the change was based on; returns the new row or nothing. */
export function updateUser(db: Kysely<DB>, id: string, version: number, changes: UserRowUpdate) {
  return db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function setPasswordHash(db: Kysely<DB>, id: string, passwordHash: string, updatedAt: string) {
  return db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, updated_at: updatedAt, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
}

export function setPresence(db: Kysely<DB>, id: string, presence: 'available' | 'away') {
  return db.updateTable('users').set({ presence }).where('id', '=', id).execute();
}
