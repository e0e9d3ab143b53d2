import type { Kysely } from 'kysely';
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../../../domain/contracts/users.js';
import { checkRoleAssignment, ROLES, type Role } from '../../../domain/roles.js';
import { phoneQuery, phoneSearchKey } from '../../../domain/users/phone-numbers.js';
import type { DB, UserRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError, conflictOnUnique, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkNewPassword } from '../../platform/password-policy.js';
import { hashPassword } from '../../platform/passwords.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { SecurityRecorder } from '../security-log/security-log.service.js';
import * as repo from './users.repository.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sortRoles(roles: Iterable<string>): Role[] {
  const held = new Set(roles);
  return ROLES.filter((role) => held.has(role));
}

export function toUser(row: UserRow, roles: Role[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles,
    organizationId: row.organization_id,
    status: row.status,
    locale: row.locale,
    phone: row.phone,
    hasPassword: row.password_hash !== null,
    presence: row.presence,
    shiftCalendarId: row.shift_calendar_id ?? null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const emailTaken = conflictOnUnique('email', 'another account already uses this email');

/**
 * What users asks of the module that keeps sign-ins (auth's SessionsService, handed in by
 * `buildServices`): auth reads people through UsersService, so users does not import auth back.
 */
export interface SignIns {
  endSessions(trx: Kysely<DB>, userId: string, keepSessionId: string | null): Promise<unknown>;
  revokeAllTokens(trx: Kysely<DB>, userId: string): Promise<number>;
  liftSignInLocks(trx: Kysely<DB>, email: string): Promise<number>;
}

/** Who set a password: the person, an admin, or the person through a reset link sent by mail. */
export type PasswordSetBy = 'self' | 'admin' | 'reset_link' | 'system';

/** The words a password must not be: the account's email, the part before the @, and its name. */
function personalWords(email: string, name: string): string[] {
  return [email, email.split('@')[0] ?? '', name, name.replace(/\s+/g, '')];
}

export class UsersService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly sessions: SignIns,
    private readonly securityLog: SecurityRecorder,
  ) {}

  private async withRoles(db: Kysely<DB>, rows: UserRow[]): Promise<User[]> {
    const roleRows = await repo.rolesOfUsers(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toUser(row, sortRoles(roleRows.filter((r) => r.user_id === row.id).map((r) => r.role))));
  }

  async list(query: UserListQuery) {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['text', 'id']);
    const phone = query.q ? phoneQuery(query.q) : null;
    const rows = await repo.listUsers(this.db, {
      ...(phone ? { phone } : { q: query.q }),
      role: query.role,
      organizationId: query.organizationId,
      status: query.status,
      after: cursor ? { name: String(cursor[0]), id: String(cursor[1]) } : undefined,
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.name, row.id]);
    return { items: await this.withRoles(this.db, page.items), nextCursor: page.nextCursor };
  }

  async get(id: string, db: Kysely<DB> = this.db): Promise<User> {
    const row = await repo.findUserById(db, id);
    if (!row) throw notFound('User');
    const [user] = await this.withRoles(db, [row]);
    return user as User;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await repo.findUserByEmail(this.db, normalizeEmail(email));
    return row ? this.get(row.id) : undefined;
  }

  /** The stored row for signing in: inactive accounts are treated as absent. */
  async findActiveByEmail(email: string): Promise<UserRow | undefined> {
    const row = await repo.findUserByEmail(this.db, normalizeEmail(email));
    return row?.status === 'active' ? row : undefined;
  }

  async findActiveById(id: string): Promise<User | undefined> {
    const row = await repo.findUserById(this.db, id);
    if (row?.status !== 'active') return undefined;
    const [user] = await this.withRoles(this.db, [row]);
    return user;
  }

  /** Ids of the active people with this role, read in the caller's transaction when it hands one. */
  activeIdsWithRole(role: Role, db: Kysely<DB> = this.db): Promise<string[]> {
    return repo.activeIdsWithRole(db, role);
  }

  async hasAnyUser(): Promise<boolean> {
    return (await repo.countUsers(this.db)).count > 0;
  }

  private async checkAssignment(roles: Role[], organizationId: string | null, db: Kysely<DB> = this.db) {
    const issues = checkRoleAssignment(roles, organizationId);
    if (issues.length > 0) throw validationError(issues);
    if (organizationId) {
      await this.organizations.get(systemContext, organizationId, db).catch(() => {
        throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
      });
    }
  }

  async create(ctx: RequestContext, body: CreateUserBody): Promise<User> {
    const roles = sortRoles(body.roles);
    const organizationId = body.organizationId ?? null;
    await this.checkAssignment(roles, organizationId);
    if (body.password) checkNewPassword(body.password, 'password', personalWords(body.email, body.name));
    // Hash before the transaction: argon2 takes tens of milliseconds and must not hold a write lock.
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    const at = this.clock.now();
    const now = at.toISOString();
    const row: UserRow = {
      id: newId(at.getTime()),
      email: normalizeEmail(body.email),
      name: body.name.trim(),
      password_hash: passwordHash,
      organization_id: organizationId,
      status: 'active',
      locale: body.locale ?? null,
      phone: body.phone ?? null,
      phone_key: phoneSearchKey(body.phone),
      presence: 'available',
      shift_calendar_id: null,
      mail_bounced_at: null,
      mail_bounce_reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const user = toUser(row, roles);
    await this.db
      .transaction()
      .execute(async (trx) => {
        await repo.insertUser(trx, row);
        await repo.insertRoles(trx, row.id, roles);
        await this.audit.record(trx, ctx, {
          action: 'user.created',
          entityType: 'user',
          entityId: row.id,
          organizationId,
          after: user,
        });
      })
      .catch(emailTaken);
    return user;
  }

  async update(ctx: RequestContext, id: string, body: UpdateUserBody): Promise<User> {
    const { version, roles: newRoles, ...fields } = body;
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await this.get(id, trx);
        const roles = newRoles ? sortRoles(newRoles) : before.roles;
        const organizationId = fields.organizationId === undefined ? before.organizationId : fields.organizationId;
        if (newRoles !== undefined || fields.organizationId !== undefined)
          await this.checkAssignment(roles, organizationId, trx);
        if (ctx.principal?.userId === id && fields.status === 'inactive') {
          throw validationError([{ field: 'status', message: 'you cannot deactivate your own account' }]);
        }
        if (ctx.principal?.userId === id && before.roles.includes('admin') && !roles.includes('admin')) {
          throw validationError([{ field: 'roles', message: 'you cannot remove your own admin role' }]);
        }
        const { organizationId: _organizationId, shiftCalendarId: _shift, ...columns } = fields;
        const row = await repo.updateUser(trx, id, version, {
          ...columns,
          ...(fields.organizationId !== undefined ? { organization_id: fields.organizationId } : {}),
          ...(fields.shiftCalendarId !== undefined ? { shift_calendar_id: fields.shiftCalendarId } : {}),
          ...(fields.email !== undefined ? { email: normalizeEmail(fields.email) } : {}),
          ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
          ...(fields.phone !== undefined ? { phone_key: phoneSearchKey(fields.phone) } : {}),
          updated_at: this.clock.now().toISOString(),
        });
        if (!row) throw new AppError('version_conflict', `User is at version ${before.version}, not ${version}`);
        if (newRoles) {
          await repo.deleteRoles(trx, id);
          await repo.insertRoles(trx, id, roles);
          if (roles.join() !== before.roles.join()) {
            await this.securityLog.record(trx, ctx, {
              kind: 'role.changed',
              userId: id,
              email: before.email,
              details: { before: before.roles, after: roles },
            });
          }
        }
        // A deactivated account is signed out everywhere and its API tokens stop working.
        if (before.status === 'active' && row.status === 'inactive') {
          await this.sessions.endSessions(trx, id, null);
          await this.sessions.revokeAllTokens(trx, id);
        }
        const after = toUser(row, roles);
        await this.audit.record(trx, ctx, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          organizationId: after.organizationId ?? before.organizationId,
          before,
          after,
        });
        return after;
      })
      .catch(emailTaken);
  }

  /** Away members of the desk get no new tickets by automatic assignment. */
  async setPresence(ctx: RequestContext, presence: 'available' | 'away'): Promise<User> {
    const userId = ctx.principal?.userId;
    if (!userId) throw new AppError('unauthenticated');
    await repo.setPresence(this.db, userId, presence);
    return this.get(userId);
  }

  /**
   * Sets a password (an admin's reset, the user's own change after the caller checked the old one,
   * or a reset link). Every session of the account ends except `keepSessionId`, the one making the
   * change; its API tokens are revoked too when asked. A new password set by someone other than the
   * person at their desk (an admin, a reset link) also lifts the sign-in lock. A common or too short
   * password is refused, naming `field`. `within` runs first in the same transaction (a reset link
   * spends itself there), so a refusal there changes nothing.
   */
  async setPassword(
    ctx: RequestContext,
    id: string,
    password: string,
    keepSessionId: string | null,
    options: {
      field?: string;
      revokeTokens?: boolean;
      by?: PasswordSetBy;
      within?: (trx: Kysely<DB>) => Promise<void>;
    } = {},
  ): Promise<void> {
    const target = await this.get(id);
    checkNewPassword(password, options.field ?? 'password', personalWords(target.email, target.name));
    const passwordHash = await hashPassword(password);
    const by = options.by ?? (ctx.principal?.userId === id ? 'self' : ctx.principal ? 'admin' : 'system');
    await this.db.transaction().execute(async (trx) => {
      await options.within?.(trx);
      const user = await this.get(id, trx);
      await repo.setPasswordHash(trx, id, passwordHash, this.clock.now().toISOString());
      await this.sessions.endSessions(trx, id, keepSessionId);
      const tokensRevoked = options.revokeTokens ? await this.sessions.revokeAllTokens(trx, id) : 0;
      await this.securityLog.record(trx, ctx, {
        kind: 'password.changed',
        userId: id,
        email: user.email,
        details: { by, tokensRevoked },
      });
      if (by === 'admin' || by === 'reset_link') {
        const cleared = await this.sessions.liftSignInLocks(trx, user.email);
        if (cleared > 0) {
          await this.securityLog.record(trx, ctx, {
            kind: 'account.unlocked',
            userId: id,
            email: user.email,
            details: { cleared, by: by === 'admin' ? 'password_reset' : 'reset_link' },
          });
        }
      }
      await this.audit.record(trx, ctx, {
        action: 'user.password_set',
        entityType: 'user',
        entityId: id,
        organizationId: user.organizationId,
        after: { passwordChangedBy: by },
      });
    });
  }
}
