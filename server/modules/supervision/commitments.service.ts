import type { Kysely } from 'kysely';
import type { Commitment, CreateCommitmentBody, NotificationKind } from '../../../domain/contracts/supervision.js';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import type { CommitmentTable, DB, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, type FieldError, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { UsersService } from '../users/users.service.js';
import { commitmentMessage } from './commitment-message.js';
import * as repo from './supervision.repository.js';
import type { PromisedProblems } from './supervision-ports.js';

const HOUR = 3_600_000;
const BATCH = 200;

/** The warning comes a quarter of the way before the date, and never more than two hours before. */
export const commitmentWarnAt = (createdAt: number, promisedAt: number) =>
  promisedAt - Math.min(2 * HOUR, (promisedAt - createdAt) / 4);

const toCommitment = (row: repo.CommitmentListRow): Commitment => ({
  id: row.id,
  ticketId: row.ticket_id,
  problemId: row.problem_id,
  promisedAt: row.promised_at,
  note: row.note,
  toldRequester: row.told_requester === 1,
  state: row.state,
  warnedAt: row.warned_at,
  brokenAt: row.broken_at,
  createdBy: { id: row.created_by_id, name: row.created_by_name },
  createdAt: row.created_at,
});

type CheckedRow = Omit<Awaited<ReturnType<typeof repo.ticketCommitmentsToCheck>>[number], 'case_status'> & {
  case_status: string;
};

/**
 * Commitments: a date promised for a late case — a ticket or a problem report — recorded by the
 * supervisor and tracked like a deadline of its own: warned before it comes, broken if it passes
 * with the case still open, kept if the case is resolved in time. A new one supersedes the open one.
 */
export class CommitmentsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly reads: TicketReadsService,
    private readonly conversation: ConversationService,
    private readonly history: TicketHistory,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly problems: PromisedProblems,
  ) {}

  async list(ctx: RequestContext, ticketId: string): Promise<Commitment[]> {
    await this.reads.findVisible(ctx, ticketId);
    return (await repo.commitmentsOf(this.db, { column: 'ticket_id', id: ticketId })).map(toCommitment);
  }

  async listOfProblem(problemId: string): Promise<Commitment[]> {
    await this.problems.find(problemId);
    return (await repo.commitmentsOf(this.db, { column: 'problem_id', id: problemId })).map(toCommitment);
  }

  /** A date promised for a problem report: no requester to tell, the event on the problem's timeline. */
  async createForProblem(ctx: RequestContext, problemId: string, body: CreateCommitmentBody): Promise<Commitment> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const problem = await this.problems.find(problemId);
    if (!OPEN_PROBLEM_STATUSES.includes(problem.status))
      throw new AppError('conflict', `The problem is ${problem.status}; nothing is left to promise`);
    if (body.tellRequester)
      throw validationError([{ field: 'tellRequester', message: 'a problem report has no requester to tell' }]);
    const row = this.newRow(principal.userId, body, { ticket_id: null, problem_id: problemId });
    await this.db.transaction().execute(async (trx) => {
      const previous = await repo.supersedeOpen(trx, { column: 'problem_id', id: problemId }, row.created_at);
      await repo.insertCommitment(trx, row);
      await this.problems.record(trx, ctx, problemId, {
        kind: 'commitment_made',
        changes: [
          { field: 'promisedAt', from: previous, to: row.promised_at },
          { field: 'note', from: null, to: row.note },
        ],
      });
    });
    return toCommitment({ ...row, created_by_name: principal.name });
  }

  /** The row of a new commitment, once its date and note are checked. */
  private newRow(
    userId: string,
    body: CreateCommitmentBody,
    subject: Pick<CommitmentTable, 'ticket_id' | 'problem_id'>,
  ): CommitmentTable {
    const at = this.clock.now();
    const promisedAt = Date.parse(body.promisedAt);
    const note = body.note.trim();
    const issues: FieldError[] = [];
    if (promisedAt <= at.getTime()) issues.push({ field: 'promisedAt', message: 'must be in the future' });
    if (!note) issues.push({ field: 'note', message: 'must not be blank' });
    if (issues.length > 0) throw validationError(issues);
    return {
      id: newId(at.getTime()),
      ...subject,
      promised_at: new Date(promisedAt).toISOString(),
      warn_at: new Date(commitmentWarnAt(at.getTime(), promisedAt)).toISOString(),
      note,
      told_requester: body.tellRequester ? 1 : 0,
      state: 'open',
      warned_at: null,
      broken_at: null,
      settled_at: null,
      created_by_id: userId,
      created_at: at.toISOString(),
    };
  }

  async create(ctx: RequestContext, ticketId: string, body: CreateCommitmentBody): Promise<Commitment> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const ticket = await this.reads.findVisible(ctx, ticketId);
    if (!isOpen(ticket.status))
      throw new AppError('conflict', `The ticket is ${ticket.status}; nothing is left to promise`);
    const row = this.newRow(principal.userId, body, { ticket_id: ticketId, problem_id: null });
    const note = row.note;
    const write = async (trx: Kysely<DB>) => {
      const previous = await repo.supersedeOpen(trx, { column: 'ticket_id', id: ticketId }, row.created_at);
      await repo.insertCommitment(trx, row);
      await this.history.record(trx, ctx, ticketId, {
        kind: 'commitment_made',
        internal: true,
        changes: [
          { field: 'promisedAt', from: previous, to: row.promised_at },
          { field: 'note', from: null, to: note },
        ],
      });
    };
    if (body.tellRequester) {
      // The reply and the commitment are one change: both are written or neither is.
      const { locale, timeZone } = await this.requesterView(ticket);
      await this.conversation.post(
        ctx,
        ticketId,
        'reply',
        { bodyHtml: commitmentMessage(locale, row.promised_at, timeZone, note) },
        write,
      );
    } else {
      await this.db.transaction().execute(write);
      this.history.publish(ticket, 'commitment', true);
    }
    return toCommitment({ ...row, created_by_name: principal.name });
  }

  /** The requester's language, and the zone of the agreement's calendar (the desk's hours). */
  private async requesterView(ticket: TicketRow): Promise<{ locale: 'es' | 'en'; timeZone: string }> {
    const locale = await repo.localeOf(this.db, ticket.requester_id);
    const timeZone = await repo.agreementTimeZoneOf(this.db, ticket.organization_id);
    return { locale: locale ?? 'es', timeZone: timeZone ?? 'UTC' };
  }

  /** The job's part: warnings due, dates passed, cases resolved, for tickets and problems. Each step happens once. */
  async check(): Promise<number> {
    const now = this.clock.now().toISOString();
    const [tickets, problems] = await Promise.all([
      repo.ticketCommitmentsToCheck(this.db, now, BATCH),
      repo.problemCommitmentsToCheck(this.db, now, BATCH),
    ]);
    let moved = 0;
    for (const row of [...tickets, ...problems]) if (await this.step(row, now)) moved++;
    return moved;
  }

  private async step(row: CheckedRow, now: string): Promise<boolean> {
    const resolved = row.case_status === 'resolved' || row.case_status === 'closed';
    if (resolved || row.case_status === 'cancelled') {
      const kept = resolved && row.case_resolved_at !== null && row.case_resolved_at <= row.promised_at;
      return repo.settleCommitment(this.db, row.id, { state: kept ? 'kept' : 'broken', settled_at: now });
    }
    const broken = row.promised_at <= now;
    return this.db.transaction().execute(async (trx) => {
      const changes = broken ? { state: 'broken' as const, broken_at: now, settled_at: now } : { warned_at: now };
      if (!(await repo.settleCommitment(trx, row.id, changes, !broken))) return false;
      await this.tell(trx, row, broken ? 'commitment_broken' : 'commitment_warning');
      return true;
    });
  }

  /** The line on the case's timeline, and a word to its maker, whoever works it and, once broken, the supervisors. */
  private async tell(trx: Kysely<DB>, commitment: CheckedRow, kind: NotificationKind): Promise<void> {
    const people = new Set([commitment.created_by_id]);
    if (commitment.case_worker_id) people.add(commitment.case_worker_id);
    if (kind === 'commitment_broken')
      for (const id of await this.users.activeIdsWithRole('supervisor', trx)) people.add(id);
    const changes = [{ field: 'promisedAt', from: null, to: commitment.promised_at }];
    if (commitment.problem_id) {
      await this.problems.record(trx, systemContext, commitment.problem_id, { kind, changes });
    } else if (commitment.ticket_id) {
      await this.history.record(trx, systemContext, commitment.ticket_id, {
        kind,
        internal: true,
        actorId: null,
        changes,
      });
    }
    const about = commitment.problem_id
      ? { problem_id: commitment.problem_id }
      : { ticket_id: commitment.ticket_id as string };
    await this.notifications.notify(trx, people, { ...about, kind, target: null, percent: null });
  }
}
