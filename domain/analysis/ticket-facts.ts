import type { CommitmentState } from '../contracts/supervision.js';
import { type BusinessCalendar, businessMinutesBetween } from '../sla/business-calendar.js';
import { type SlaInput, type StatusChange, stoppedIntervals } from '../sla/sla-clock.js';
import type { SupportLevel } from '../support/support-levels.js';
import type { Priority } from '../tickets/priority.js';
import { OPEN_STATUSES, type TicketStatus } from '../tickets/ticket-lifecycle.js';
import type { Channel, TicketType } from '../tickets/ticket-types.js';
import { AGING_BUCKETS, type AgingBucketId, type Dimension } from './kpi-catalog.js';
import { monthEnd, monthOf, monthsFromTo } from './months.js';

/**
 * The facts one ticket contributes to the monthly figures (issue 21, item 3), computed from its
 * history as plain data — what the tickets, ticket_events, escalations, procedure_applications,
 * commitments and survey tables hold. Pure and "as of" an instant: events after `asOf` are not
 * seen, so a past month is figured as it stood at its close. An imported ticket goes through
 * exactly the same code as a native one; `imported` is only carried along.
 */
export interface TicketHistory {
  id: string;
  organizationId: string;
  type: TicketType;
  channel: Channel;
  priority: Priority;
  serviceId: string | null;
  categoryId: string | null;
  groupId: string | null;
  agentId: string | null;
  createdAt: number;
  /** Every status the ticket had, oldest first, the first one at creation (as the SLA clock reads it). */
  statusHistory: StatusChange[];
  /** The desk's first public reply. */
  firstResponseAt: number | null;
  /** Raised and resolved in the same contact (tickets.first_contact). */
  firstContact: boolean;
  levelAtCreation: SupportLevel | null;
  /** Moves between groups (the escalations table), oldest first. */
  escalations: { at: number; kind: 'escalation' | 'return' | 'transfer'; toLevel: SupportLevel }[];
  /** The first procedure application on the ticket. */
  procedureAppliedAt: number | null;
  /** The agreement's targets for this ticket's priority and type, in business minutes; null without an agreement. */
  slaTargets: { firstResponseMinutes: number; resolutionMinutes: number } | null;
  /** Met flags as recorded by the tool a ticket was imported from, used only when there are no targets to judge by. */
  recordedSla?: { firstResponseMet: boolean | null; resolutionMet: boolean | null };
  commitments: { state: CommitmentState; settledAt: number | null; brokenAt: number | null }[];
  /** The 1–5 rating of the ticket's satisfaction survey. */
  satisfaction: { rating: number; answeredAt: number } | null;
  /** When the incident was linked to a problem. */
  linkedToProblemAt: number | null;
  imported: boolean;
}

export interface FactsContext {
  calendar: BusinessCalendar;
  /** Days a resolved ticket may be reopened (settings.reopenDays). */
  reopenWindowDays: number;
  /** The instant the ticket is seen at, not before its creation; nothing after it counts. */
  asOf: number;
  /** The agreement's pausing reasons; by default waiting on the requester or a third party, as the SLA clock. */
  pausesClock?: SlaInput['pausesClock'];
}

export interface DurationFact {
  month: string;
  /** Business minutes, rounded to the minute (the aggregates keep minute lists). */
  minutes: number;
  /** Against the agreement's target for the ticket's priority; null without one. */
  withinTarget: boolean | null;
  /** SLA met: `withinTarget`, or the imported tool's flag when there is no target. */
  slaMet: boolean | null;
}

export interface ResolutionFact extends DurationFact {
  /** Resolved in the first contact and never reopened. */
  firstContact: boolean;
  l1WithoutEscalation: boolean;
  escalated: boolean;
  procedureAtFirstContact: boolean;
}

