import type {
  Questionnaire,
  QuestionnaireVersion,
  QuestionnaireVersionSummary,
} from '../../../domain/contracts/questionnaires.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import type { VersionState } from '../../../domain/surveys/questionnaire-versions.js';
import type { QuestionnaireRow, QuestionnaireVersionRow } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';

/** How questionnaires and their versions are answered to the API, and the refusal of a frozen version. */

export const stateOf = (row: QuestionnaireVersionRow) => row.state as VersionState;

export function frozen(version: QuestionnaireVersionRow) {
  return new AppError(
    'conflict',
    `version ${version.number} is ${version.state}: only a draft changes; make a new draft from it`,
  );
}

export function summary(row: QuestionnaireVersionRow): QuestionnaireVersionSummary {
  return {
    id: row.id,
    number: row.number,
    state: stateOf(row),
    basedOnNumber: row.based_on_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sharedAt: row.shared_at,
    approvedAt: row.approved_at,
    approvedById: row.approved_by_id,
    supersededAt: row.superseded_at,
  };
}

export function present(row: QuestionnaireRow, versions: QuestionnaireVersionRow[]): Questionnaire {
  return {
    id: row.id,
    organizationId: row.organization_id,
    title: row.title,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    versions: versions.map(summary),
  };
}

export function presentVersion(questionnaire: QuestionnaireRow, row: QuestionnaireVersionRow): QuestionnaireVersion {
  return {
    ...summary(row),
    questionnaireId: questionnaire.id,
    organizationId: questionnaire.organization_id,
    document: JSON.parse(row.document) as QuestionnaireDocument,
    version: row.revision,
    createdById: row.created_by_id,
    updatedById: row.updated_by_id,
    sharedById: row.shared_by_id,
  };
}
