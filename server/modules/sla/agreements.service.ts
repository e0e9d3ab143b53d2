import type { Kysely } from 'kysely';
import type {
  Agreement,
  Calendar,
  CreateAgreementBody,
  CreateCalendarBody,
  ImportHolidaysBody,
  ProblemTargetBody,
  UpdateAgreementBody,
  UpdateCalendarBody,
} from '../../../domain/contracts/sla.js';
import {
  checkCalendar,
  checkEscalations,
  checkTargets,
  DEFAULT_ESCALATIONS,
  DEFAULT_WARN_AT,
} from '../../../domain/sla/agreement-rules.js';
import { holidaysFromICalendar, mergeHolidays } from '../../../domain/sla/icalendar.js';
import { checkProblemTargets } from '../../../domain/sla/problem-sla.js';
import type { AgreementTable, CalendarTable, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictOnUnique, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import * as repo from './agreements.repository.js';
import type { SlaRecalculationService } from './sla-recalculation.service.js';

const MAX_HOLIDAYS = 500;
const calendarNameTaken = conflictOnUnique('name', 'another calendar has this name');
const organizationTaken = conflictOnUnique('organizationId', 'this organization already has an agreement');

const toCalendar = (row: CalendarTable): Calendar => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  weekly: JSON.parse(row.weekly),
  holidays: JSON.parse(row.holidays),
  version: row.version,
});

const toAgreement = (row: AgreementTable): Agreement => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  calendarId: row.calendar_id,
  serviceIds: JSON.parse(row.service_ids),
  targets: JSON.parse(row.targets),
  pausingReasons: JSON.parse(row.pausing_reasons),
  warnAt: JSON.parse(row.warn_at),
  levelMinutes: JSON.parse(row.level_minutes),
  escalations: JSON.parse(row.escalations),
  problemTargets: JSON.parse(row.problem_targets),
  version: row.version,
});

const sortedProblemTargets = (targets: readonly ProblemTargetBody[]) =>
  JSON.stringify([...targets].sort((a, b) => a.priority - b.priority));

/**
 * Recomputes the deadlines of the open problems of these organizations, within the transaction
 * (implemented by the problems module, handed in by `buildServices`).
 */
export type ProblemDeadlinesRefresh = (trx: Kysely<DB>, organizationIds: readonly string[]) => Promise<void>;

