import type { Kysely } from 'kysely';
import type {
  AppliedWorkaround,
  ApplyWorkaroundBody,
  CreateProblemBody,
  ProblemIncidents,
} from '../../../domain/contracts/problems.js';
import { incidentTrend, type TrendPeriod } from '../../../domain/problems/incident-trend.js';
import type { ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';
import { problemRefusal } from '../../../domain/problems/problem-refusals.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB, ProblemRow, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, type FieldError, notFound, validationError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import type { FieldChange, TicketHistory } from '../tickets/ticket-history.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import { linkRefusalError, refusalToLink } from './incident-link-refusals.js';
import * as repo from './problems.repository.js';
import type { ProblemsService } from './problems.service.js';

/** A closed or cancelled problem takes no more incidents: its story is over. */
const FINAL: readonly ProblemStatus[] = ['closed', 'cancelled'];

/** The ticket's side of a link: an internal event (a requester never reads the problem's number). */
const linkedEvent = (problem: { number: string }) => ({
  kind: 'problem_linked',
  internal: true,
  changes: [{ field: 'problem', from: null, to: problem.number }],
});

/**
 * The incidents behind a problem and its workaround applied to them. One problem per incident
 * (as Freshservice): an incident already behind another problem is refused, not moved. Any
 * incident may be linked whatever its status — a closed one still counts as evidence — and
 * linking goes through `TicketsService`, so each ticket's timeline says so in the same transaction.
 */
export class ProblemIncidentsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly problems: ProblemsService,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
    private readonly conversation: ConversationService,
    private readonly history: TicketHistory,
  ) {
    problems.whenPublicWordingChanges((trx, ctx, problem) => this.tellOpenIncidents(trx, ctx, problem.id));
  }

  /**
   * A staff-only `known_issue_updated` event on each open incident behind the problem, in the
   * problem's change: the mail notifier tells each requester the new public wording, once.
   */
  private async tellOpenIncidents(trx: Kysely<DB>, ctx: RequestContext, problemId: string): Promise<void> {
    for (const incident of await repo.incidentsOf(trx, problemId)) {
      if (!isOpen(incident.status)) continue;
      await this.history.record(trx, ctx, incident.id, { kind: 'known_issue_updated', internal: true, changes: [] });
    }
  }

  async incidents(_ctx: RequestContext, problemId: string, per: TrendPeriod = 'week'): Promise<ProblemIncidents> {
    await this.problems.find(problemId);
    const rows = await repo.incidentsOf(this.db, problemId);
    const organizations = new Map<string, { id: string; name: string; count: number }>();
    for (const row of rows) {
      const entry = organizations.get(row.organization_id) ?? {
        id: row.organization_id,
        name: row.organization_name,
        count: 0,
      };
      entry.count += 1;
      organizations.set(row.organization_id, entry);
    }
    return {
      items: rows.map((row) => ({
        id: row.id,
        number: row.number,
        subject: row.subject,
        status: row.status,
        organization: { id: row.organization_id, name: row.organization_name },
        service: row.service_id && row.service_name !== null ? { id: row.service_id, name: row.service_name } : null,
        createdAt: row.created_at,
        linkedAt: row.linked_at,
      })),
      organizations: [...organizations.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      trend: incidentTrend(
        rows.map((row) => row.created_at),
        per,
      ),
    };
  }

  /**
   * Links incidents to the problem, all or none: every refused id is named (`ticketIds[i]`) and
   * nothing is written. An incident already behind this problem is left as it is.
   */
  async link(ctx: RequestContext, problemId: string, ticketIds: readonly string[]): Promise<ProblemIncidents> {
    const problem = await this.problems.find(problemId);
    if (FINAL.includes(problem.status)) {
      const message = `The problem is ${problem.status}; it takes no more incidents`;
      throw new AppError('conflict', message, {
        errors: [problemRefusal('ticketIds', 'problem_over', message, { status: problem.status })],
      });
    }
    const existing = new Map((await repo.linksOfTickets(this.db, ticketIds)).map((row) => [row.ticket_id, row]));
    const issues: FieldError[] = [];
    const toLink: TicketRow[] = [];
    for (const [i, ticketId] of ticketIds.entries()) {
      const ticket = await this.reads.visible(ctx, ticketId);
      const refusal = refusalToLink(ticket, ticketId, problem, existing.get(ticketId));
      if (refusal) issues.push(linkRefusalError(`ticketIds[${i}]`, refusal));
      else if (ticket && existing.get(ticketId)?.problem_id !== problem.id) toLink.push(ticket);
    }
    if (issues.length > 0) throw validationError(issues);
    if (toLink.length > 0) {
      const at = this.clock.now().toISOString();
      await this.tickets.annotateAll(
        ctx,
        toLink.map((ticket) => ({ ticketId: ticket.id, event: linkedEvent(problem) })),
        async (trx) => {
          await repo.insertIncidents(
            trx,
            toLink.map((ticket) => ({
              ticket_id: ticket.id,
              problem_id: problem.id,
              linked_by_id: ctx.principal?.userId ?? null,
              linked_at: at,
            })),
          );
          await this.problems.recordAlongside(trx, ctx, problem, {
            kind: 'incidents_linked',
            changes: [{ field: 'incidents', from: null, to: toLink.map((ticket) => ticket.number) }],
          });
        },
      );
    }
    return this.incidents(ctx, problemId);
  }

  /**
   * Records a problem and links incidents to it in ONE transaction (accepting a problem candidate):
   * a link that fails leaves no problem behind. `alongside` writes the caller's own part (the
   * candidate's decision) in the same transaction. The incidents are checked as `link` checks them.
   */
  async createWithIncidents(
    ctx: RequestContext,
    body: CreateProblemBody,
    ticketIds: readonly string[],
    alongside?: (trx: Kysely<DB>, problem: ProblemRow) => Promise<void>,
  ): Promise<string> {
    const existing = new Map((await repo.linksOfTickets(this.db, ticketIds)).map((row) => [row.ticket_id, row]));
    const issues: FieldError[] = [];
    const toLink: TicketRow[] = [];
    for (const [i, ticketId] of ticketIds.entries()) {
      const ticket = await this.reads.visible(ctx, ticketId);
      const refusal = refusalToLink(ticket, ticketId, { id: '' }, existing.get(ticketId));
      if (refusal) issues.push(linkRefusalError(`ticketIds[${i}]`, refusal));
      else if (ticket) toLink.push(ticket);
    }
    if (issues.length > 0) throw validationError(issues);
    const prepared = await this.problems.prepare(ctx, body);
    // The problem's number is drawn inside the transaction, after the tickets' events are listed:
    // the events are filled in once it is known, before annotateAll records them.
    const events = toLink.map(() => ({ kind: 'problem_linked', internal: true, changes: [] as FieldChange[] }));
    let created: ProblemRow | undefined;
    await this.tickets.annotateAll(
      ctx,
      toLink.map((ticket, i) => ({ ticketId: ticket.id, event: events[i] as (typeof events)[number] })),
      async (trx) => {
        const problem = await this.problems.insert(trx, ctx, body, prepared);
        created = problem;
        for (const event of events) event.changes.push(...linkedEvent(problem).changes);
        await repo.insertIncidents(
          trx,
          toLink.map((ticket) => ({
            ticket_id: ticket.id,
            problem_id: problem.id,
            linked_by_id: ctx.principal?.userId ?? null,
            linked_at: prepared.at,
          })),
        );
        await this.problems.recordAlongside(trx, ctx, problem, {
          kind: 'incidents_linked',
          changes: [{ field: 'incidents', from: null, to: toLink.map((ticket) => ticket.number) }],
        });
        await alongside?.(trx, problem);
      },
    );
    if (!created) throw new Error('The problem was not recorded');
    return created.id;
  }

  async unlink(ctx: RequestContext, problemId: string, ticketId: string): Promise<ProblemIncidents> {
    const problem = await this.problems.find(problemId);
    const ticket = await this.reads.findVisible(ctx, ticketId);
    await this.tickets.annotate(
      ctx,
      ticketId,
      { kind: 'problem_unlinked', internal: true, changes: [{ field: 'problem', from: problem.number, to: null }] },
      async (trx) => {
        if (!(await repo.deleteIncident(trx, problemId, ticketId))) throw notFound('Linked incident');
        await this.problems.recordAlongside(trx, ctx, problem, {
          kind: 'incident_unlinked',
          changes: [{ field: 'incidents', from: [ticket.number], to: null }],
        });
      },
    );
    return this.incidents(ctx, problemId);
  }

  /**
   * Posts the workaround on an incident — the public wording as a reply to its requester, or the
   * desk's wording as a note — through the conversation, links the incident when it is not yet,
   * and counts the application, all in the message's transaction.
   *
   * Once per incident and way: an agent who double-clicks "Apply" (or whose first request timed
   * out) means the one application, so a repeat is answered with what the first did
   * (`alreadyApplied`, 200) rather than refused — nothing is posted or counted again, and the
   * screen shows the workaround as applied either way. Posting the other way (a note after the
   * reply) is another audience, so it is posted, but the incident counts once.
   */
  async applyWorkaround(ctx: RequestContext, problemId: string, body: ApplyWorkaroundBody): Promise<AppliedWorkaround> {
    const problem = await this.problems.find(problemId);
    // A note may fall back on the public wording; a reply never carries the desk's.
    const wording =
      body.as === 'reply'
        ? problem.workaround_public_html
        : (problem.workaround_desk_html ?? problem.workaround_public_html);
    if (!wording) {
      throw validationError([
        body.as === 'reply'
          ? problemRefusal('as', 'no_public_workaround', 'the problem has no public wording of its workaround')
          : problemRefusal('as', 'no_workaround', 'the problem has no workaround'),
      ]);
    }
    const ticket = await this.reads.findVisible(ctx, body.ticketId).catch(() => {
      throw validationError([
        problemRefusal('ticketId', 'no_such_ticket', 'no such ticket', { number: body.ticketId }),
      ]);
    });
    const [link] = await repo.linksOfTickets(this.db, [ticket.id]);
    const refusal = refusalToLink(ticket, ticket.id, problem, link);
    if (refusal)
      throw new AppError('conflict', `${ticket.number}: ${refusal.message}`, {
        errors: [linkRefusalError('ticketId', refusal, false)],
      });
    const earlier = (await repo.workaroundApplications(this.db, problem.id)).find(
      (applied) => applied.incident === ticket.number && applied.as === body.as,
    );
    if (earlier) return this.appliedBefore(problem.id, ticket.id, body.as, earlier.messageId);
    let applications = problem.workaround_applications;
    try {
      const message = await this.conversation.post(
        ctx,
        ticket.id,
        body.as,
        { bodyHtml: wording },
        async (trx, messageId) => {
          // Checked again under the problem's lock: the double click's twin request waits here.
          await repo.holdProblem(trx, problem.id);
          const applied = (await repo.workaroundApplications(trx, problem.id)).filter(
            (earlierOne) => earlierOne.incident === ticket.number,
          );
          const same = applied.find((earlierOne) => earlierOne.as === body.as);
          if (same) throw new AppliedBefore(same.messageId);
          if (!link) {
            await repo.insertIncidents(trx, [
              {
                ticket_id: ticket.id,
                problem_id: problem.id,
                linked_by_id: ctx.principal?.userId ?? null,
                linked_at: this.clock.now().toISOString(),
              },
            ]);
            // A reply carries the public workaround to the requester: that mail is the one they get.
            await this.history.record(trx, ctx, ticket.id, { ...linkedEvent(problem), quiet: body.as === 'reply' });
          }
          applications =
            applied.length === 0
              ? await repo.countWorkaroundApplication(trx, problem.id)
              : (await this.problems.find(problem.id, trx)).workaround_applications;
          await this.problems.recordAlongside(trx, ctx, problem, {
            kind: 'workaround_applied',
            changes: [
              { field: 'incident', from: null, to: ticket.number },
              { field: 'as', from: null, to: body.as },
              { field: 'message', from: null, to: messageId },
            ],
          });
        },
      );
      return {
        messageId: message.id,
        ticketId: ticket.id,
        as: body.as,
        workaroundApplications: applications,
        alreadyApplied: false,
      };
    } catch (error) {
      if (error instanceof AppliedBefore) return this.appliedBefore(problem.id, ticket.id, body.as, error.messageId);
      throw error;
    }
  }

  private async appliedBefore(
    problemId: string,
    ticketId: string,
    as: ApplyWorkaroundBody['as'],
    messageId: string | null,
  ): Promise<AppliedWorkaround> {
    const { workaround_applications } = await this.problems.find(problemId);
    return {
      messageId: messageId ?? '',
      ticketId,
      as,
      workaroundApplications: workaround_applications,
      alreadyApplied: true,
    };
  }
}

/** Thrown inside the applying transaction to roll it back: the same application is already there. */
class AppliedBefore extends Error {
  constructor(readonly messageId: string | null) {
    super('already applied');
  }
}
