import type { Kysely } from 'kysely';
import type { EscalationLevel } from '../../../domain/contracts/sla.js';
import type { NotificationKind } from '../../../domain/contracts/supervision.js';
import { nextCheckAt } from '../../../domain/sla/sla-schedule.js';
import type { DB, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import { claimDueFirings } from './due-firings.js';
import * as repo from './sla.repository.js';
import type { SlaFiring, SlaService } from './sla.service.js';

const BATCH = 200;

/** Whom each kind of firing tells when the escalation matrix does not name anyone. */
const DEFAULT_RECIPIENTS: Record<SlaFiring['kind'], EscalationLevel['notify']> = {
  warning: ['assignee'],
  breach: ['assignee', 'group_lead'],
  escalation: [],
  ola: ['group_lead'],
};

const EVENT_KIND = { warning: 'sla_warning', breach: 'sla_breach', escalation: 'sla_escalation', ola: 'ola_exceeded' };
const NOTIFICATION_KIND: Record<SlaFiring['kind'], NotificationKind> = {
  warning: 'sla_warning',
  breach: 'sla_breach',
  escalation: 'sla_escalation',
  ola: 'ola_exceeded',
};

/**
 * The detection job: finds the tickets whose next warning, breach or escalation level is due
 * (the stored `sla_check_at`), fires each once — recorded on the timeline, told to the people the
 * matrix names — and stores when to look again. Late runs catch up: what fell due while no job
 * ran fires on the next run, still once.
 */
export class SlaDetectionService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly sla: SlaService,
    private readonly history: TicketHistory,
    private readonly notifications: NotificationsService,
  ) {}

  /** Tickets with a point due and not yet fired: what the next run will take (metrics). */
  dueNow(): Promise<number> {
    return repo.countDue(this.db, this.clock.now().toISOString());
  }

  /** Fires everything due now; answers how many firings it recorded. */
  async detect(): Promise<number> {
    let fired = 0;
    const now = this.clock.now().toISOString();
    const seen = new Set<string>();
    for (;;) {
      const ids = (await repo.dueTicketIds(this.db, now, BATCH)).filter((id) => !seen.has(id));
      if (ids.length === 0) return fired;
      for (const id of ids) {
        seen.add(id);
        fired += await this.detectOne(id, now);
      }
    }
  }

  private async detectOne(id: string, now: string): Promise<number> {
    const result = await this.db.transaction().execute(async (trx) => {
      const ticket = await repo.lockDueTicket(trx, id, now);
      if (!ticket) return null;
      const evaluation = await this.sla.evaluate(trx, ticket, await this.history.statusHistory(trx, id));
      const { count, speaking, told, escalatedAt } = await claimDueFirings(
        evaluation,
        now,
        ticket.sla_escalated_at,
        (key) => repo.claimFiring(trx, id, key, now),
        (firing) => this.recipients(trx, ticket, firing),
      );
      for (const [index, firing] of speaking.entries()) await this.act(trx, ticket, firing, told[index] ?? []);
      const nextCheck = nextCheckAt(evaluation.firings, new Set(evaluation.fired.keys()));
      const updated = await this.history.storeDeadlines(trx, id, {
        ...evaluation.columns,
        sla_check_at: nextCheck === null ? null : new Date(nextCheck).toISOString(),
        sla_escalated_at: escalatedAt,
      });
      return { updated, count };
    });
    if (result && result.count > 0) this.history.publish(result.updated, 'sla', true);
    return result?.count ?? 0;
  }

  /** Records the firing on the timeline (for the desk only) and tells the people it names. */
  private async act(trx: Kysely<DB>, ticket: TicketRow, firing: SlaFiring, recipients: string[]): Promise<void> {
    await this.history.record(trx, systemContext, ticket.id, {
      kind: EVENT_KIND[firing.kind],
      internal: true,
      actorId: null,
      changes: [
        { field: 'target', from: null, to: firing.target },
        { field: 'percent', from: null, to: firing.level ? firing.level.percent : firing.percent },
        ...(firing.level?.afterMinutes ? [{ field: 'afterMinutes', from: null, to: firing.level.afterMinutes }] : []),
        ...(firing.level?.escalate ? [{ field: 'escalated', from: null, to: true }] : []),
        ...(firing.kind === 'ola' ? [{ field: 'level', from: null, to: firing.key.slice('ola:'.length) }] : []),
        { field: 'notified', from: null, to: await repo.namesOf(trx, recipients) },
      ],
    });
    await this.notifications.notify(trx, recipients, {
      ticket_id: ticket.id,
      kind: NOTIFICATION_KIND[firing.kind],
      target: firing.target,
      percent: firing.level ? firing.level.percent : firing.percent,
    });
  }

  private async recipients(trx: Kysely<DB>, ticket: TicketRow, firing: SlaFiring): Promise<string[]> {
    const roles = firing.level ? firing.level.notify : DEFAULT_RECIPIENTS[firing.kind];
    const people = new Set(firing.level?.userIds ?? []);
    const lead = await repo.groupLeadOf(trx, ticket.group_id);
    if (roles.includes('assignee') && ticket.assignee_id) people.add(ticket.assignee_id);
    // Nobody holds the ticket yet: its group's lead hears instead.
    if ((roles.includes('group_lead') || (roles.includes('assignee') && !ticket.assignee_id)) && lead) people.add(lead);
    if (roles.includes('supervisors')) for (const id of await repo.supervisorIds(trx)) people.add(id);
    return [...people];
  }
}
