import type { Kysely } from 'kysely';
import type {
  BoardProblem,
  BoardTicket,
  Compliance,
  ComplianceQuery,
  ProblemSupervisionQuery,
  ProblemSupervisionSummary,
  ProblemSupervisionSummaryQuery,
  SupervisionQuery,
  SupervisionSummary,
  SupervisionSummaryQuery,
  SupervisionView,
} from '../../../domain/contracts/supervision.js';
import { OPEN_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import type { SortKey } from '../../db/dialect.js';
import type { ReportReader } from '../../db/reports.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { type CursorValue, decodeCursor, pageOf } from '../../platform/cursor.js';
import { ticketScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import { toSummary } from '../tickets/ticket-presenter.js';
import type { TicketListFilter, TicketListRow, TicketReadsService } from '../tickets/ticket-reads.service.js';
import * as problemBoard from './problem-board.repository.js';
import * as repo from './supervision.repository.js';

interface Order {
  sort: SortKey[];
  /** What each value of the cursor is, as `cursorOf` writes it. */
  cursor: CursorValue[];
  cursorOf: (row: TicketListRow) => (string | number)[];
}
const BY_DUE: Order = {
  sort: [
    { column: 'tickets.next_due_at', direction: 'asc' },
    { column: 'tickets.id', direction: 'asc' },
  ],
  cursor: ['timestamp', 'id'],
  cursorOf: (row) => [row.next_due_at ?? '', row.id],
};
const BY_AGE: Order = {
  sort: [{ column: 'tickets.id', direction: 'asc' }],
  cursor: ['id'],
  cursorOf: (row) => [row.id],
};

/** What each view of the board shows, and in which order: the most overdue first where there is a deadline. */
const VIEWS: Record<SupervisionView, { filter: Partial<TicketListFilter>; order: Order }> = {
  at_risk: { filter: { slaStates: ['warning'] }, order: BY_DUE },
  breached: { filter: { slaStates: ['breached'] }, order: BY_DUE },
  paused: { filter: { slaStates: ['paused'] }, order: BY_AGE },
  escalated: { filter: { escalatedToSupervision: true }, order: BY_AGE },
  commitments: { filter: { withOpenCommitment: true }, order: BY_AGE },
};

type Bucket = SupervisionSummary['byGroup'][number];

const PRIORITIES = [1, 2, 3, 4] as const;

/** Met over met + breached, to a tenth of a percent; null with nothing measured. */
const percentOf = (met: number, breached: number) => ({
  met,
  breached,
  percent: met + breached > 0 ? Math.round((1000 * met) / (met + breached)) / 10 : null,
});

/** The supervisor's console: the board of tickets that need attention, its counts, and compliance. */
export class SupervisionService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    /** Where the month's compliance reads (a standby, when one is configured). */
    private readonly report: ReportReader,
    private readonly tickets: TicketReadsService,
  ) {}

  async board(
    ctx: RequestContext,
    query: SupervisionQuery,
  ): Promise<{ items: BoardTicket[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const view = VIEWS[query.view];
    const rows = await this.tickets.listRows({
      scope: ticketScope(ctx),
      statuses: OPEN_STATUSES,
      organizationId: query.organizationId,
      groupIds: query.groupId ? [query.groupId] : undefined,
      assigneeId: query.assigneeId,
      levels: query.level ? [query.level] : undefined,
      ...view.filter,
      sort: view.order.sort,
      after: decodeCursor(query.cursor, view.order.cursor),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, view.order.cursorOf);
    const ids = page.items.map((row) => row.id);
    const now = this.clock.now().getTime();
    const [tags, commitments] = await Promise.all([this.tickets.tagsOf(ids), repo.openCommitmentsOf(this.db, ids)]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const commitment = commitments.find((c) => c.ticket_id === row.id);
        const summary = toSummary(
          row,
          tags.filter((t) => t.ticket_id === row.id).map((t) => t.tag),
          now,
        );
        return {
          ...summary,
          sla: {
            ...summary.sla,
            firstResponseDueAt: row.first_response_due_at,
            resolutionDueAt: row.resolution_due_at,
            escalatedAt: row.sla_escalated_at,
          },
          commitment: commitment
            ? { id: commitment.id, promisedAt: commitment.promised_at, warnedAt: commitment.warned_at }
            : null,
          version: row.version,
        };
      }),
    };
  }

  /** The board's Problems view: open problem reports at risk, breached or promised, in keyset pages. */
  async problems(query: ProblemSupervisionQuery): Promise<{ items: BoardProblem[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const byDue = query.view !== 'commitments';
    const rows = await problemBoard.listBoardProblems(this.db, query.view, {
      organizationId: query.organizationId,
      groupId: query.groupId,
      after: decodeCursor(query.cursor, byDue ? ['timestamp', 'id'] : ['id']),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => (byDue ? [row.resolution_due_at ?? '', row.id] : [row.id]));
    const ids = page.items.map((row) => row.id);
    const [organizations, commitments] = await Promise.all([
      problemBoard.organizationsOfProblems(this.db, ids),
      problemBoard.openCommitmentsOfProblems(this.db, ids),
    ]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const commitment = commitments.find((c) => c.problem_id === row.id);
        return {
          id: row.id,
          number: row.number,
          subject: row.subject,
          status: row.status,
          priority: row.priority,
          owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
          group: row.group_id ? { id: row.group_id, name: row.group_name ?? '' } : null,
          organizations: organizations.filter((o) => o.problem_id === row.id).map((o) => ({ id: o.id, name: o.name })),
          sla: { state: row.sla_state, resolutionDueAt: row.resolution_due_at, escalatedAt: row.sla_escalated_at },
          commitment: commitment
            ? { id: commitment.id, promisedAt: commitment.promised_at, warnedAt: commitment.warned_at }
            : null,
        };
      }),
    };
  }

  problemSummary(query: ProblemSupervisionSummaryQuery): Promise<ProblemSupervisionSummary> {
    return problemBoard.countBoardProblems(this.db, query);
  }

  async summary(query: SupervisionSummaryQuery): Promise<SupervisionSummary> {
    const [rows, escalated, commitments] = await Promise.all([
      repo.countByPlace(this.db, query),
      repo.countEscalated(this.db, query),
      repo.countOpenCommitments(this.db, query),
    ]);
    const totals = { atRisk: 0, breached: 0, paused: 0, escalated, commitments };
    const buckets = {
      byOrganization: new Map<string, Bucket>(),
      byGroup: new Map<string, Bucket>(),
      byAgent: new Map<string, Bucket>(),
      byLevel: new Map<string, Bucket>(),
    };
    const add = (
      map: Map<string, Bucket>,
      id: string | null,
      name: string | null,
      field: keyof typeof totals,
      n: number,
    ) => {
      const key = id ?? '';
      const bucket = map.get(key) ?? { id, name, atRisk: 0, breached: 0, paused: 0 };
      bucket[field as 'atRisk'] += n;
      map.set(key, bucket);
    };
    for (const row of rows) {
      const field = row.sla_state === 'warning' ? 'atRisk' : row.sla_state === 'breached' ? 'breached' : 'paused';
      const n = Number(row.count);
      totals[field] += n;
      add(buckets.byOrganization, row.organization_id, row.organization_name, field, n);
      add(buckets.byGroup, row.group_id, row.group_name, field, n);
      add(buckets.byAgent, row.assignee_id, row.assignee_name, field, n);
      add(buckets.byLevel, row.level, row.level, field, n);
    }
    // The worst first: most breached, then most at risk.
    const ordered = (map: Map<string, Bucket>) =>
      [...map.values()].sort((a, b) => b.breached - a.breached || b.atRisk - a.atRisk || b.paused - a.paused);
    return {
      totals,
      byOrganization: ordered(buckets.byOrganization),
      byGroup: ordered(buckets.byGroup),
      byAgent: ordered(buckets.byAgent),
      byLevel: [...buckets.byLevel.values()].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    };
  }

  /**
   * Targets met this month (UTC) per organization with an agreement; problem reports apart, per
   * priority, cut by the same month.
   */
  async compliance(query: ComplianceQuery): Promise<Compliance> {
    const month = query.month ?? this.clock.now().toISOString().slice(0, 7);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(year, monthNumber - 1, 1)).toISOString();
    const to = new Date(Date.UTC(year, monthNumber, 1)).toISOString();
    const [data, problems] = await this.report((db) =>
      Promise.all([repo.complianceBetween(db, from, to), problemBoard.problemComplianceBetween(db, from, to)]),
    );
    const outcome = (rows: typeof data.firstResponse, organizationId: string) => {
      const row = rows.find((r) => r.organization_id === organizationId);
      return percentOf(Number(row?.met ?? 0), Number(row?.breached ?? 0));
    };
    return {
      month,
      items: data.organizations.map((organization) => ({
        organization,
        firstResponse: outcome(data.firstResponse, organization.id),
        resolution: outcome(data.resolution, organization.id),
      })),
      problems: PRIORITIES.map((priority) => {
        const row = problems.find((r) => Number(r.priority) === priority);
        const met = Number(row?.met ?? 0);
        const breached = Number(row?.breached ?? 0);
        return { priority, resolved: Number(row?.resolved ?? 0), ...percentOf(met, breached) };
      }),
    };
  }
}
