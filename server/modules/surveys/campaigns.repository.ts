import type { Kysely } from 'kysely';
import type { CampaignInvitationTable, CampaignResponseTable, CampaignTable, DB } from '../../db/schema.js';

export async function insertCampaign(db: Kysely<DB>, row: CampaignTable) {
  await db.insertInto('campaigns').values(row).execute();
}

/** A campaign by id; with an organization, only if it is that organization's (a client manager's scope). */
export function findCampaign(db: Kysely<DB>, id: string, organizationId?: string) {
  let query = db.selectFrom('campaigns').selectAll().where('id', '=', id);
  if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
  return query.executeTakeFirst();
}

export function listCampaigns(db: Kysely<DB>, organizationId: string | undefined) {
  let query = db.selectFrom('campaigns').selectAll();
  if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Moves a campaign from one state to the next; false when someone moved it meanwhile. */
export async function moveCampaign(
  db: Kysely<DB>,
  id: string,
  from: string,
  changes: Partial<Pick<CampaignTable, 'state' | 'opened_at' | 'closed_at'>>,
) {
  const result = await db
    .updateTable('campaigns')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function dueToClose(db: Kysely<DB>, at: string) {
  return db
    .selectFrom('campaigns')
    .select('id')
    .where('state', '=', 'open')
    .where('closes_at', '<=', at)
    .orderBy('closes_at')
    .execute();
}

export function findVersionById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select([
      'questionnaire_versions.id',
      'questionnaire_versions.state',
      'questionnaire_versions.document',
      'questionnaires.organization_id',
    ])
    .where('questionnaire_versions.id', '=', id)
    .executeTakeFirst();
}

/** Whether the person holds the client manager role: the one profile fact an answer keeps. */
export async function isClientManager(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .where('role', '=', 'client_manager')
    .executeTakeFirst();
  return row !== undefined;
}

/** The organization's active requesters and client managers, with their roles among those two. */
export async function audienceOf(db: Kysely<DB>, organizationId: string) {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale', 'user_roles.role'])
    .where('users.organization_id', '=', organizationId)
    .where('users.status', '=', 'active')
    .where('user_roles.role', 'in', ['requester', 'client_manager'])
    .orderBy('users.id')
    .execute();
  const people = new Map<string, { id: string; email: string; name: string; locale: string | null; roles: string[] }>();
  for (const row of rows) {
    const person = people.get(row.id) ?? {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      roles: [],
    };
    person.roles.push(row.role);
    people.set(row.id, person);
  }
  return [...people.values()];
}

export async function insertInvitations(db: Kysely<DB>, rows: CampaignInvitationTable[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('campaign_invitations')
      .values(rows.slice(i, i + 200))
      .execute();
}

export function findInvitationByHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('campaign_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function unanswered(db: Kysely<DB>, campaignId: string) {
  return db
    .selectFrom('campaign_invitations')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('answered_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Replaces an unanswered invitation's token (the old one stops working) and records the reminder. */
export async function remind(db: Kysely<DB>, id: string, tokenHash: string, at: string) {
  const result = await db
    .updateTable('campaign_invitations')
    .set({ token_hash: tokenHash, reminded_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks an invitation answered if it was not yet: false on a second submission. */
export async function markAnswered(db: Kysely<DB>, id: string, at: string) {
  const result = await db
    .updateTable('campaign_invitations')
    .set({ answered_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The services of the tickets a person raised in a period (a response's profile, never the tickets). */
export async function servicesRequestedBy(db: Kysely<DB>, userId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('tickets')
    .select('service_id')
    .distinct()
    .where('requester_id', '=', userId)
    .where('service_id', 'is not', null)
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .orderBy('service_id')
    .execute();
  return rows.map((row) => row.service_id as string);
}

export async function insertResponse(db: Kysely<DB>, row: CampaignResponseTable) {
  await db.insertInto('campaign_responses').values(row).execute();
}

/** Invited and answered per campaign. */
export async function rates(db: Kysely<DB>, campaignIds: string[]) {
  if (campaignIds.length === 0) return new Map<string, { invited: number; answered: number }>();
  const rows = await db
    .selectFrom('campaign_invitations')
    .select((eb) => ['campaign_id', eb.fn.countAll().as('invited'), eb.fn.count('answered_at').as('answered')])
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
  return new Map(
    rows.map((row) => [row.campaign_id, { invited: Number(row.invited), answered: Number(row.answered) }]),
  );
}

export function organizationName(db: Kysely<DB>, id: string) {
  return db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst();
}
