import type { Kysely } from 'kysely';
import type { SecuritySettings, SecuritySettingsBody, TicketSettings } from '../../../domain/contracts/settings.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { checkPriorityMatrix, DEFAULT_PRIORITY_MATRIX } from '../../../domain/tickets/priority.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { findSetting, upsertSetting } from './settings.repository.js';

const KEY = 'tickets';
const SECURITY_KEY = 'security';

/** What the environment sets for the whole installation; a value here wins over the desk's. */
export interface SettingsFromEnvironment {
  /** MESA_MFA_REQUIRED_FOR when set; null leaves it to the desk setting. */
  mfaRequiredFor?: readonly Role[] | null;
}
export const DEFAULT_TICKET_SETTINGS: TicketSettings = { priorityMatrix: DEFAULT_PRIORITY_MATRIX, reopenDays: 7 };

/** Desk-wide settings kept in the database, so every instance reads the same ones. */
export class SettingsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly config: ConfigCache,
    private readonly environment: SettingsFromEnvironment = {},
  ) {}

  async ticketSettings(db: Kysely<DB> = this.db): Promise<TicketSettings> {
    const row = await this.config.read(db, `setting:${KEY}`, () => findSetting(db, KEY));
    return row
      ? { ...DEFAULT_TICKET_SETTINGS, ...(JSON.parse(row.value) as Partial<TicketSettings>) }
      : DEFAULT_TICKET_SETTINGS;
  }

  /**
   * A setting another module keeps here under its own key (the mail templates), as stored text,
   * read in the caller's transaction when it hands one. The caller audits its own changes.
   */
  async stored(key: string, db: Kysely<DB> = this.db): Promise<string | undefined> {
    return (await findSetting(db, key))?.value;
  }

  async store(trx: Kysely<DB>, key: string, value: string): Promise<void> {
    await upsertSetting(trx, key, value, this.clock.now().toISOString());
  }

  async updateTicketSettings(ctx: RequestContext, settings: TicketSettings): Promise<TicketSettings> {
    const issues = checkPriorityMatrix(settings.priorityMatrix);
    if (issues.length > 0) throw validationError(issues.map((message) => ({ field: 'priorityMatrix', message })));
    await this.db.transaction().execute(async (trx) => {
      const before = await this.ticketSettings(trx);
      await upsertSetting(trx, KEY, JSON.stringify(settings), this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: KEY,
        before,
        after: settings,
      });
    });
    return settings;
  }

  /**
   * Who must sign in with a second factor. Read on every signed-in request (through the
   * configuration cache, so one small read), which is why the environment's value, when set,
   * is answered without touching the database.
   */
  async securitySettings(db: Kysely<DB> = this.db): Promise<SecuritySettings> {
    const fromEnvironment = this.environment.mfaRequiredFor;
    if (fromEnvironment) return { mfaRequiredFor: [...fromEnvironment], setByEnvironment: true };
    const row = await this.config.read(db, `setting:${SECURITY_KEY}`, () => findSetting(db, SECURITY_KEY));
    const stored = row ? (JSON.parse(row.value) as Partial<SecuritySettingsBody>) : {};
    return { mfaRequiredFor: stored.mfaRequiredFor ?? [], setByEnvironment: false };
  }

  async mfaRequiredFor(): Promise<readonly Role[]> {
    return (await this.securitySettings()).mfaRequiredFor;
  }

  async updateSecuritySettings(ctx: RequestContext, body: SecuritySettingsBody): Promise<SecuritySettings> {
    if (this.environment.mfaRequiredFor) {
      throw new AppError('conflict', 'MESA_MFA_REQUIRED_FOR is set on the server and wins; change it there');
    }
    // Kept in the order roles are listed, so equal choices are stored and audited alike.
    const next: SecuritySettingsBody = { mfaRequiredFor: ROLES.filter((role) => body.mfaRequiredFor.includes(role)) };
    await this.db.transaction().execute(async (trx) => {
      const before = await this.securitySettings(trx);
      await upsertSetting(trx, SECURITY_KEY, JSON.stringify(next), this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: SECURITY_KEY,
        before: { mfaRequiredFor: before.mfaRequiredFor },
        after: next,
      });
    });
    return { ...next, setByEnvironment: false };
  }
}
