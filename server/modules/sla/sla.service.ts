import type { Kysely } from 'kysely';
import type { EscalationLevel, SlaExplanation, SlaTargetBody } from '../../../domain/contracts/sla.js';
import { targetFor } from '../../../domain/sla/agreement-rules.js';
import type { BusinessCalendar } from '../../../domain/sla/business-calendar.js';
import {
  firstResponseClock,
  resolutionClock,
  type SlaInput,
  type SlaState,
  type StatusChange,
  type TargetClock,
  updateClock,
} from '../../../domain/sla/sla-clock.js';
import { type Firing, nextCheckAt, slaSchedule } from '../../../domain/sla/sla-schedule.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { AgreementTable, CalendarTable, DB, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { NO_SLA, type SlaColumns, type TicketDeadlines } from '../tickets/ticket-ports.js';
import { agreementOf, calendarSummary, toBusinessCalendar } from './agreement-lookup.js';
import { arrivedAtLevel, firedKeys, lastStaffReplyAt } from './sla.repository.js';

export type SlaFiring = Firing<EscalationLevel>;

/** Everything known about a ticket's SLA at one instant. */
export interface SlaEvaluation {
  columns: SlaColumns;
  firings: SlaFiring[];
  /** Key → when it fired. */
  fired: Map<string, string>;
  agreement: AgreementTable | null;
  target: SlaTargetBody | null;
  calendar: CalendarTable | null;
  pausing: string[];
  warnAt: number[];
  clocks: { firstResponse: TargetClock; resolution: TargetClock } | null;
  update: { since: number; clock: TargetClock } | null;
  ola: { level: 'L1' | 'L2'; minutes: number; since: number } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const outcome = (clock: TargetClock) => (clock.state === 'met' ? 1 : clock.state === 'breached' ? 0 : null);
/** The ticket's state for the board: its worst open target, or how its targets ended. */
function overallState(clocks: TargetClock[]): SlaState {
  const open = clocks.filter((c) => !c.settled);
  for (const state of ['breached', 'warning', 'paused', 'running'] as const) {
    if (open.some((c) => c.state === state)) return state;
  }
  return clocks.every((c) => c.state === 'met') ? 'met' : 'breached';
}

/** Works out a ticket's deadlines and its warning and escalation schedule from its agreement. */
export class SlaService implements TicketDeadlines {
  constructor(
    private readonly clock: Clock,
    private readonly config: ConfigCache,
  ) {}

  /**
   * `isNew`: the ticket is not written yet, so it has no escalations, replies or firings to read
   * (its creation computes the deadlines before the insert).
   */
  async evaluate(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[], isNew = false): Promise<SlaEvaluation> {
    const none: SlaEvaluation = {
      columns: NO_SLA,
      firings: [],
      fired: new Map(),
      agreement: null,
      target: null,
      calendar: null,
      pausing: [],
      warnAt: [],
      clocks: null,
      update: null,
      ola: null,
    };
    const { agreement, calendar } = await this.agreementOf(db, ticket.organization_id);
    const serviceIds: string[] = agreement ? JSON.parse(agreement.service_ids) : [];
    if (!agreement || (serviceIds.length > 0 && !(ticket.service_id && serviceIds.includes(ticket.service_id))))
      return none;
    const target = targetFor(JSON.parse(agreement.targets) as SlaTargetBody[], ticket.priority, ticket.type) ?? null;
    const pausing: string[] = JSON.parse(agreement.pausing_reasons);
    const warnAt: number[] = JSON.parse(agreement.warn_at);
    const partial = { ...none, agreement, target, calendar, pausing, warnAt };
    if (!target || !calendar) return { ...partial, columns: { ...NO_SLA, agreement_id: agreement.id } };

    const businessCalendar = toBusinessCalendar(calendar);
    const now = this.clock.now().getTime();
    const input = {
      createdAt: Date.parse(ticket.created_at),
      history,
      firstResponseAt: ticket.first_response_at ? Date.parse(ticket.first_response_at) : null,
      pausesClock: (status: string, reason: string | null) =>
        status === 'pending' && reason !== null && pausing.includes(reason),
    };
    const firstResponse = firstResponseClock(
      businessCalendar,
      input,
      { minutes: target.firstResponseMinutes, warnAt },
      now,
    );
    const resolution = resolutionClock(businessCalendar, input, { minutes: target.resolutionMinutes, warnAt }, now);
    const ola = await this.olaOf(db, ticket, agreement, isNew);
    const update = await this.updateOf(db, ticket, target, businessCalendar, input, now, isNew);
    const firings = slaSchedule<EscalationLevel>({
      calendar: businessCalendar,
      input,
      now,
      targets: {
        first_response: { minutes: target.firstResponseMinutes, clock: firstResponse },
        resolution: { minutes: target.resolutionMinutes, clock: resolution },
      },
      warnAt,
      escalations: JSON.parse(agreement.escalations) as EscalationLevel[],
      ola,
      update: update && target.updateMinutes ? { ...update, minutes: target.updateMinutes } : null,
    });
    const fired = isNew ? new Map<string, string>() : await firedKeys(db, ticket.id);
    // The earliest deadline not yet met, overdue ones included: what the board sorts by.
    const clocks = [firstResponse, resolution, ...(update ? [update.clock] : [])];
    const open = clocks.filter((c) => !c.settled && c.deadline !== null);
    const columns: SlaColumns = {
      agreement_id: agreement.id,
      first_response_due_at: iso(firstResponse.deadline),
      resolution_due_at: iso(resolution.deadline),
      next_due_at: open.length > 0 ? iso(Math.min(...open.map((c) => c.deadline as number))) : null,
      first_response_met: outcome(firstResponse),
      resolution_met: outcome(resolution),
      first_response_minutes: firstResponse.settled ? Math.round(firstResponse.elapsedMinutes) : null,
      resolution_minutes: resolution.settled ? Math.round(resolution.elapsedMinutes) : null,
      sla_state: overallState(clocks),
      sla_check_at: iso(nextCheckAt(firings, new Set(fired.keys()))),
    };
    return { ...partial, columns, firings, fired, clocks: { firstResponse, resolution }, update, ola };
  }

