import type { Kysely } from 'kysely';
import type { EscalationLevel } from '../../../domain/contracts/sla.js';
import type { NotificationKind } from '../../../domain/contracts/supervision.js';
import { nextCheckAt } from '../../../domain/sla/sla-schedule.js';
import type { DB, ProblemRow, ProblemTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { FieldChange } from '../tickets/ticket-history.js';
import { claimDueFirings } from './due-firings.js';
import type { ProblemSlaFacts, ProblemSlaService } from './problem-sla.service.js';
import * as repo from './sla.repository.js';
import type { SlaFiring } from './sla.service.js';

const BATCH = 200;

/** Whom each kind of firing tells when the escalation matrix does not name anyone (as for tickets). */
const DEFAULT_RECIPIENTS: Record<'warning' | 'breach', EscalationLevel['notify']> = {
  warning: ['assignee'],
  breach: ['assignee', 'group_lead'],
};
const EVENT_KIND = { warning: 'sla_warning', breach: 'sla_breach', escalation: 'sla_escalation', ola: 'ola_exceeded' };
const NOTIFICATION_KIND: Record<SlaFiring['kind'], NotificationKind> = {
  warning: 'sla_warning',
  breach: 'sla_breach',
  escalation: 'sla_escalation',
  ola: 'ola_exceeded',
};

/**
 * What the detection job asks of the problems module (ProblemSlaRecords answers it, handed in by
 * `buildServices`): the facts a problem's clock reads, and writing its columns and timeline.
 */
export interface ProblemSlaStore {
  facts(db: Kysely<DB>, problem: ProblemRow): Promise<ProblemSlaFacts>;
  store(trx: Kysely<DB>, problemId: string, columns: Partial<ProblemTable>): Promise<unknown>;
  record(trx: Kysely<DB>, problemId: string, event: { kind: string; changes: FieldChange[] }): Promise<string>;
}

/**
 * The `problem_sla` job: as the tickets' detection, for problem reports. Finds the problems whose
 * next warning, breach or escalation level is due (the stored `sla_check_at`), fires each once
 * across instances (claimed in `problem_sla_firings`), records it on the problem's timeline and
 * tells the owner, the owner group's lead or the supervisors, as the agreement's matrix says.
 */
export class ProblemSlaDetectionService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly sla: ProblemSlaService,
    private readonly problems: ProblemSlaStore,
    private readonly notifications: NotificationsService,
  ) {}

  /** Fires everything due now; answers how many firings it recorded. */
  async detect(): Promise<{ fired: number }> {
    let fired = 0;
    const now = this.clock.now().toISOString();
    const seen = new Set<string>();
    for (;;) {
      const ids = (await repo.dueProblemIds(this.db, now, BATCH)).filter((id) => !seen.has(id));
      if (ids.length === 0) return { fired };
      for (const id of ids) {
        seen.add(id);
        fired += await this.detectOne(id, now);
      }
    }
  }

  private detectOne(id: string, now: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const problem = await repo.lockDueProblem(trx, id, now);
      if (!problem) return 0;
      const evaluation = await this.sla.evaluate(trx, await this.problems.facts(trx, problem));
      const { count, speaking, told, escalatedAt } = await claimDueFirings(
        evaluation,
        now,
        problem.sla_escalated_at,
        (key) => repo.claimProblemFiring(trx, id, key, now),
        (firing) => this.recipients(trx, problem, firing),
      );
      for (const [index, firing] of speaking.entries()) await this.act(trx, problem, firing, told[index] ?? []);
      const nextCheck = nextCheckAt(evaluation.firings, new Set(evaluation.fired.keys()));
      await this.problems.store(trx, id, {
        ...evaluation.columns,
        sla_check_at: nextCheck === null ? null : new Date(nextCheck).toISOString(),
        sla_escalated_at: escalatedAt,
      });
      return count;
    });
  }

  private async act(trx: Kysely<DB>, problem: ProblemRow, firing: SlaFiring, recipients: string[]): Promise<void> {
    const percent = firing.level ? firing.level.percent : firing.percent;
    await this.problems.record(trx, problem.id, {
      kind: EVENT_KIND[firing.kind],
      changes: [
        { field: 'target', from: null, to: firing.target },
        { field: 'percent', from: null, to: percent },
        ...(firing.level?.afterMinutes ? [{ field: 'afterMinutes', from: null, to: firing.level.afterMinutes }] : []),
        ...(firing.level?.escalate ? [{ field: 'escalated', from: null, to: true }] : []),
        { field: 'notified', from: null, to: await repo.namesOf(trx, recipients) },
      ],
    });
    await this.notifications.notify(trx, recipients, {
      problem_id: problem.id,
      kind: NOTIFICATION_KIND[firing.kind],
      target: firing.target,
      percent,
    });
  }

  /** The matrix's roles for a problem: `assignee` is its owner, `group_lead` its owner group's lead. */
  private async recipients(trx: Kysely<DB>, problem: ProblemRow, firing: SlaFiring): Promise<string[]> {
    const roles = firing.level ? firing.level.notify : (DEFAULT_RECIPIENTS[firing.kind as 'warning' | 'breach'] ?? []);
    const people = new Set(firing.level?.userIds ?? []);
    const lead = await repo.groupLeadOf(trx, problem.group_id);
    if (roles.includes('assignee') && problem.owner_id) people.add(problem.owner_id);
    // Nobody owns the problem yet: its group's lead hears instead.
    if ((roles.includes('group_lead') || (roles.includes('assignee') && !problem.owner_id)) && lead) people.add(lead);
    if (roles.includes('supervisors')) for (const userId of await repo.supervisorIds(trx)) people.add(userId);
    return [...people];
  }
}
