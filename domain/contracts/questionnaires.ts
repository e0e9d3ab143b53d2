import { type Static, Type } from 'typebox';
import { VERSION_STATES } from '../surveys/questionnaire-versions.js';
import { Id, ItemsOf, Nullable, Timestamp } from './common.js';
import { QuestionnaireSchema } from './surveys.js';

/** Questionnaires designed with the client: versions, the client managers' comments and approval. */

export const VersionStateSchema = Type.Enum(VERSION_STATES);
const Title = Type.String({ minLength: 1, maxLength: 200 });
const VersionNumber = Type.Integer({ minimum: 1, maximum: 100_000 });

export const QuestionnaireVersionSummary = Type.Object({
  id: Id,
  number: Type.Integer(),
  state: VersionStateSchema,
  basedOnNumber: Nullable(Type.Integer()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sharedAt: Nullable(Timestamp),
  approvedAt: Nullable(Timestamp),
  approvedById: Nullable(Id),
  supersededAt: Nullable(Timestamp),
});
export type QuestionnaireVersionSummary = Static<typeof QuestionnaireVersionSummary>;

export const QuestionnaireVersion = Type.Object({
  ...QuestionnaireVersionSummary.properties,
  questionnaireId: Id,
  organizationId: Id,
  document: QuestionnaireSchema,
  /** The `version` a PATCH of this draft must send. */
  version: Type.Integer(),
  createdById: Nullable(Id),
  updatedById: Nullable(Id),
  sharedById: Nullable(Id),
});
export type QuestionnaireVersion = Static<typeof QuestionnaireVersion>;

export const Questionnaire = Type.Object({
  id: Id,
  organizationId: Id,
  title: Type.String(),
  createdById: Nullable(Id),
  createdAt: Timestamp,
  /** The versions the caller may see, oldest first (client managers see no drafts). */
  versions: Type.Array(QuestionnaireVersionSummary),
});
export type Questionnaire = Static<typeof Questionnaire>;
export const QuestionnaireList = ItemsOf(Questionnaire);

export const QuestionnaireListQuery = Type.Object(
  { organizationId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const CreateQuestionnaireBody = Type.Object(
  {
    organizationId: Id,
    title: Title,
    copyFrom: Type.Optional(
      Type.Object(
        { questionnaireId: Id, number: VersionNumber },
        { additionalProperties: false, description: 'Start from this version of another questionnaire' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'Version 1, a draft, starts from the default campaign questionnaire unless copyFrom names another',
  },
);
export type CreateQuestionnaireBody = Static<typeof CreateQuestionnaireBody>;

export const QuestionnaireVersionParams = Type.Object(
  { id: Id, number: VersionNumber },
  { additionalProperties: false },
);

export const NewVersionBody = Type.Object(
  { fromNumber: VersionNumber },
  { additionalProperties: false, description: 'A new draft, a copy of that version' },
);

export const PatchVersionBody = Type.Object(
  { version: Type.Integer({ minimum: 0 }), document: QuestionnaireSchema },
  { additionalProperties: false },
);
export type PatchVersionBody = Static<typeof PatchVersionBody>;

export const QuestionnaireComment = Type.Object({
  id: Id,
  versionNumber: Type.Integer(),
  authorId: Id,
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});
export type QuestionnaireComment = Static<typeof QuestionnaireComment>;
export const QuestionnaireCommentList = ItemsOf(QuestionnaireComment);
export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

export const CompareQuery = Type.Object({ from: VersionNumber, to: VersionNumber }, { additionalProperties: false });
export const VersionComparison = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  /** Question ids both versions ask, with the same kind and choices: the results compare across them only. */
  shared: Type.Array(Type.String()),
  /** The other questions of each version (a question whose kind or choices changed is in both). */
  onlyInFrom: Type.Array(Type.String()),
  onlyInTo: Type.Array(Type.String()),
});
export type VersionComparison = Static<typeof VersionComparison>;
