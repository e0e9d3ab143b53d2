import type { Kysely } from 'kysely';
import type {
  CreateProblemBody,
  Problem,
  ProblemEvent,
  ProblemListQuery,
  ProblemSummary,
  UpdateProblemBody,
} from '../../../domain/contracts/problems.js';
import type { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import { checkProblemTransition } from '../../../domain/problems/problem-lifecycle.js';
import { problemRefusal } from '../../../domain/problems/problem-refusals.js';
import { isStaff } from '../../../domain/roles.js';
import { derivePriority } from '../../../domain/tickets/priority.js';
import { formatTicketNumber, parseNumber } from '../../../domain/tickets/ticket-types.js';
import { nextCounterValue, nextCounterValueApart } from '../../db/counters.js';
import { problemSearchCondition } from '../../db/problem-search.js';
import type { DB, ProblemRow, ProblemTable } from '../../db/schema.js';
import { queryTerms } from '../../db/search-terms.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError, type FieldError, notFound, validationError } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { GroupsService } from '../support/groups.service.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import { changedFields } from '../tickets/ticket-history.js';
import type { UsersService } from '../users/users.service.js';
import { analysisColumns, checkFixReferences, newProblemRow, STAMPS, setChange } from './problem-changes.js';
import { type ProblemHistory, SEARCHED_COLUMNS } from './problem-history.js';
import {
  toProblem,
  toProblemAttachment,
  toProblemEvent,
  toProblemSummary,
  trackedProblemFields,
} from './problem-presenter.js';
import { DEADLINE_FIELDS, type ProblemSlaRecords } from './problem-sla-records.js';
import * as repo from './problems.repository.js';
import { knownIssueOf } from './problems-of-tickets.js';

/** A new problem checked and numbered-apart, ready for `ProblemsService.insert`. */
export interface PreparedProblem {
  descriptionHtml: string;
  fixReferences: ReturnType<typeof checkFixReferences>;
  impact: NonNullable<CreateProblemBody['impact']>;
  urgency: NonNullable<CreateProblemBody['urgency']>;
  priority: ProblemTable['priority'];
  at: string;
  numberedApart: number | undefined;
}

/** Told, inside the change's transaction, that what a problem's incidents' requesters may read of it changed. */
export type PublicWordingObserver = (trx: Kysely<DB>, ctx: RequestContext, problem: ProblemRow) => Promise<void>;

/**
 * Problem records: recording, analysing and moving them through their lifecycle. Every change is
 * checked, versioned, and written with its timeline event and audit record in one transaction.
 * Incidents and workarounds are `ProblemIncidentsService`'s; the known-error base `KnownErrorsService`'s.
 */
export class ProblemsService {
  private readonly wordingObservers: PublicWordingObserver[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly history: ProblemHistory,
    private readonly settings: SettingsService,
    private readonly organizations: OrganizationsService,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
    /** The attachments storage and its checks (size, type, archives, virus scan) are the conversation's. */
    private readonly conversation: ConversationService,
    /** The stored deadline, recomputed in the transaction of each change that moves it. */
    private readonly sla: ProblemSlaRecords,
  ) {}

  async create(ctx: RequestContext, body: CreateProblemBody): Promise<Problem> {
    const prepared = await this.prepare(ctx, body);
    const { id } = await this.db.transaction().execute((trx) => this.insert(trx, ctx, body, prepared));
    return this.get(ctx, id);
  }

  /**
   * Checks a new problem and draws what is drawn outside the transaction; `insert` writes it. Apart
   * so that another transaction (accepting a candidate with its incidents) can record one too.
   */
  async prepare(ctx: RequestContext, body: CreateProblemBody): Promise<PreparedProblem> {
    const descriptionHtml = sanitizeRichText(body.description);
    if (!descriptionHtml)
      throw validationError([{ field: 'description', message: 'is empty once unsafe content is removed' }]);
    await this.checkReferences(ctx, body);
    const fixReferences = checkFixReferences(body.fixReferences ?? []);
    const impact = body.impact ?? 'medium';
    const urgency = body.urgency ?? 'medium';
    const { priorityMatrix } = await this.settings.ticketSettings();
    const at = this.clock.now().toISOString();
    const numberedApart = await nextCounterValueApart(this.db, 'problem');
    return {
      descriptionHtml,
      fixReferences,
      impact,
      urgency,
      priority: derivePriority(impact, urgency, priorityMatrix),
      at,
      numberedApart,
    };
  }

  /** Writes a prepared problem with its timeline event, audit record and search entry, within `trx`. */
  async insert(
    trx: Kysely<DB>,
    ctx: RequestContext,
    body: CreateProblemBody,
    { descriptionHtml, fixReferences, impact, urgency, priority, at, numberedApart }: PreparedProblem,
  ): Promise<ProblemRow> {
    const sequence = numberedApart ?? (await nextCounterValue(trx, 'problem'));
    const row = newProblemRow(body, {
      id: newId(Date.parse(at)),
      sequence,
      descriptionHtml,
      fixReferences,
      impact,
      urgency,
      priority,
      createdById: ctx.principal?.userId ?? '',
      at,
    });
    await repo.insertProblem(trx, row);
    await repo.setOrganizations(trx, row.id, body.organizationIds ?? []);
    await repo.setServices(trx, row.id, body.serviceIds ?? []);
    const after = { ...trackedProblemFields(row), organizationIds: body.organizationIds ?? [] };
    await this.history.record(trx, ctx, row.id, {
      kind: 'created',
      changes: changedFields({}, { ...after, serviceIds: body.serviceIds ?? [] }),
    });
    await this.audit.record(trx, ctx, {
      action: 'problem.created',
      entityType: 'problem',
      entityId: row.id,
      after: { number: row.number, ...after, serviceIds: body.serviceIds ?? [] },
    });
    await this.history.reindex(trx, row);
    await this.sla.refresh(trx, row.id);
    return row;
  }

  async update(ctx: RequestContext, id: string, body: UpdateProblemBody): Promise<Problem> {
    const current = await this.find(id);
    const { version, status, organizationIds, serviceIds, ...fields } = body;
    await this.checkReferences(ctx, body);
    const changes: Partial<ProblemTable> = { ...analysisColumns(fields) };
    if (fields.subject !== undefined) changes.subject = fields.subject.trim();
    if (fields.description !== undefined) {
      const html = sanitizeRichText(fields.description);
      if (!html) throw validationError([{ field: 'description', message: 'is empty once unsafe content is removed' }]);
      changes.description_html = html;
    }
    if (fields.groupId !== undefined) changes.group_id = fields.groupId;
    if (fields.ownerId !== undefined) changes.owner_id = fields.ownerId;
    if (fields.fixReferences !== undefined)
      changes.fix_references = JSON.stringify(checkFixReferences(fields.fixReferences));
    if (fields.impact !== undefined || fields.urgency !== undefined) {
      changes.impact = fields.impact ?? current.impact;
      changes.urgency = fields.urgency ?? current.urgency;
      const { priorityMatrix } = await this.settings.ticketSettings();
      changes.priority = derivePriority(changes.impact, changes.urgency, priorityMatrix);
    }
    const at = this.clock.now().toISOString();
    if (status !== undefined && status !== current.status) {
      const next = { ...current, ...changes };
      const issues = checkProblemTransition(current.status, status, {
        workaroundDesk: next.workaround_desk_html,
        workaroundPublic: next.workaround_public_html,
        cause: next.cause_html,
        permanentFix: next.permanent_fix_html,
      });
      // A move the table forbids conflicts with the problem's state (409); a move it allows
      // but whose requirements are missing names the fields to fill (400).
      if (issues[0]?.field === 'status') throw new AppError('conflict', issues[0].message, { errors: issues });
      if (issues.length > 0) throw validationError(issues);
      changes.status = status;
      const stamp = STAMPS[status];
      if (stamp) changes[stamp] = at;
      if (status === 'investigating') changes.resolved_at = null;
    }
    const [organizationsBefore, servicesBefore] = await Promise.all([
      repo.organizationsOf(this.db, id),
      repo.servicesOf(this.db, id),
    ]);
    await this.db.transaction().execute(async (trx) => {
      const after = await repo.updateProblem(trx, id, version, { ...changes, updated_at: at });
      if (!after)
        throw new AppError('version_conflict', `The problem is at version ${current.version}, not ${version}`);
      const recorded = changedFields(trackedProblemFields(current), trackedProblemFields(after));
      if (organizationIds) {
        await repo.setOrganizations(trx, id, organizationIds);
        recorded.push(
          ...setChange(
            'organizationIds',
            organizationsBefore.map((o) => o.id),
            organizationIds,
          ),
        );
      }
      if (serviceIds) {
        await repo.setServices(trx, id, serviceIds);
        recorded.push(
          ...setChange(
            'serviceIds',
            servicesBefore.map((s) => s.id),
            serviceIds,
          ),
        );
      }
      // A request that changes nothing moves the version on (it was checked) but says nothing.
      if (recorded.length === 0) return;
      await this.history.record(trx, ctx, id, {
        kind: recorded.some((c) => c.field === 'status') ? 'status_changed' : 'updated',
        changes: recorded,
      });
      await this.audit.record(trx, ctx, {
        action: 'problem.updated',
        entityType: 'problem',
        entityId: id,
        before: Object.fromEntries(recorded.map((c) => [c.field, c.from])),
        after: Object.fromEntries(recorded.map((c) => [c.field, c.to])),
      });
      if (SEARCHED_COLUMNS.some((column) => after[column] !== current[column])) await this.history.reindex(trx, after);
      if (recorded.some((change) => DEADLINE_FIELDS.includes(change.field))) await this.sla.refresh(trx, id);
      // The public workaround appeared or changed (not merely went away): the requesters hear it.
      const told = knownIssueOf(after)?.workaroundHtml ?? null;
      if (told !== null && told !== (knownIssueOf(current)?.workaroundHtml ?? null))
        for (const observer of this.wordingObservers) await observer(trx, ctx, after);
    });
    return this.get(ctx, id);
  }

  /** `observer` runs whenever an update changes the public workaround the incidents' requesters may read. */
  whenPublicWordingChanges(observer: PublicWordingObserver): void {
    this.wordingObservers.push(observer);
  }

  async get(_ctx: RequestContext, id: string): Promise<Problem> {
    const row = await this.find(id);
    const [organizations, services, files] = await Promise.all([
      repo.organizationsOf(this.db, id),
      repo.servicesOf(this.db, id),
      this.conversation.problemFiles(id),
    ]);
    return toProblem(row, { organizations, services, attachments: files.map(toProblemAttachment) });
  }

  /** The stored problem with its names; 404 when there is none. */
  async find(id: string, db: Kysely<DB> = this.db): Promise<repo.NamedProblemRow> {
    const row = await repo.findProblem(db, id);
    if (!row) throw notFound('Problem');
    return row;
  }

  async list(
    _ctx: RequestContext,
    query: ProblemListQuery,
  ): Promise<{ items: ProblemSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, ['timestamp', 'id']);
    const filter: repo.ProblemListFilter = {
      statuses: query.status,
      priorities: query.priority,
      organizationId: query.organizationId,
      groupId: query.groupId,
      ownerId: query.ownerId,
      after,
      limit: limit + 1,
    };
    if (query.q?.trim()) {
      const number = parseNumber(query.q);
      const terms = queryTerms(query.q);
      if (number?.kind === 'problem') filter.number = formatTicketNumber('problem', number.sequence);
      else if (terms.length > 0) filter.text = problemSearchCondition(this.db, terms);
    }
    const rows = await repo.listProblems(this.db, filter);
    const page = pageOf(rows, limit, (row) => [row.updated_at, row.id]);
    return { items: page.items.map(toProblemSummary), nextCursor: page.nextCursor };
  }

  async timeline(
    _ctx: RequestContext,
    id: string,
    cursor: string | undefined,
    limit = 200,
  ): Promise<{ items: ProblemEvent[]; nextCursor: string | null }> {
    // A malformed cursor is bad input whatever the problem: judged before looking the problem up.
    const [afterId] = decodeCursor(cursor, ['id']) ?? [];
    await this.find(id);
    const rows = await repo.listEvents(this.db, id, afterId === undefined ? undefined : String(afterId), limit + 1);
    const page = pageOf(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toProblemEvent), nextCursor: page.nextCursor };
  }

  /** "Why is it due then?": the agreement chosen among the affected organizations', and its plan. */
  explainSla(_ctx: RequestContext, id: string): Promise<ProblemSlaExplanation> {
    return this.sla.explain(this.db, id);
  }

  /** A staff note on the problem's timeline (problems are staff-only, so every note is). */
  async addNote(ctx: RequestContext, id: string, bodyHtml: string): Promise<ProblemEvent> {
    await this.find(id);
    const html = sanitizeRichText(bodyHtml);
    if (!html) throw validationError([{ field: 'bodyHtml', message: 'is empty once unsafe content is removed' }]);
    const eventId = await this.db.transaction().execute(async (trx) => {
      const recorded = await this.history.record(trx, ctx, id, { kind: 'note', bodyHtml: html });
      await repo.touchProblem(trx, id, this.clock.now().toISOString());
      return recorded;
    });
    return toProblemEvent(await repo.findEvent(this.db, eventId));
  }

  /** Attaches the caller's own uploads (POST /attachments) to the problem, with a timeline event. */
  async attach(ctx: RequestContext, id: string, attachmentIds: string[]): Promise<Problem> {
    await this.find(id);
    const uploaderId = ctx.principal?.userId ?? '';
    await this.db.transaction().execute(async (trx) => {
      const files = await this.conversation.bindUploadsToProblem(trx, uploaderId, attachmentIds, id);
      await this.history.record(trx, ctx, id, {
        kind: 'attachments_added',
        changes: [{ field: 'attachments', from: null, to: files.map((file) => file.file_name) }],
      });
      await repo.touchProblem(trx, id, this.clock.now().toISOString());
    });
    return this.get(ctx, id);
  }

  /** Within a linking or applying transaction (ProblemIncidentsService): the problem's own side of it. */
  async recordAlongside(
    trx: Kysely<DB>,
    ctx: RequestContext,
    problem: ProblemRow,
    event: { kind: string; changes: { field: string; from: unknown; to: unknown }[] },
  ): Promise<void> {
    await this.history.record(trx, ctx, problem.id, event);
    await repo.touchProblem(trx, problem.id, this.clock.now().toISOString());
  }

  private async checkReferences(
    ctx: RequestContext,
    body: Pick<CreateProblemBody, 'organizationIds' | 'serviceIds' | 'groupId' | 'ownerId'>,
  ): Promise<void> {
    const issues: FieldError[] = [];
    for (const [i, organizationId] of (body.organizationIds ?? []).entries()) {
      const found = await this.organizations.get(ctx, organizationId).catch(() => undefined);
      if (!found) issues.push({ field: `organizationIds[${i}]`, message: `no such organization ${organizationId}` });
    }
    for (const [i, serviceId] of (body.serviceIds ?? []).entries()) {
      if (!(await this.organizations.findService(serviceId)))
        issues.push({ field: `serviceIds[${i}]`, message: `no such service ${serviceId}` });
    }
    if (body.groupId && !(await this.groups.get(body.groupId).catch(() => undefined)))
      issues.push(problemRefusal('groupId', 'no_such_group', 'no such support group'));
    if (body.ownerId) {
      const owner = await this.users.findActiveById(body.ownerId);
      if (!owner || !isStaff(owner.roles))
        issues.push(problemRefusal('ownerId', 'owner_not_on_desk', 'must be an active member of the desk'));
    }
    if (issues.length > 0) throw validationError(issues);
  }
}