export interface TicketFacts {
  ticketId: string;
  organizationId: string;
  imported: boolean;
  /**
   * The value of each dimension, "-" when the ticket has none (no group yet, no agent). One value
   * per dimension for all the ticket's facts: the service, category, group and agent it holds now
   * (the tables keep no history of them), the level it was resolved at or holds at `asOf`.
   */
  dimensions: Record<Dimension, string>;
  created: { month: string; incident: boolean; linkedToProblem: boolean };
  firstResponse: DurationFact | null;
  /** The resolution that stands as of `asOf` (the latest one, when the ticket is resolved or closed). */
  resolution: ResolutionFact | null;
  /** Every resolution, in its own month, and whether it was reopened within the window. */
  resolutions: { month: string; reopened: boolean }[];
  /** The months at whose close (or at `asOf`, for the running month) the ticket was open. */
  backlog: { month: string; bucket: AgingBucketId }[];
  /** Commitments kept or broken, in the month they settled. */
  commitments: { month: string; kept: boolean }[];
  satisfaction: { month: string; rating: number } | null;
}

export const NO_VALUE = '-';
const DAY = 86_400_000;
const RESOLVED: readonly TicketStatus[] = ['resolved', 'closed'];

const isResolved = (status: string) => (RESOLVED as readonly string[]).includes(status);
const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
const seen = (at: number | null, asOf: number) => (at !== null && at <= asOf ? at : null);

