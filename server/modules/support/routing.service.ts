import type { Kysely } from 'kysely';
import { openIntervals } from '../../../domain/sla/business-calendar.js';
import type { SupportLevel } from '../../../domain/support/support-levels.js';
import { chooseAssignee, type RouteDecision, routeTicket } from '../../../domain/support/support-levels.js';
import type { ConfigCache } from '../../db/config-cache.js';
import { takenApart } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { CategoriesService } from '../categories/categories.service.js';
import type { AgreementsService } from '../sla/agreements.service.js';
import type { NewTicketFacts, Placement, TicketPlacement } from '../tickets/ticket-ports.js';
import { toRule } from './groups.service.js';
import * as repo from './support.repository.js';

/** Where tickets go (routing) and to whom inside a group (assignment). */
export class RoutingService implements TicketPlacement {
  constructor(
    private readonly categories: CategoriesService,
    private readonly agreements: AgreementsService,
    private readonly clock: Clock,
    private readonly config: ConfigCache,
  ) {}

  async decide(db: Kysely<DB>, facts: NewTicketFacts): Promise<RouteDecision> {
    const [[rules, coverage, fallback], category] = await Promise.all([
      // Read and kept together: one check of the configuration stamp for all three.
      this.config.read(db, 'routing', () =>
        Promise.all([repo.listRules(db), repo.coverageOf(db), repo.findDefaultGroup(db)]),
      ),
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

  /** The group a new ticket lands in, and why. */
  async target(db: Kysely<DB>, facts: NewTicketFacts): Promise<RouteDecision> {
    if (facts.groupId && (await this.group(db, facts.groupId))?.status === 'active')
      return { groupId: facts.groupId, ruleId: null, reason: 'the group of the mailbox it came to' };
    return this.decide(db, facts);
  }

  /**
   * Before the creating transaction, where counters are taken apart (`takenApart`): a
   * round-robin group's turn. Undefined when the turn belongs inside the transaction.
   */
  async turnApart(db: Kysely<DB>, groupId: string | null): Promise<number | undefined> {
    if (!groupId) return undefined;
    return takenApart(db, async (apart) =>
      (await this.group(apart, groupId))?.assignment === 'round_robin' ? repo.takeTurn(apart, groupId) : undefined,
    );
  }

  /** Inside the creating transaction: who in the target group takes the new ticket. */
  async place(trx: Kysely<DB>, target: RouteDecision, turnTaken?: number): Promise<Placement> {
    if (!target.groupId) return { groupId: null, level: null, assigneeId: null, reason: target.reason };
    return { ...(await this.assignWithin(trx, target.groupId, turnTaken)), reason: target.reason };
  }

  /** Picks who in the group takes a ticket, by the group's strategy, skipping the away. */
  async assignWithin(
    trx: Kysely<DB>,
    groupId: string,
    turnTaken?: number,
  ): Promise<{ groupId: string; level: SupportLevel; assigneeId: string | null }> {
    const group = await this.group(trx, groupId);
    if (!group) return { groupId, level: 'L1', assigneeId: null };
    if (group.assignment === 'manual') return { groupId, level: group.level, assigneeId: null };
    let turn: number;
    let loads: Awaited<ReturnType<typeof repo.memberLoads>>;
    if (group.assignment === 'round_robin') {
      // The turn alone decides: the members' loads are not read.
      turn = turnTaken ?? (await repo.takeTurn(trx, groupId));
      loads = await repo.activeMembers(trx, groupId);
    } else {
      // Taking the turn first locks the group row, so concurrent tickets see each other's loads.
      turn = await repo.takeTurn(trx, groupId);
      loads = await repo.memberLoads(trx, groupId);
    }
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

  private group(db: Kysely<DB>, id: string) {
    return this.config.read(db, `group:${id}`, () => repo.findGroup(db, id));
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
