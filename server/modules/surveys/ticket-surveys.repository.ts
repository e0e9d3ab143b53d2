import type { Kysely } from 'kysely';
import type { DB, TicketSurveySettingsTable, TicketSurveyTable } from '../../db/schema.js';

export function findSettings(db: Kysely<DB>, agreementId: string) {
  return db.selectFrom('ticket_survey_settings').selectAll().where('agreement_id', '=', agreementId).executeTakeFirst();
}

export async function insertSettings(db: Kysely<DB>, row: TicketSurveySettingsTable) {
  await db.insertInto('ticket_survey_settings').values(row).execute();
}

/** Writes the settings if they are still at `version`; false when someone changed them meanwhile. */
export async function updateSettings(db: Kysely<DB>, row: TicketSurveySettingsTable, version: number) {
  const result = await db
    .updateTable('ticket_survey_settings')
    .set(row)
    .where('agreement_id', '=', row.agreement_id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What deciding and sending a ticket's survey needs to know of the ticket and its requester. */
export function ticketFacts(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.requester_id')
    .select([
      'tickets.id',
      'tickets.number',
      'tickets.subject',
      'tickets.type',
      'tickets.status',
      'tickets.agreement_id',
      'tickets.resolved_at',
      'tickets.requester_id',
      'tickets.group_id',
      'users.locale',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}

/** One survey per resolution: a second insert for the same resolution does nothing. */
export async function insertSurvey(db: Kysely<DB>, row: TicketSurveyTable) {
  await db
    .insertInto('ticket_surveys')
    .values(row)
    .onConflict((oc) => oc.columns(['ticket_id', 'resolved_at']).doNothing())
    .execute();
}

export function surveyOfResolution(db: Kysely<DB>, ticketId: string, resolvedAt: string) {
  return db
    .selectFrom('ticket_surveys')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('resolved_at', '=', resolvedAt)
    .executeTakeFirst();
}

export function latestSurvey(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('ticket_surveys')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('resolved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function setTokenHash(db: Kysely<DB>, id: string, tokenHash: string) {
  await db.updateTable('ticket_surveys').set({ token_hash: tokenHash }).where('id', '=', id).execute();
}

export function surveyByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('ticket_surveys').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Stores the answers unless someone answered first: true for the one caller that did. */
export async function storeAnswers(
  db: Kysely<DB>,
  id: string,
  answer: Pick<TicketSurveyTable, 'answered_at' | 'answered_by_id' | 'answers' | 'rating' | 'comment'>,
) {
  const result = await db
    .updateTable('ticket_surveys')
    .set(answer)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function groupLeadOf(db: Kysely<DB>, groupId: string | null): Promise<string | null> {
  if (!groupId) return null;
  const row = await db.selectFrom('support_groups').select('lead_id').where('id', '=', groupId).executeTakeFirst();
  return row?.lead_id ?? null;
}

export type SatisfactionDimension = 'agent' | 'group' | 'organization' | 'service' | 'channel';

/**
 * The month's answered ratings grouped by one of the ticket's dimensions, with the name to show:
 * count, sum, 4s and 5s, and those at or below each agreement's low mark.
 */
export function ratingsBy(
  db: Kysely<DB>,
  by: SatisfactionDimension,
  range: { from: string; to: string },
  organizationId: string | undefined,
) {
  let query = db
    .selectFrom('ticket_surveys')
    .innerJoin('tickets', 'tickets.id', 'ticket_surveys.ticket_id')
    .leftJoin('ticket_survey_settings', 'ticket_survey_settings.agreement_id', 'tickets.agreement_id')
    .where('ticket_surveys.answered_at', '>=', range.from)
    .where('ticket_surveys.answered_at', '<', range.to)
    .where('ticket_surveys.rating', 'is not', null);
  if (organizationId) query = query.where('tickets.organization_id', '=', organizationId);
  const figures = query.select((eb) => [
    eb.fn.countAll<number>().as('answered'),
    eb.fn.sum<number>('ticket_surveys.rating').as('sum'),
    eb.fn.sum<number>(eb.case().when('ticket_surveys.rating', '>=', 4).then(1).else(0).end()).as('top_two'),
    eb.fn
      .sum<number>(
        eb
          .case()
          .when('ticket_surveys.rating', '<=', eb.fn.coalesce('ticket_survey_settings.low_rating', eb.val(2)))
          .then(1)
          .else(0)
          .end(),
      )
      .as('low'),
  ]);
  switch (by) {
    case 'agent':
      return figures
        .leftJoin('users', 'users.id', 'tickets.assignee_id')
        .select(['tickets.assignee_id as key', 'users.name as name'])
        .groupBy(['tickets.assignee_id', 'users.name'])
        .execute();
    case 'group':
      return figures
        .leftJoin('support_groups', 'support_groups.id', 'tickets.group_id')
        .select(['tickets.group_id as key', 'support_groups.name as name'])
        .groupBy(['tickets.group_id', 'support_groups.name'])
        .execute();
    case 'organization':
      return figures
        .innerJoin('organizations', 'organizations.id', 'tickets.organization_id')
        .select(['tickets.organization_id as key', 'organizations.name as name'])
        .groupBy(['tickets.organization_id', 'organizations.name'])
        .execute();
    case 'service':
      return figures
        .leftJoin('services', 'services.id', 'tickets.service_id')
        .select(['tickets.service_id as key', 'services.name as name'])
        .groupBy(['tickets.service_id', 'services.name'])
        .execute();
    case 'channel':
      return figures.select(['tickets.channel as key', 'tickets.channel as name']).groupBy('tickets.channel').execute();
  }
}

/** Surveys asked (created) in the range, answered or not: the response rate's denominator. */
export async function surveysSent(
  db: Kysely<DB>,
  range: { from: string; to: string },
  organizationId: string | undefined,
) {
  let query = db
    .selectFrom('ticket_surveys')
    .innerJoin('tickets', 'tickets.id', 'ticket_surveys.ticket_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ticket_surveys.created_at', '>=', range.from)
    .where('ticket_surveys.created_at', '<', range.to);
  if (organizationId) query = query.where('tickets.organization_id', '=', organizationId);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** Surveys not answered yet, oldest first, with the ticket's requester (the demo answers some). */
export function unansweredSurveys(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('ticket_surveys')
    .innerJoin('tickets', 'tickets.id', 'ticket_surveys.ticket_id')
    .select(['ticket_surveys.id', 'ticket_surveys.ticket_id', 'ticket_surveys.created_at', 'tickets.requester_id'])
    .where('ticket_surveys.answered_at', 'is', null)
    .orderBy('ticket_surveys.created_at')
    .limit(limit)
    .execute();
}
