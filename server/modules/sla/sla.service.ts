import type { Kysely } from 'kysely';
import { targetFor } from '../../../domain/sla/agreement-rules.js';
import type { BusinessCalendar } from '../../../domain/sla/business-calendar.js';
import {
  firstResponseClock,
  resolutionClock,
  type StatusChange,
  type TargetClock,
} from '../../../domain/sla/sla-clock.js';
import type { DB, TicketRow } from '../../db/schema.js';
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

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const outcome = (clock: TargetClock) => (clock.state === 'met' ? 1 : clock.state === 'breached' ? 0 : null);

/** Works out a ticket's deadlines from its organization's agreement, calendar and status history. */
export class SlaService {
  constructor(private readonly clock: Clock) {}

  async deadlinesFor(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[]): Promise<SlaColumns> {
    const [agreement] = await repo.listAgreements(db, ticket.organization_id);
    if (!agreement) return NO_SLA;
    const serviceIds: string[] = JSON.parse(agreement.service_ids);
    if (serviceIds.length > 0 && (!ticket.service_id || !serviceIds.includes(ticket.service_id))) return NO_SLA;
    const target = targetFor(
      JSON.parse(agreement.targets) as {
        priority: number;
        type?: string | null;
        firstResponseMinutes: number;
        resolutionMinutes: number;
      }[],
      ticket.priority,
      ticket.type,
    );
    const calendarRow = await repo.findCalendar(db, agreement.calendar_id);
    if (!target || !calendarRow) return { ...NO_SLA, agreement_id: agreement.id };
    const calendar: BusinessCalendar = {
      timeZone: calendarRow.time_zone,
      weekly: JSON.parse(calendarRow.weekly),
      holidays: JSON.parse(calendarRow.holidays),
    };
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
    const firstResponse = firstResponseClock(calendar, input, { minutes: target.firstResponseMinutes, warnAt }, now);
    const resolution = resolutionClock(calendar, input, { minutes: target.resolutionMinutes, warnAt }, now);
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
}
