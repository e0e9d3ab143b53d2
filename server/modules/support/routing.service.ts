import type { Kysely } from 'kysely';
import { openIntervals } from '../../../domain/sla/business-calendar.js';
import type { SupportLevel } from '../../../domain/support/support-levels.js';
import { chooseAssignee, type RouteDecision, routeTicket } from '../../../domain/support/support-levels.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { CategoriesService } from '../categories/categories.service.js';
import type { AgreementsService } from '../sla/agreements.service.js';
import { toRule } from './groups.service.js';
import * as repo from './support.repository.js';

export interface NewTicketFacts {
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  type: string;
  channel: string;
  /** A group the way in names outright (a mailbox's group), before any rule. */
  groupId?: string | null;
}

export interface Placement {
  groupId: string | null;
  level: SupportLevel | null;
  assigneeId: string | null;
  reason: string;
}

/** Where tickets go (routing) and to whom inside a group (assignment). */
export class RoutingService {
  constructor(
    private readonly categories: CategoriesService,
    private readonly agreements: AgreementsService,
    private readonly clock: Clock,
  ) {}

  async decide(db: Kysely<DB>, facts: NewTicketFacts): Promise<RouteDecision> {
    const [rules, coverage, fallback, category] = await Promise.all([
      repo.listRules(db),
      repo.coverageOf(db),
      repo.findDefaultGroup(db),
      facts.categoryId ? this.categories.find(facts.categoryId, db) : undefined,
    ]);
    return routeTicket(
      { ...facts, parentCategoryId: category?.parentId ?? null },
      rules.map(toRule),
      coverage.map((c) => ({
        groupId: c.group_id,
        level: c.level,
        organizationId: c.organization_id,
        serviceId: c.service_id,
        categoryId: c.category_id,
      })),
      fallback?.id ?? null,
    );
  }

  /** Inside the creating transaction: the group a new ticket lands in and who in it takes it. */
  async place(trx: Kysely<DB>, facts: NewTicketFacts): Promise<Placement> {
    if (facts.groupId && (await repo.findGroup(trx, facts.groupId))?.status === 'active')
      return { ...(await this.assignWithin(trx, facts.groupId)), reason: 'the group of the mailbox it came to' };
    const decision = await this.decide(trx, facts);
    if (!decision.groupId) return { groupId: null, level: null, assigneeId: null, reason: decision.reason };
    return { ...(await this.assignWithin(trx, decision.groupId)), reason: decision.reason };
  }

  /** Picks who in the group takes a ticket, by the group's strategy, skipping the away. */
  async assignWithin(
    trx: Kysely<DB>,
    groupId: string,
  ): Promise<{ groupId: string; level: SupportLevel; assigneeId: string | null }> {
    const group = await repo.findGroup(trx, groupId);
    if (!group) return { groupId, level: 'L1', assigneeId: null };
    if (group.assignment === 'manual') return { groupId, level: group.level, assigneeId: null };
    // Taking the turn first also locks the group row, so concurrent tickets see each other's loads.
    const turn = await repo.takeTurn(trx, groupId);
    const loads = await repo.memberLoads(trx, groupId);
    const onShift = await this.onShiftNow(
      trx,
      loads.map((m) => m.shift_calendar_id),
    );
    const assigneeId = chooseAssignee(
      group.assignment,
      loads.map((m) => ({
        userId: m.user_id,
        available: m.presence === 'available' && (m.shift_calendar_id === null || onShift.has(m.shift_calendar_id)),
        load: Number(m.load ?? 0),
      })),
      turn,
    );
    return { groupId, level: group.level, assigneeId };
  }

  /** The shift calendars, among these, whose hours include this minute. */
  private async onShiftNow(db: Kysely<DB>, calendarIds: (string | null)[]): Promise<Set<string>> {
    const now = this.clock.now().getTime();
    const open = new Set<string>();
    for (const id of new Set(calendarIds.filter((c): c is string => c !== null))) {
      const calendar = await this.agreements.getCalendar(id, db).catch(() => null);
      if (calendar && openIntervals(calendar, now, now + 60_000).length > 0) open.add(id);
    }
    return open;
  }

  async groupIdsOfUser(db: Kysely<DB>, userId: string): Promise<string[]> {
    return (await repo.groupIdsOfUser(db, userId)).map((r) => r.group_id);
  }
}