export function ticketFacts(ticket: TicketHistory, context: FactsContext): TicketFacts {
  const { asOf, calendar } = context;
  const zone = calendar.timeZone;
  const history = ticket.statusHistory.filter((change) => change.at <= asOf);
  const escalations = ticket.escalations.filter((move) => move.at <= asOf);
  const firstResponseAt = seen(ticket.firstResponseAt, asOf);
  const clockInput: SlaInput = {
    createdAt: ticket.createdAt,
    history,
    firstResponseAt,
    ...(context.pausesClock ? { pausesClock: context.pausesClock } : {}),
  };
  const { paused, done } = stoppedIntervals(clockInput);
  // A resolution begins each spell of resolved-or-closed; a tool we imported from may have closed
  // a ticket without a resolved step, and that close is its resolution.
  const resolutionsAt = history.filter((c, i) => isResolved(c.status) && !isResolved(history[i - 1]?.status ?? ''));
  const firstResolvedAt = resolutionsAt[0]?.at ?? null;

  // The first-response clock stops at the first reply, or at the first resolution without one. A
  // ticket cancelled unanswered was never responded to, so it has no first response here.
  const answeredAt = minOf(firstResponseAt, firstResolvedAt);
  const firstResponse =
    answeredAt === null
      ? null
      : durationFact(
          monthOf(answeredAt, zone),
          businessMinutesBetween(calendar, ticket.createdAt, answeredAt, paused),
          ticket.slaTargets?.firstResponseMinutes,
          ticket.recordedSla?.firstResponseMet,
        );

  const current = history[history.length - 1];
  const standingAt = current && isResolved(current.status) ? (resolutionsAt.at(-1)?.at ?? null) : null;
  const escalated = escalations.some((move) => move.kind === 'escalation');
  const levelAt = (at: number) => escalations.filter((m) => m.at <= at).at(-1)?.toLevel ?? ticket.levelAtCreation;
  const level = levelAt(standingAt ?? asOf);
  let resolution: ResolutionFact | null = null;
  if (standingAt !== null) {
    // As the resolution clock counts it: pauses and earlier resolved spells (before a reopening) left out.
    const minutes = businessMinutesBetween(calendar, ticket.createdAt, standingAt, [...paused, ...done]);
    const procedureAt = seen(ticket.procedureAppliedAt, asOf);
    resolution = {
      ...durationFact(
        monthOf(standingAt, zone),
        minutes,
        ticket.slaTargets?.resolutionMinutes,
        ticket.recordedSla?.resolutionMet,
      ),
      firstContact: ticket.firstContact && resolutionsAt.length === 1,
      l1WithoutEscalation: level === 'L1' && !escalated,
      escalated,
      procedureAtFirstContact: procedureAt !== null && answeredAt !== null && procedureAt <= answeredAt,
    };
  }

  const windowMs = context.reopenWindowDays * DAY;
  const resolutions = resolutionsAt.map((change) => {
    const next = history.find((c) => c.at > change.at && !isResolved(c.status));
    return { month: monthOf(change.at, zone), reopened: next !== undefined && next.at - change.at <= windowMs };
  });

  const linkedAt = seen(ticket.linkedToProblemAt, asOf);
  const answered = seen(ticket.satisfaction?.answeredAt ?? null, asOf);
  return {
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    imported: ticket.imported,
    dimensions: {
      service: ticket.serviceId ?? NO_VALUE,
      category: ticket.categoryId ?? NO_VALUE,
      group: ticket.groupId ?? NO_VALUE,
      channel: ticket.channel,
      level: level ?? NO_VALUE,
      type: ticket.type,
      priority: String(ticket.priority),
      agent: ticket.agentId ?? NO_VALUE,
    },
    created: {
      month: monthOf(ticket.createdAt, zone),
      incident: ticket.type === 'incident',
      linkedToProblem: ticket.type === 'incident' && linkedAt !== null,
    },
    firstResponse,
    resolution,
    resolutions,
    backlog: backlogMonths(ticket.createdAt, history, asOf, zone),
    commitments: commitmentFacts(ticket.commitments, asOf, zone),
    satisfaction:
      ticket.satisfaction && answered !== null
        ? { month: monthOf(answered, zone), rating: ticket.satisfaction.rating }
        : null,
  };
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

function durationFact(
  month: string,
  exactMinutes: number,
  targetMinutes: number | undefined,
  recordedMet: boolean | null | undefined,
): DurationFact {
  const withinTarget = targetMinutes === undefined ? null : exactMinutes <= targetMinutes;
  return { month, minutes: Math.round(exactMinutes), withinTarget, slaMet: withinTarget ?? recordedMet ?? null };
}

/** The status a ticket had just before an instant (its month's close belongs to the next month). */
function statusBefore(history: StatusChange[], instant: number): string | undefined {
  let status: string | undefined;
  for (const change of history) {
    if (change.at >= instant) break;
    status = change.status;
  }
  return status;
}

function bucketOf(ageDays: number): AgingBucketId {
  const bucket = AGING_BUCKETS.find((b) => ageDays >= b.from && (b.to === null || ageDays < b.to));
  return bucket?.id ?? 'days_31_plus';
}

/**
 * A closed month's backlog is the ticket's status at the close; the running month's is the
 * status at `asOf` (so it moves day by day until the month closes).
 */
function backlogMonths(createdAt: number, history: StatusChange[], asOf: number, zone: string) {
  const months: { month: string; bucket: AgingBucketId }[] = [];
  // Past its last change a ticket that is no longer open stays so: no need to look at later months
  // (an old ticket would otherwise walk every month up to today).
  const last = history[history.length - 1];
  const through = last && !isOpen(last.status) ? monthOf(last.at, zone) : monthOf(asOf, zone);
  for (const month of monthsFromTo(monthOf(createdAt, zone), through)) {
    const end = monthEnd(month, zone);
    const closed = end <= asOf;
    const status = closed ? statusBefore(history, end) : history[history.length - 1]?.status;
    if (status === undefined || !isOpen(status)) continue;
    const ageDays = Math.floor(((closed ? end : asOf) - createdAt) / DAY);
    months.push({ month, bucket: bucketOf(ageDays) });
  }
  return months;
}

function commitmentFacts(commitments: TicketHistory['commitments'], asOf: number, zone: string) {
  const facts: { month: string; kept: boolean }[] = [];
  for (const commitment of commitments) {
    const at =
      commitment.state === 'kept'
        ? seen(commitment.settledAt, asOf)
        : commitment.state === 'broken'
          ? seen(commitment.brokenAt, asOf)
          : null;
    if (at !== null) facts.push({ month: monthOf(at, zone), kept: commitment.state === 'kept' });
  }
  return facts;
}
