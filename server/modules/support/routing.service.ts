import type { Kysely } from 'kysely';
import type { SupportLevel } from '../../../domain/support/support-levels.js';
import { chooseAssignee, type RouteDecision, routeTicket } from '../../../domain/support/support-levels.js';
import type { DB } from '../../db/schema.js';
import type { CategoriesService } from '../categories/categories.service.js';
import { toRule } from './groups.service.js';
import * as repo from './support.repository.js';

export interface NewTicketFacts {
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  type: string;
  channel: string;
}

export interface Placement {
  groupId: string | null;
  level: SupportLevel | null;
  assigneeId: string | null;
  reason: string;
}

/** Where tickets go (routing) and to whom inside a group (assignment). */
export class RoutingService {
  constructor(private readonly categories: CategoriesService) {}

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
    const assigneeId = chooseAssignee(
      group.assignment,
      loads.map((m) => ({ userId: m.user_id, available: m.presence === 'available', load: Number(m.load ?? 0) })),
      turn,
    );
    return { groupId, level: group.level, assigneeId };
  }

  async groupIdsOfUser(db: Kysely<DB>, userId: string): Promise<string[]> {
    return (await repo.groupIdsOfUser(db, userId)).map((r) => r.group_id);
  }
}