  private agreementOf(db: Kysely<DB>, organizationId: string) {
    return agreementOf(this.config, db, organizationId);
  }

  /** The update interval's clock, once the desk has answered, if the target sets one. */
  private async updateOf(
    db: Kysely<DB>,
    ticket: TicketRow,
    target: SlaTargetBody,
    calendar: BusinessCalendar,
    input: SlaInput,
    now: number,
    isNew: boolean,
  ) {
    if (!target.updateMinutes || !ticket.first_response_at) return null;
    const lastReply = isNew ? null : await lastStaffReplyAt(db, ticket.id);
    const since = Date.parse(lastReply ?? ticket.first_response_at);
    return { since, clock: updateClock(calendar, input, since, { minutes: target.updateMinutes }, now) };
  }

  /** The internal target of the level holding the ticket, if the agreement sets one. */
  private async olaOf(db: Kysely<DB>, ticket: TicketRow, agreement: AgreementTable, isNew: boolean) {
    const level = ticket.level;
    if (level !== 'L1' && level !== 'L2') return null;
    const minutes = (JSON.parse(agreement.level_minutes) as Record<string, number | null>)[level];
    if (!minutes) return null;
    const arrived = isNew ? null : await arrivedAtLevel(db, ticket.id, level);
    return { level, minutes, since: Date.parse(arrived ?? ticket.created_at) };
  }

  async deadlinesFor(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[], isNew = false): Promise<SlaColumns> {
    return (await this.evaluate(db, ticket, history, isNew)).columns;
  }

  /** "Why is it due then?": the agreement, target, calendar, pauses and escalation plan behind the deadlines. */
  async explain(db: Kysely<DB>, ticket: TicketRow, history: StatusChange[]): Promise<SlaExplanation> {
    const evaluation = await this.evaluate(db, ticket, history);
    const { agreement, target, calendar, clocks, pausing } = evaluation;
    const base: SlaExplanation = {
      createdAt: ticket.created_at,
      agreement: agreement ? { id: agreement.id, name: agreement.name } : null,
      target: null,
      calendar: null,
      warnAt: evaluation.warnAt,
      escalations: [],
      ola: null,
      pausingReasons: pausing,
      pauses: [],
      firstResponse: null,
      resolution: null,
      update: null,
      why: "No agreement covers this ticket's organization and service, so no deadline applies.",
    };
    if (!agreement) return base;
    if (!target || !calendar || !clocks)
      return { ...base, why: `The agreement has no target for priority ${ticket.priority} ${ticket.type}.` };

    const pauses = history
      .map((change, i) => ({ change, end: history[i + 1]?.at ?? null }))
      .filter(
        ({ change }) => change.status === 'pending' && change.pendingReason && pausing.includes(change.pendingReason),
      )
      .map(({ change, end }) => ({
        from: iso(change.at) as string,
        to: iso(end),
        reason: change.pendingReason ?? null,
      }));
    const firingOf = (key: string) => evaluation.firings.find((f) => f.key === key);
    const { ola } = evaluation;
    return {
      ...base,
      target,
      calendar: calendarSummary(calendar),
      escalations: evaluation.firings
        .filter((f) => f.kind === 'escalation' && f.level)
        .map((f) => ({
          level: f.level as EscalationLevel,
          at: iso(f.at),
          firedAt: evaluation.fired.get(f.key) ?? null,
        })),
      ola: ola && {
        level: ola.level,
        minutes: ola.minutes,
        since: iso(ola.since) as string,
        at: iso(firingOf(`ola:${ola.level}`)?.at ?? null),
        firedAt: evaluation.fired.get(`ola:${ola.level}`) ?? null,
      },
      pauses,
      firstResponse: clocks.firstResponse,
      resolution: clocks.resolution,
      update: evaluation.update && { ...evaluation.update.clock, since: iso(evaluation.update.since) as string },
      why:
        `Priority ${ticket.priority} ${ticket.type}: first response within ${target.firstResponseMinutes} and resolution within ` +
        `${target.resolutionMinutes} business minutes of "${calendar.name}" (${calendar.time_zone}), counted from creation` +
        (pauses.length
          ? `, not counting ${pauses.length} pause(s) waiting on ${[...new Set(pauses.map((p) => p.reason))].join(' or ')}.`
          : '.'),
    };
  }
}
