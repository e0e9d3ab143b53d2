import { type Kysely, sql } from 'kysely';
import type { DB, EscalationTable, GroupCoverageTable, RoutingRuleTable, SupportGroupTable } from '../../db/schema.js';

export function listGroups(db: Kysely<DB>) {
  return db
    .selectFrom('support_groups')
    .leftJoin('users as lead', 'lead.id', 'support_groups.lead_id')
    .selectAll('support_groups')
    .select('lead.name as lead_name')
    .orderBy('support_groups.level')
    .orderBy('support_groups.name')
    .execute();
}

export type GroupListRow = Awaited<ReturnType<typeof listGroups>>[number];

export function findGroup(db: Kysely<DB>, id: string) {
  return db.selectFrom('support_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertGroup(db: Kysely<DB>, row: SupportGroupTable) {
  return db.insertInto('support_groups').values(row).execute();
}

export function updateGroup(db: Kysely<DB>, id: string, version: number, changes: Partial<SupportGroupTable>) {
  return db
    .updateTable('support_groups')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Only one group is the default; setting one clears the others. */
export function clearDefaultGroup(db: Kysely<DB>, exceptId: string) {
  return db
    .updateTable('support_groups')
    .set({ is_default: 0 })
    .where('id', '!=', exceptId)
    .where('is_default', '=', 1)
    .execute();
}

export function findDefaultGroup(db: Kysely<DB>) {
  return db
    .selectFrom('support_groups')
    .selectAll()
    .where('is_default', '=', 1)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function membersOf(db: Kysely<DB>, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['group_members.group_id', 'users.id', 'users.name', 'users.presence', 'users.status'])
    .where('group_members.group_id', 'in', groupIds)
    .orderBy('users.name')
    .execute();
}

export async function replaceMembers(db: Kysely<DB>, groupId: string, userIds: readonly string[]) {
  await db.deleteFrom('group_members').where('group_id', '=', groupId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('group_members')
      .values(userIds.map((user_id) => ({ group_id: groupId, user_id })))
      .execute();
  }
}

export function coverageOf(db: Kysely<DB>, groupIds?: string[]) {
  let query = db
    .selectFrom('group_coverage')
    .innerJoin('support_groups', 'support_groups.id', 'group_coverage.group_id')
    .select([
      'group_coverage.group_id',
      'group_coverage.organization_id',
      'group_coverage.service_id',
      'group_coverage.category_id',
      'support_groups.level',
    ])
    .where('support_groups.status', '=', 'active');
  if (groupIds) query = query.where('group_coverage.group_id', 'in', groupIds.length ? groupIds : ['']);
  return query.orderBy('group_coverage.id').execute();
}

export async function replaceCoverage(db: Kysely<DB>, groupId: string, rows: GroupCoverageTable[]) {
  await db.deleteFrom('group_coverage').where('group_id', '=', groupId).execute();
  if (rows.length > 0) await db.insertInto('group_coverage').values(rows).execute();
}

/** The groups a person works in. */
export function groupIdsOfUser(db: Kysely<DB>, userId: string) {
  return db.selectFrom('group_members').select('group_id').where('user_id', '=', userId).execute();
}

/** Takes the group's next round-robin turn; the update also serializes concurrent assignments to it. */
export async function takeTurn(db: Kysely<DB>, groupId: string): Promise<number> {
  const row = await db
    .updateTable('support_groups')
    .set((eb) => ({ turn: eb('turn', '+', 1) }))
    .where('id', '=', groupId)
    .returning('turn')
    .executeTakeFirstOrThrow();
  return row.turn - 1;
}

/** Each active member of the group, with whether they are at work. */
export function activeMembers(db: Kysely<DB>, groupId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['users.id as user_id', 'users.presence', 'users.shift_calendar_id', sql<number>`0`.as('load')])
    .where('group_members.group_id', '=', groupId)
    .where('users.status', '=', 'active')
    .execute();
}

/** Each active member with their open tickets weighted by priority (critical 4 … low 1). */
export function memberLoads(db: Kysely<DB>, groupId: string) {
  return db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'users.id as user_id',
      'users.presence',
      'users.shift_calendar_id',
      (eb) =>
        eb
          .selectFrom('tickets')
          .select(sql<number>`coalesce(sum(5 - tickets.priority), 0)`.as('load'))
          .whereRef('tickets.assignee_id', '=', 'users.id')
          .where('tickets.status', 'in', ['new', 'assigned', 'in_progress', 'pending'])
          .as('load'),
    ])
    .where('group_members.group_id', '=', groupId)
    .where('users.status', '=', 'active')
    .execute();
}

export function listRules(db: Kysely<DB>) {
  return db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
}

export function findRule(db: Kysely<DB>, id: string) {
  return db.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertRule(db: Kysely<DB>, row: RoutingRuleTable) {
  return db.insertInto('routing_rules').values(row).execute();
}

export function updateRule(db: Kysely<DB>, id: string, version: number, changes: Partial<RoutingRuleTable>) {
  return db
    .updateTable('routing_rules')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertEscalation(db: Kysely<DB>, row: EscalationTable) {
  return db.insertInto('escalations').values(row).execute();
}

export function listEscalations(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('escalations')
    .leftJoin('support_groups as from_group', 'from_group.id', 'escalations.from_group_id')
    .innerJoin('support_groups as to_group', 'to_group.id', 'escalations.to_group_id')
    .leftJoin('users as actor', 'actor.id', 'escalations.actor_id')
    .selectAll('escalations')
    .select(['from_group.name as from_group_name', 'to_group.name as to_group_name', 'actor.name as actor_name'])
    .where('escalations.ticket_id', '=', ticketId)
    .orderBy('escalations.id')
    .execute();
}
