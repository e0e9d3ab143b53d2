import type { Kysely } from 'kysely';
import type { TicketSettings } from '../../../domain/contracts/settings.js';
import { checkPriorityMatrix, DEFAULT_PRIORITY_MATRIX } from '../../../domain/tickets/priority.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { validationError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { findSetting, upsertSetting } from './settings.repository.js';

const KEY = 'tickets';
export const DEFAULT_TICKET_SETTINGS: TicketSettings = { priorityMatrix: DEFAULT_PRIORITY_MATRIX, reopenDays: 7 };

/** Desk-wide settings kept in the database, so every instance reads the same ones. */
export class SettingsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly config: ConfigCache,
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
}
