import type { Kysely } from 'kysely';
import { KPI_CATALOG } from '../../../domain/analysis/kpi-catalog.js';
import {
  checkKpiTargets,
  DEFAULT_KPI_TARGETS,
  type KpiTargets,
  type TargetVersion,
  targetsInForce,
} from '../../../domain/analysis/kpi-targets.js';
import { monthOf } from '../../../domain/analysis/months.js';
import type {
  AgreementKpiTargets,
  KpiCatalogEntry,
  KpiTargetVersion,
  PutKpiTargetsBody,
} from '../../../domain/contracts/kpis.js';
import type { DB, KpiTargetVersionRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictOnUnique, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AgreementsService } from '../sla/agreements.service.js';
import * as repo from './kpi-targets.repository.js';

const presentVersion = (row: KpiTargetVersionRow): KpiTargetVersion => ({
  version: row.version,
  validFrom: row.valid_from,
  targets: JSON.parse(row.targets) as KpiTargetVersion['targets'],
  createdAt: row.created_at,
  createdById: row.created_by_id,
});

/** The catalog as plain JSON, each indicator with the template's target (null when it takes none). */
export function presentCatalog(): KpiCatalogEntry[] {
  return KPI_CATALOG.map((kpi) => ({
    ...kpi,
    breakdowns: [...kpi.breakdowns],
    variants: [...kpi.variants],
    defaultTarget: DEFAULT_KPI_TARGETS[kpi.id] ?? null,
  }));
}

/**
 * An agreement's indicator targets, versioned. A save adds a version that judges its `validFrom`
 * and later months and never edits an earlier one, and `validFrom` may not be a month already
 * past (in the agreement calendar's zone): a past month keeps being judged by the targets then in
 * force. Before any saved version judges a month, the default template does.
 */
export class KpiTargetsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsService,
  ) {}

  /** The versions and the targets in force in `month` (this month in the calendar's zone by default). */
  async get(agreementId: string, month?: string, db: Kysely<DB> = this.db): Promise<AgreementKpiTargets> {
    const thisMonth = await this.currentMonth(agreementId, db);
    const asked = month ?? thisMonth;
    const versions = (await repo.listVersions(db, agreementId)).map(presentVersion);
    const inForce = targetsInForce(versions as TargetVersion[], asked);
    return {
      agreementId,
      month: asked,
      versions,
      current: inForce
        ? { version: inForce.version, validFrom: inForce.validFrom, targets: { ...inForce.targets }, isDefault: false }
        : { version: null, validFrom: null, targets: { ...DEFAULT_KPI_TARGETS }, isDefault: true },
    };
  }

  /** Adds a version; the answer is the targets as `get` shows them for this month. */
  async put(ctx: RequestContext, agreementId: string, body: PutKpiTargetsBody): Promise<AgreementKpiTargets> {
    const issues = checkKpiTargets(body);
    if (issues.length > 0) throw validationError(issues);
    return this.db.transaction().execute(async (trx) => {
      const agreement = await this.agreements.getAgreement(agreementId, trx);
      const thisMonth = await this.currentMonth(agreementId, trx);
      if (body.validFrom < thisMonth) {
        const message = `must not be before ${thisMonth}: a month already begun or past keeps the targets then in force`;
        throw new AppError('unprocessable', `validFrom: ${message}`, { errors: [{ field: 'validFrom', message }] });
      }
      const version = (await repo.lastVersion(trx, agreementId)) + 1;
      const now = this.clock.now();
      const targets: KpiTargets = body.targets;
      await repo
        .insertVersion(trx, {
          id: newId(now.getTime()),
          agreement_id: agreementId,
          version,
          valid_from: body.validFrom,
          targets: JSON.stringify(targets),
          created_at: now.toISOString(),
          created_by_id: ctx.principal?.userId ?? null,
        })
        .catch(conflictOnUnique('version', 'another version was saved at the same time; read and try again'));
      await this.audit.record(trx, ctx, {
        action: 'agreement.kpi_targets_versioned',
        entityType: 'agreement',
        entityId: agreementId,
        organizationId: agreement.organizationId,
        before: null,
        after: { version, validFrom: body.validFrom, targets },
      });
      return this.get(agreementId, undefined, trx);
    });
  }

  /** This month in the agreement calendar's zone (404 when there is no such agreement). */
  private async currentMonth(agreementId: string, db: Kysely<DB>): Promise<string> {
    const agreement = await this.agreements.getAgreement(agreementId, db);
    const calendar = await this.agreements.getCalendar(agreement.calendarId, db);
    return monthOf(this.clock.now().getTime(), calendar.timeZone);
  }
}
