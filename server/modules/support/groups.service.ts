import type { Kysely } from 'kysely';
import type {
  CreateGroupBody,
  CreateRoutingRuleBody,
  Group,
  RouteExplanation,
  RouteExplanationQuery,
  RoutingRule,
  UpdateGroupBody,
  UpdateRoutingRuleBody,
} from '../../../domain/contracts/support.js';
import { isStaff } from '../../../domain/roles.js';
import type { DB, RoutingRuleTable, SupportGroupTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictOnUnique, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../users/users.service.js';
import type { RoutingService } from './routing.service.js';
import * as repo from './support.repository.js';

const nameTaken = conflictOnUnique('name', 'another group has this name');

export function toRule(row: RoutingRuleTable): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active === 1,
    organizationId: row.organization_id,
    serviceId: row.service_id,
    categoryId: row.category_id,
    type: row.type,
    channel: row.channel,
    groupId: row.group_id,
    version: row.version,
  };
}

/** Support groups (level, specialty, members, coverage) and the routing rules that feed them. */
export class GroupsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly routing: RoutingService,
  ) {}

  async list(db: Kysely<DB> = this.db): Promise<Group[]> {
    const rows = await repo.listGroups(db);
    const ids = rows.map((r) => r.id);
    const [members, coverage] = await Promise.all([repo.membersOf(db, ids), repo.coverageOf(db, ids)]);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      level: row.level,
      specialty: row.specialty,
      lead: row.lead_id ? { id: row.lead_id, name: row.lead_name ?? '' } : null,
      assignment: row.assignment,
      isDefault: row.is_default === 1,
      status: row.status,
      members: members
        .filter((m) => m.group_id === row.id)
        .map((m) => ({ id: m.id, name: m.name, presence: m.presence })),
      coverage: coverage
        .filter((c) => c.group_id === row.id)
        .map((c) => ({ organizationId: c.organization_id, serviceId: c.service_id, categoryId: c.category_id })),
      version: row.version,
    }));
  }

  async get(id: string, db: Kysely<DB> = this.db): Promise<Group> {
    const group = (await this.list(db)).find((g) => g.id === id);
    if (!group) throw notFound('Group');
    return group;
  }

  private async checkPeople(memberIds: string[] | undefined, leadId: string | null | undefined) {
    for (const [field, id] of [
      ...(memberIds ?? []).map((id) => ['memberIds', id] as const),
      ['leadId', leadId] as const,
    ]) {
      if (!id) continue;
      const user = await this.users.findActiveById(id);
      if (!user || !isStaff(user.roles))
        throw validationError([{ field, message: `${id} is not an active member of the desk` }]);
    }
  }

  async create(ctx: RequestContext, body: CreateGroupBody): Promise<Group> {
    if (body.level === 'L2' && !body.specialty)
      throw validationError([{ field: 'specialty', message: 'an L2 group needs a specialty' }]);
    await this.checkPeople(body.memberIds, body.leadId);
    const at = this.clock.now();
    const row: SupportGroupTable = {
      id: newId(at.getTime()),
      name: body.name.trim(),
      level: body.level,
      specialty: body.specialty ?? null,
      lead_id: body.leadId ?? null,
      assignment: body.assignment ?? 'manual',
      is_default: body.isDefault ? 1 : 0,
      status: 'active',
      turn: 0,
      version: 1,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    return this.db
      .transaction()
      .execute(async (trx) => {
        await repo.insertGroup(trx, row);
        if (body.isDefault) await repo.clearDefaultGroup(trx, row.id);
        await repo.replaceMembers(trx, row.id, body.memberIds ?? []);
        await repo.replaceCoverage(trx, row.id, this.coverageRows(row.id, body.coverage));
        const group = await this.get(row.id, trx);
        await this.audit.record(trx, ctx, {
          action: 'group.created',
          entityType: 'group',
          entityId: row.id,
          after: group,
        });
        return group;
      })
      .catch(nameTaken);
  }

  async update(ctx: RequestContext, id: string, body: UpdateGroupBody): Promise<Group> {
    const { version, memberIds, coverage, leadId, isDefault, ...fields } = body;
    await this.checkPeople(memberIds, leadId);
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await this.get(id, trx);
        const level = fields.level ?? before.level;
        const specialty = fields.specialty === undefined ? before.specialty : fields.specialty;
        if (level === 'L2' && !specialty)
          throw validationError([{ field: 'specialty', message: 'an L2 group needs a specialty' }]);
        const changes: Partial<SupportGroupTable> = { ...fields, updated_at: this.clock.now().toISOString() };
        if (leadId !== undefined) changes.lead_id = leadId;
        if (isDefault !== undefined) changes.is_default = isDefault ? 1 : 0;
        if (!(await repo.updateGroup(trx, id, version, changes))) {
          throw new AppError('version_conflict', `The group is at version ${before.version}, not ${version}`);
        }
        if (isDefault) await repo.clearDefaultGroup(trx, id);
        if (memberIds) await repo.replaceMembers(trx, id, memberIds);
        if (coverage) await repo.replaceCoverage(trx, id, this.coverageRows(id, coverage));
        const after = await this.get(id, trx);
        await this.audit.record(trx, ctx, {
          action: 'group.updated',
          entityType: 'group',
          entityId: id,
          before,
          after,
        });
        return after;
      })
      .catch(nameTaken);
  }

  private coverageRows(groupId: string, coverage: CreateGroupBody['coverage']) {
    return (coverage ?? []).map((c) => ({
      id: newId(this.clock.now().getTime()),
      group_id: groupId,
      organization_id: c.organizationId ?? null,
      service_id: c.serviceId ?? null,
      category_id: c.categoryId ?? null,
    }));
  }

  async listRules(): Promise<RoutingRule[]> {
    return (await repo.listRules(this.db)).map(toRule);
  }

  async createRule(ctx: RequestContext, body: CreateRoutingRuleBody): Promise<RoutingRule> {
    if (!(await repo.findGroup(this.db, body.groupId)))
      throw validationError([{ field: 'groupId', message: 'no such group' }]);
    const at = this.clock.now();
    const row: RoutingRuleTable = {
      id: newId(at.getTime()),
      name: body.name.trim(),
      position: body.position,
      active: body.active === false ? 0 : 1,
      organization_id: body.organizationId ?? null,
      service_id: body.serviceId ?? null,
      category_id: body.categoryId ?? null,
      type: body.type ?? null,
      channel: body.channel ?? null,
      group_id: body.groupId,
      version: 1,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await repo.insertRule(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'routing_rule.created',
        entityType: 'routing_rule',
        entityId: row.id,
        after: toRule(row),
      });
    });
    return toRule(row);
  }

  async updateRule(ctx: RequestContext, id: string, body: UpdateRoutingRuleBody): Promise<RoutingRule> {
    const { version, active, organizationId, serviceId, categoryId, groupId, ...fields } = body;
    if (groupId && !(await repo.findGroup(this.db, groupId)))
      throw validationError([{ field: 'groupId', message: 'no such group' }]);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findRule(trx, id);
      if (!before) throw notFound('Routing rule');
      const changes: Partial<RoutingRuleTable> = { ...fields, updated_at: this.clock.now().toISOString() };
      if (active !== undefined) changes.active = active ? 1 : 0;
      if (organizationId !== undefined) changes.organization_id = organizationId;
      if (serviceId !== undefined) changes.service_id = serviceId;
      if (categoryId !== undefined) changes.category_id = categoryId;
      if (groupId !== undefined) changes.group_id = groupId;
      const after = await repo.updateRule(trx, id, version, changes);
      if (!after) throw new AppError('version_conflict', `The rule is at version ${before.version}, not ${version}`);
      await this.audit.record(trx, ctx, {
        action: 'routing_rule.updated',
        entityType: 'routing_rule',
        entityId: id,
        before: toRule(before),
        after: toRule(after),
      });
      return toRule(after);
    });
  }

  /** Which group a ticket like this would go to, and why — for admins tuning their rules. */
  async explainRoute(query: RouteExplanationQuery): Promise<RouteExplanation> {
    const decision = await this.routing.decide(this.db, {
      organizationId: query.organizationId,
      serviceId: query.serviceId ?? null,
      categoryId: query.categoryId ?? null,
      type: query.type,
      channel: query.channel,
    });
    const group = decision.groupId ? await repo.findGroup(this.db, decision.groupId) : undefined;
    return {
      group: group ? { id: group.id, name: group.name, level: group.level } : null,
      ruleId: decision.ruleId,
      reason: decision.reason,
    };
  }
}
