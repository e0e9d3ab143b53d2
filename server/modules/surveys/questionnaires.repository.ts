import type { Kysely } from 'kysely';
import type { DB, QuestionnaireCommentTable, QuestionnaireTable, QuestionnaireVersionTable } from '../../db/schema.js';

export async function insertQuestionnaire(db: Kysely<DB>, row: QuestionnaireTable) {
  await db.insertInto('questionnaires').values(row).execute();
}

export function findQuestionnaire(db: Kysely<DB>, id: string) {
  return db.selectFrom('questionnaires').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Questionnaires newest first, of one organization when given (the tenant scope or the filter). */
export function listQuestionnaires(db: Kysely<DB>, organizationId: string | undefined) {
  let query = db.selectFrom('questionnaires').selectAll();
  if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** The versions of these questionnaires, oldest first, in the given states when given. */
export function versionsOf(db: Kysely<DB>, questionnaireIds: string[], states?: readonly string[]) {
  if (questionnaireIds.length === 0) return Promise.resolve([]);
  let query = db.selectFrom('questionnaire_versions').selectAll().where('questionnaire_id', 'in', questionnaireIds);
  if (states) query = query.where('state', 'in', [...states]);
  return query.orderBy('questionnaire_id').orderBy('number').execute();
}

export function findVersion(db: Kysely<DB>, questionnaireId: string, number: number) {
  return db
    .selectFrom('questionnaire_versions')
    .selectAll()
    .where('questionnaire_id', '=', questionnaireId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function lastNumber(db: Kysely<DB>, questionnaireId: string): Promise<number> {
  const row = await db
    .selectFrom('questionnaire_versions')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export async function insertVersion(db: Kysely<DB>, row: QuestionnaireVersionTable) {
  await db.insertInto('questionnaire_versions').values(row).execute();
}

/**
 * Changes a version if it is still in `state` (and, for an edit, at `revision`): false when
 * someone moved or edited it meanwhile.
 */
export async function updateVersion(
  db: Kysely<DB>,
  id: string,
  expected: { state: string; revision?: number },
  changes: Partial<Omit<QuestionnaireVersionTable, 'id' | 'questionnaire_id' | 'number'>>,
) {
  let query = db
    .updateTable('questionnaire_versions')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', expected.state);
  if (expected.revision !== undefined) query = query.where('revision', '=', expected.revision);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the earlier approved and still-shared versions superseded by the one just approved. */
export async function supersedeBefore(db: Kysely<DB>, questionnaireId: string, number: number, at: string) {
  const result = await db
    .updateTable('questionnaire_versions')
    .set({ state: 'superseded', superseded_at: at })
    .where('questionnaire_id', '=', questionnaireId)
    .where('number', '<', number)
    .where('state', 'in', ['approved', 'shared'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function laterApproved(db: Kysely<DB>, questionnaireId: string, number: number) {
  const row = await db
    .selectFrom('questionnaire_versions')
    .select('number')
    .where('questionnaire_id', '=', questionnaireId)
    .where('number', '>', number)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  return row?.number ?? null;
}

export async function insertComment(db: Kysely<DB>, row: QuestionnaireCommentTable) {
  await db.insertInto('questionnaire_comments').values(row).execute();
}

export function commentsOf(db: Kysely<DB>, versionId: string) {
  return db
    .selectFrom('questionnaire_comments')
    .innerJoin('users', 'users.id', 'questionnaire_comments.author_id')
    .select([
      'questionnaire_comments.id',
      'questionnaire_comments.author_id',
      'users.name as author_name',
      'questionnaire_comments.body',
      'questionnaire_comments.created_at',
    ])
    .where('questionnaire_comments.version_id', '=', versionId)
    .orderBy('questionnaire_comments.created_at')
    .orderBy('questionnaire_comments.id')
    .execute();
}
