import type { Kysely } from 'kysely';
import type { SlaTargetBody } from '../../../domain/contracts/sla.js';
import { targetFor } from '../../../domain/sla/agreement-rules.js';
import type { BusinessCalendar } from '../../../domain/sla/business-calendar.js';
import {
  firstResponseClock,
  resolutionClock,
  type StatusChange,
  type TargetClock,
} from '../../../domain/sla/sla-clock.js';
import type { AgreementTable, DB, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './agreements.repository.js';

/** The SLA columns a ticket stores, so queues and the detection job never recompute on read. */
export type SlaColumns = Pick<
  TicketRow,
  | 'agreement_id'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'next_due_at'
  | 'first_response_met'
  | 'resolution_met'
  | 'first_response_minutes'
  | 'resolution_minutes'
>;

export const NO_SLA: SlaColumns = {
  agreement_id: null,
  first_response_due_at: null,
  resolution_due_at: null,
  next_due_at: null,
  first_response_met: null,
  resolution_met: null,
  first_response_minutes: null,
  resolution_minutes: null,
};

export interface SlaExplanation {
  agreement: { id: string; name: string } | null;
  target: SlaTargetBody | null;
  calendar: { id: string; name: string; timeZone: string } | null;
  pausingReasons: string[];
  pauses: { from: string; to: string | null; reason: string | null }[];
  firstResponse: TargetClock | null;
  resolution: TargetClock | null;
  why: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const outcome = (clock: TargetClock) => (clock.state === 'met' ? 1 : clock.state === 'breached' ? 0 : null);

/** Works out a ticket's deadlines from its organization's agreement, calendar and status history. */
export class SlaService {
  constructor(private readonly clock: Clock) {}

  /** What applies to a ticket: its agreement (if it covers the service), the target and the calendar. */
  private async applicable(db: Kysely<DB>, ticket: TicketRow) {
    const [agreement] = await repo.listAgreements(db, ticket.organization_id);
    const serviceIds: string[] = agreement ? JSON.parse(agreement.service_ids) : [];
    if (!agreement || (serviceIds.length > 0 && !(ticket.service_id && serviceIds.includes(ticket.service_id)))) {
      return { agreement: null, target: undefined, calendar: null, calendarRow: undefined };
    }
    const target = targetFor(JSON.parse(agreement.targets) as SlaTargetBody[], ticket.priority, ticket.type);
    const calendarRow = await repo.findCalendar(db, agreement.calendar_id);
    const calendar: BusinessCalendar | null = calendarRow
      ? {
          timeZone: calendarRow.time_zone,
          weekly: JSON.parse(calendarRow.weekly),
          holidays: JSON.parse(calendarRow.holidays),
        }
      : null;
    return { agreement, target, calendar, calendarRow };
  }

  private clocks(
    agreement: AgreementTable,
    target: SlaTargetBody,
    calendar: BusinessCalendar,
    ticket: TicketRow,
    history: StatusChange[],
  ) {
    const pausing: string[] = JSON.parse(agreement.pausing_reasons);
    const warnAt: number[] = JSON.parse(agreement.warn_at);
    const input = {
      createdAt: Date.parse(ticket.created_at),
      history,
      firstResponseAt: ticket.first_response_at ? Date.parse(ticket.first_response_at) : null,
      pausesClock: (status: string, reason: string | null) =>
        status === 'pending' && reason !== null && pausing.includes(reason),
    };
    const now = this.clock.now().getTime();
    return {
      now,
      pausing,
      firstResponse: firstResponseClock(calendar, input, { minutes: target.firstResponseMinutes, warnAt }, now),
      resolution: resolutionClock(calendar, input, { minutes: target.resolutionMinutes, warnAt }, now),
    };
  }

  async deadlinesFor(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[]): Promise<SlaColumns> {
    const { agreement, target, calendar } = await this.applicable(db, ticket);
    if (!agreement) return NO_SLA;
    if (!target || !calendar) return { ...NO_SLA, agreement_id: agreement.id };
    const { now, firstResponse, resolution } = this.clocks(agreement, target, calendar, ticket, history);
    // The earliest deadline still to be met: what the detection job watches.
    const pending = [firstResponse, resolution]
      .filter((c) => c.state !== 'met' && c.state !== 'breached' && c.deadline !== null)
      .map((c) => c.deadline as number);
    const finished = (c: TargetClock) =>
      c.state === 'met' || (c.state === 'breached' && c.deadline !== null && c.deadline <= now);
    return {
      agreement_id: agreement.id,
      first_response_due_at: iso(firstResponse.deadline),
      resolution_due_at: iso(resolution.deadline),
      next_due_at: pending.length > 0 ? iso(Math.min(...pending)) : null,
      first_response_met: outcome(firstResponse),
      resolution_met: outcome(resolution),
      first_response_minutes:
        ticket.first_response_at && finished(firstResponse) ? Math.round(firstResponse.elapsedMinutes) : null,
      resolution_minutes:
        resolution.state === 'met' || (resolution.state === 'breached' && ticket.resolved_at)
          ? Math.round(resolution.elapsedMinutes)
          : null,
    };
  }

  /** "Why is it due then?": the agreement, target, calendar and pauses behind a ticket's deadlines. */
  async explain(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[]): Promise<SlaExplanation> {
    const { agreement, target, calendar, calendarRow } = await this.applicable(db, ticket);
    const none = {
      agreement: null,
      target: null,
      calendar: null,
      pausingReasons: [],
      pauses: [],
      firstResponse: null,
      resolution: null,
    };
    if (!agreement)
      return { ...none, why: "No agreement covers this ticket's organization and service, so no deadline applies." };
    if (!target || !calendar || !calendarRow) {
      return {
        ...none,
        agreement: { id: agreement.id, name: agreement.name },
        why: `The agreement has no target for priority ${ticket.priority}.`,
      };
    }
    const { pausing, firstResponse, resolution } = this.clocks(agreement, target, calendar, ticket, history);
    const pauses = history
      .map((change, i) => ({ change, end: history[i + 1]?.at ?? null }))
      .filter(
        ({ change }) => change.status === 'pending' && change.pendingReason && pausing.includes(change.pendingReason),
      )
      .map(({ change, end }) => ({
        from: new Date(change.at).toISOString(),
        to: iso(end),
        reason: change.pendingReason ?? null,
      }));
    return {
      agreement: { id: agreement.id, name: agreement.name },
      target,
      calendar: { id: calendarRow.id, name: calendarRow.name, timeZone: calendarRow.time_zone },
      pausingReasons: pausing,
      pauses,
      firstResponse,
      resolution,
      why:
        `Priority ${ticket.priority} ${ticket.type}: first response within ${target.firstResponseMinutes} and resolution within ` +
        `${target.resolutionMinutes} business minutes of "${calendarRow.name}" (${calendarRow.time_zone}), counted from creation` +
        (pauses.length
          ? `, not counting ${pauses.length} pause(s) waiting on ${[...new Set(pauses.map((p) => p.reason))].join(' or ')}.`
          : '.'),
    };
  }
}
