import { type Static, Type } from 'typebox';
import { PROCEDURE_AUDIENCES, PROCEDURE_STATUSES } from '../support/procedures.js';
import { Id, ListQuery, Nullable, Timestamp, Version } from './common.js';

const Ref = Type.Object({ id: Id, name: Type.String() });
const Audience = Type.Enum(PROCEDURE_AUDIENCES);
const Status = Type.Enum(PROCEDURE_STATUSES);
const Steps = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { minItems: 1, maxItems: 50 });

export const Procedure = Type.Object({
  id: Id,
  title: Type.String(),
  summary: Type.String(),
  steps: Type.Array(Type.String()),
  audience: Audience,
  specialty: Nullable(Type.String()),
  status: Status,
  shownVersion: Type.Integer({
    description: 'The version whose content this is: the latest for staff, the published one for requesters',
  }),
  latestVersion: Type.Integer(),
  publishedVersion: Nullable(Type.Integer()),
  serviceIds: Type.Array(Id),
  categoryIds: Type.Array(Id),
  author: Ref,
  reviewer: Nullable(Ref),
  timesApplied: Type.Integer({ description: 'Tickets it was applied to' }),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const ContentFields = {
  title: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ maxLength: 2000 }),
  steps: Steps,
  audience: Audience,
  specialty: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  serviceIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  categoryIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
};

export const CreateProcedureBody = Type.Object(ContentFields, { additionalProperties: false });

export const UpdateProcedureBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(ContentFields.title),
    summary: Type.Optional(ContentFields.summary),
    steps: Type.Optional(ContentFields.steps),
    audience: Type.Optional(ContentFields.audience),
    specialty: ContentFields.specialty,
    serviceIds: ContentFields.serviceIds,
    categoryIds: ContentFields.categoryIds,
  },
  { additionalProperties: false },
);

export const ProcedureActionBody = Type.Object(
  { version: Version, action: Type.Enum(['submit', 'publish', 'return', 'retire'] as const) },
  { additionalProperties: false },
);

export const ProcedureListQuery = Type.Object(
  {
    ...ListQuery,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Status),
    audience: Type.Optional(Audience),
  },
  { additionalProperties: false },
);

export const SuggestionQuery = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 2000, description: 'What is being typed: subject, description' })),
    serviceId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    audience: Type.Optional(Audience),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);

export const Suggestion = Type.Object({
  procedure: Procedure,
  score: Type.Number(),
  reasons: Type.Array(Type.String(), { description: 'category, service, text' }),
});

export const ProcedureVersion = Type.Object({
  number: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  steps: Type.Array(Type.String()),
  author: Ref,
  createdAt: Timestamp,
});

export const ApplyProcedureBody = Type.Object({ procedureId: Id }, { additionalProperties: false });

export const CannedResponse = Type.Object({
  id: Id,
  title: Type.String(),
  bodyHtml: Type.String(),
  shared: Type.Boolean({ description: 'For the whole desk, or only its owner' }),
  version: Type.Integer(),
});

export const CreateCannedResponseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    bodyHtml: Type.String({ minLength: 1, maxLength: 20_000 }),
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export type Procedure = Static<typeof Procedure>;
export type CreateProcedureBody = Static<typeof CreateProcedureBody>;
export type UpdateProcedureBody = Static<typeof UpdateProcedureBody>;
export type ProcedureActionBody = Static<typeof ProcedureActionBody>;
export type ProcedureListQuery = Static<typeof ProcedureListQuery>;
export type SuggestionQuery = Static<typeof SuggestionQuery>;
export type Suggestion = Static<typeof Suggestion>;
export type ProcedureVersion = Static<typeof ProcedureVersion>;
export type CannedResponse = Static<typeof CannedResponse>;
export type CreateCannedResponseBody = Static<typeof CreateCannedResponseBody>;