/** Business calendars and each organization's service agreement: what its SLA clocks count against. */
export class AgreementsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly recalculations: SlaRecalculationService,
    private readonly refreshProblems: ProblemDeadlinesRefresh = async () => {},
  ) {}

  async listCalendars(): Promise<Calendar[]> {
    return (await repo.listCalendars(this.db)).map(toCalendar);
  }

  async getCalendar(id: string, db: Kysely<DB> = this.db): Promise<Calendar> {
    const row = await repo.findCalendar(db, id);
    if (!row) throw notFound('Calendar');
    return toCalendar(row);
  }

  async createCalendar(ctx: RequestContext, body: CreateCalendarBody): Promise<Calendar> {
    const issues = checkCalendar(body.timeZone, body.weekly);
    if (issues.length > 0) throw validationError(issues);
    const at = this.clock.now();
    const row: CalendarTable = {
      id: newId(at.getTime()),
      name: body.name.trim(),
      time_zone: body.timeZone,
      weekly: JSON.stringify(body.weekly),
      holidays: JSON.stringify(body.holidays ?? []),
      version: 1,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    await this.db
      .transaction()
      .execute(async (trx) => {
        await repo.insertCalendar(trx, row);
        await this.audit.record(trx, ctx, {
          action: 'calendar.created',
          entityType: 'calendar',
          entityId: row.id,
          after: toCalendar(row),
        });
      })
      .catch(calendarNameTaken);
    return toCalendar(row);
  }

  async updateCalendar(ctx: RequestContext, id: string, body: UpdateCalendarBody): Promise<Calendar> {
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await this.getCalendar(id, trx);
        const issues = checkCalendar(body.timeZone ?? before.timeZone, body.weekly ?? before.weekly);
        if (issues.length > 0) throw validationError(issues);
        const changes: Partial<CalendarTable> = { updated_at: this.clock.now().toISOString() };
        if (body.name !== undefined) changes.name = body.name.trim();
        if (body.timeZone !== undefined) changes.time_zone = body.timeZone;
        if (body.weekly !== undefined) changes.weekly = JSON.stringify(body.weekly);
        if (body.holidays !== undefined) changes.holidays = JSON.stringify(body.holidays);
        const row = await repo.updateCalendar(trx, id, body.version, changes);
        if (!row)
          throw new AppError('version_conflict', `The calendar is at version ${before.version}, not ${body.version}`);
        const after = toCalendar(row);
        const organizationIds = await repo.organizationsUsingCalendar(trx, id);
        await this.recalculations.request(trx, organizationIds);
        await this.refreshProblems(trx, organizationIds);
        await this.audit.record(trx, ctx, {
          action: 'calendar.updated',
          entityType: 'calendar',
          entityId: id,
          before,
          after,
        });
        return after;
      })
      .catch(calendarNameTaken);
  }

  /** Adds the holidays of an iCalendar file (a country's public holidays, say) to the calendar. */
  async importHolidays(ctx: RequestContext, id: string, body: ImportHolidaysBody): Promise<Calendar> {
    const { holidays } = holidaysFromICalendar(body.ics);
    if (holidays.length === 0)
      throw validationError([{ field: 'ics', message: 'holds no all-day events to take as holidays' }]);
    const current = await this.getCalendar(id);
    const merged = mergeHolidays(current.holidays, holidays);
    if (merged.length > MAX_HOLIDAYS)
      throw validationError([{ field: 'ics', message: `would leave more than ${MAX_HOLIDAYS} holidays` }]);
    return this.updateCalendar(ctx, id, { version: body.version, holidays: merged });
  }

  async listAgreements(organizationId?: string): Promise<Agreement[]> {
    return (await repo.listAgreements(this.db, organizationId)).map(toAgreement);
  }

  async getAgreement(id: string, db: Kysely<DB> = this.db): Promise<Agreement> {
    const row = await repo.findAgreement(db, id);
    if (!row) throw notFound('Agreement');
    return toAgreement(row);
  }

  private async checkAgreement(db: Kysely<DB>, organizationId: string, body: Partial<CreateAgreementBody>) {
    const issues = [
      ...(body.targets ? checkTargets(body.targets) : []),
      ...(body.escalations ? checkEscalations(body.escalations) : []),
      ...(body.problemTargets ? checkProblemTargets(body.problemTargets) : []),
    ];
    const levels = body.escalations ?? [];
    const staff = new Set(await repo.activeStaffIds(db, [...new Set(levels.flatMap((level) => level.userIds ?? []))]));
    levels.forEach((level, i) => {
      for (const userId of (level.userIds ?? []).filter((id) => !staff.has(id)))
        issues.push({ field: `escalations.${i}.userIds`, message: `${userId} is not an active staff member` });
    });
    if (body.calendarId && !(await repo.findCalendar(db, body.calendarId)))
      issues.push({ field: 'calendarId', message: 'no such calendar' });
    for (const serviceId of body.serviceIds ?? []) {
      const service = await this.organizations.findService(serviceId, db);
      if (service?.organizationId !== organizationId)
        issues.push({ field: 'serviceIds', message: `${serviceId} is not a service of the organization` });
    }
    if (issues.length > 0) throw validationError(issues);
  }

  async createAgreement(ctx: RequestContext, body: CreateAgreementBody): Promise<Agreement> {
    const at = this.clock.now();
    return this.db
      .transaction()
      .execute(async (trx) => {
        await this.organizations.get(ctx, body.organizationId, trx).catch(() => {
          throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
        });
        await this.checkAgreement(trx, body.organizationId, body);
        const row: AgreementTable = {
          id: newId(at.getTime()),
          organization_id: body.organizationId,
          name: body.name.trim(),
          calendar_id: body.calendarId,
          service_ids: JSON.stringify(body.serviceIds ?? []),
          targets: JSON.stringify(body.targets),
          pausing_reasons: JSON.stringify(body.pausingReasons ?? ['requester', 'third_party']),
          warn_at: JSON.stringify([...(body.warnAt ?? DEFAULT_WARN_AT)].sort()),
          level_minutes: JSON.stringify({ L1: body.levelMinutes?.L1 ?? null, L2: body.levelMinutes?.L2 ?? null }),
          problem_targets: sortedProblemTargets(body.problemTargets ?? []),
          escalations: JSON.stringify(body.escalations ?? DEFAULT_ESCALATIONS),
          version: 1,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        };
        await repo.insertAgreement(trx, row);
        // Open tickets of the organization had no deadlines until now.
        await this.recalculations.request(trx, [row.organization_id]);
        await this.refreshProblems(trx, [row.organization_id]);
        const agreement = toAgreement(row);
        await this.audit.record(trx, ctx, {
          action: 'agreement.created',
          entityType: 'agreement',
          entityId: row.id,
          organizationId: row.organization_id,
          after: agreement,
        });
        return agreement;
      })
      .catch(organizationTaken);
  }

  async updateAgreement(ctx: RequestContext, id: string, body: UpdateAgreementBody): Promise<Agreement> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.getAgreement(id, trx);
      await this.checkAgreement(trx, before.organizationId, body);
      const changes: Partial<AgreementTable> = { updated_at: this.clock.now().toISOString() };
      if (body.name !== undefined) changes.name = body.name.trim();
      if (body.calendarId !== undefined) changes.calendar_id = body.calendarId;
      if (body.serviceIds !== undefined) changes.service_ids = JSON.stringify(body.serviceIds);
      if (body.targets !== undefined) changes.targets = JSON.stringify(body.targets);
      if (body.pausingReasons !== undefined) changes.pausing_reasons = JSON.stringify(body.pausingReasons);
      if (body.warnAt !== undefined) changes.warn_at = JSON.stringify([...body.warnAt].sort());
      if (body.levelMinutes !== undefined) {
        changes.level_minutes = JSON.stringify({ L1: body.levelMinutes.L1 ?? null, L2: body.levelMinutes.L2 ?? null });
      }
      if (body.escalations !== undefined) changes.escalations = JSON.stringify(body.escalations);
      if (body.problemTargets !== undefined) changes.problem_targets = sortedProblemTargets(body.problemTargets);
      const row = await repo.updateAgreement(trx, id, body.version, changes);
      if (!row)
        throw new AppError('version_conflict', `The agreement is at version ${before.version}, not ${body.version}`);
      const after = toAgreement(row);
      await this.recalculations.request(trx, [after.organizationId]);
      // Problems are few beside tickets (tens per organization, not thousands): recomputed at
      // once, in the agreement's own transaction, so a problem is never due by the old targets.
      await this.refreshProblems(trx, [after.organizationId]);
      await this.audit.record(trx, ctx, {
        action: 'agreement.updated',
        entityType: 'agreement',
        entityId: id,
        organizationId: after.organizationId,
        before,
        after,
      });
      return after;
    });
  }
}
