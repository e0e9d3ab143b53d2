import { type Static, Type } from 'typebox';
import { TREND_PERIODS } from '../problems/incident-trend.js';
import { FIX_REFERENCE_KINDS, PROBLEM_STATUSES } from '../problems/problem-lifecycle.js';
import { SLA_STATES } from '../sla/sla-clock.js';
import { Id, ListQuery, Nullable, Timestamp, Version } from './common.js';
import { LevelSchema, PrioritySchema, StatusSchema } from './tickets.js';

/** Problem records (ITIL problem management), their incidents and the known-error base. Staff only. */

export const ProblemStatusSchema = Type.Enum(PROBLEM_STATUSES);

const Ref = Type.Object({ id: Id, name: Type.String() });
const Html = Type.String({ maxLength: 100_000, description: 'Rich text; sanitized on the server' });
const OptionalHtml = Type.Optional(
  Nullable(Type.String({ maxLength: 100_000, description: 'Rich text; sanitized on the server; empty clears it' })),
);

export const FixReference = Type.Object(
  {
    kind: Type.Enum(FIX_REFERENCE_KINDS, { description: 'A change on our side or a case opened with a vendor' }),
    reference: Type.String({ minLength: 1, maxLength: 100, description: 'CHG-0042, the vendor case number' }),
    url: Nullable(Type.String({ maxLength: 2000, description: 'http(s) only' })),
  },
  { additionalProperties: false },
);

/** A problem's file: staff-only, downloaded as every file is (`GET /attachments/{id}/content`). */
export const ProblemAttachment = Type.Object({
  id: Id,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedBy: Ref,
  createdAt: Timestamp,
});

export const AttachToProblemBody = Type.Object(
  {
    attachmentIds: Type.Array(Id, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'Your own uploads from POST /attachments, not yet attached to anything',
    }),
  },
  { additionalProperties: false },
);

/** The problem's service level as stored: the strictest affected organization's agreement sets it. */
export const ProblemSla = Type.Object(
  {
    agreementId: Id,
    resolutionDueAt: Nullable(Timestamp),
    state: Nullable(Type.Enum(SLA_STATES, { description: 'Null once cancelled: no outcome' })),
    met: Nullable(Type.Boolean({ description: 'Resolved within the target; null while open or once cancelled' })),
    resolutionMinutes: Nullable(Type.Integer({ description: 'Business minutes it took, once resolved or closed' })),
  },
  { description: 'Null when no affected organization has a problem target for its priority' },
);

export const ProblemSummary = Type.Object({
  id: Id,
  number: Type.String({ description: 'PRB-000123' }),
  status: ProblemStatusSchema,
  subject: Type.String(),
  priority: PrioritySchema,
  group: Nullable(Ref),
  owner: Nullable(Ref),
  incidentCount: Type.Integer(),
  workaroundApplications: Type.Integer({ description: 'How many times the workaround was applied to an incident' }),
  sla: Nullable(ProblemSla),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Problem = Type.Object({
  ...ProblemSummary.properties,
  descriptionHtml: Type.String(),
  impact: LevelSchema,
  urgency: LevelSchema,
  organizations: Type.Array(Ref, { description: 'The organizations declared affected' }),
  services: Type.Array(Type.Object({ id: Id, name: Type.String(), organizationId: Id })),
  symptomHtml: Nullable(Type.String()),
  causeHtml: Nullable(Type.String()),
  businessImpactHtml: Nullable(Type.String()),
  workaroundDeskHtml: Nullable(
    Type.String({ description: 'The workaround as the desk applies it; never shown to requesters' }),
  ),
  workaroundPublicHtml: Nullable(
    Type.String({ description: 'The workaround as requesters may read it (replies, the portal)' }),
  ),
  permanentFixHtml: Nullable(Type.String()),
  fixReferences: Type.Array(FixReference),
  attachments: Type.Array(ProblemAttachment),
  createdBy: Ref,
  knownErrorAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  allowedStatuses: Type.Array(ProblemStatusSchema, { description: 'The statuses this problem may move to' }),
  version: Type.Integer(),
});

/** What a problem records beyond its subject and description: set on creation, changed on update, all optional. */
const PROBLEM_DETAILS = {
  impact: Type.Optional(LevelSchema),
  urgency: Type.Optional(LevelSchema),
  organizationIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  serviceIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  groupId: Type.Optional(Nullable(Id)),
  ownerId: Type.Optional(Nullable(Id)),
  symptom: OptionalHtml,
  cause: OptionalHtml,
  businessImpact: OptionalHtml,
  workaroundDesk: OptionalHtml,
  workaroundPublic: OptionalHtml,
  permanentFix: OptionalHtml,
  fixReferences: Type.Optional(Type.Array(FixReference, { maxItems: 20 })),
};

export const CreateProblemBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    description: Html,
    ...PROBLEM_DETAILS,
  },
  { additionalProperties: false },
);

export const UpdateProblemBody = Type.Object(
  {
    version: Version,
    status: Type.Optional(ProblemStatusSchema),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Html),
    ...PROBLEM_DETAILS,
  },
  { additionalProperties: false },
);

export const ProblemListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(ProblemStatusSchema, { maxItems: 6 })),
    priority: Type.Optional(Type.Array(PrioritySchema, { maxItems: 4 })),
    organizationId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words of the subject and analysis, or a PRB number' }),
    ),
    ...ListQuery,
  },
  { additionalProperties: false },
);

export const ProblemEvent = Type.Object({
  id: Id,
  at: Timestamp,
  actor: Nullable(Ref),
  kind: Type.String({
    description: 'created, updated, status_changed, note, incident_linked, incident_unlinked, workaround_applied',
  }),
  bodyHtml: Nullable(Type.String({ description: 'A note’s text' })),
  changes: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
});

export const ProblemNoteBody = Type.Object({ bodyHtml: Html }, { additionalProperties: false });

export const ProblemIncident = Type.Object({
  id: Id,
  number: Type.String(),
  subject: Type.String(),
  status: StatusSchema,
  organization: Ref,
  service: Nullable(Ref),
  createdAt: Timestamp,
  linkedAt: Timestamp,
});

export const ProblemIncidentsQuery = Type.Object(
  { per: Type.Optional(Type.Enum(TREND_PERIODS, { default: 'week' })) },
  { additionalProperties: false },
);

export const ProblemIncidents = Type.Object({
  items: Type.Array(ProblemIncident),
  organizations: Type.Array(Type.Object({ id: Id, name: Type.String(), count: Type.Integer() }), {
    description: 'The organizations the incidents come from, most incidents first',
  }),
  trend: Type.Array(Type.Object({ start: Type.String({ description: 'YYYY-MM-DD, UTC' }), count: Type.Integer() }), {
    description: 'Incidents raised per day or ISO week (per=day|week), empty periods included',
  }),
});

export const LinkIncidentsBody = Type.Object(
  {
    ticketIds: Type.Array(Id, {
      minItems: 1,
      maxItems: 500,
      uniqueItems: true,
      description: 'All are linked or none: a refused id is named in the errors as ticketIds[i]',
    }),
  },
  { additionalProperties: false },
);

export const ProblemTicketParams = Type.Object({ id: Id, ticketId: Id }, { additionalProperties: false });

export const ApplyWorkaroundBody = Type.Object(
  {
    ticketId: Id,
    as: Type.Enum(['reply', 'note'] as const, {
      description: 'reply: the public wording to the requester; note: the desk wording, staff only',
    }),
  },
  { additionalProperties: false },
);

export const AppliedWorkaround = Type.Object({
  messageId: Id,
  ticketId: Id,
  as: Type.Enum(['reply', 'note'] as const),
  workaroundApplications: Type.Integer(),
  alreadyApplied: Type.Boolean({
    description: 'true (200): this workaround was already posted this way on the ticket; nothing new was posted',
  }),
});

export const KnownErrorQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Search: every word must appear' })),
    text: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Suggest: an incident’s words (subject, description), ranked by how many match',
      }),
    ),
    serviceId: Type.Optional(
      Type.String({ maxLength: 64, description: 'Ranks problems affecting this service first' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const KnownError = Type.Object({
  id: Id,
  number: Type.String(),
  status: ProblemStatusSchema,
  subject: Type.String(),
  priority: PrioritySchema,
  workaroundDeskHtml: Nullable(Type.String()),
  workaroundPublicHtml: Nullable(Type.String()),
  workaroundApplications: Type.Integer(),
  score: Type.Number(),
});

export type ProblemStatus = Static<typeof ProblemStatusSchema>;
export type FixReference = Static<typeof FixReference>;
export type ProblemAttachment = Static<typeof ProblemAttachment>;
export type ProblemSummary = Static<typeof ProblemSummary>;
export type Problem = Static<typeof Problem>;
export type ProblemSla = Static<typeof ProblemSla>;
export type CreateProblemBody = Static<typeof CreateProblemBody>;
export type UpdateProblemBody = Static<typeof UpdateProblemBody>;
export type ProblemListQuery = Static<typeof ProblemListQuery>;
export type ProblemEvent = Static<typeof ProblemEvent>;
export type ProblemIncident = Static<typeof ProblemIncident>;
export type ProblemIncidents = Static<typeof ProblemIncidents>;
export type LinkIncidentsBody = Static<typeof LinkIncidentsBody>;
export type ApplyWorkaroundBody = Static<typeof ApplyWorkaroundBody>;
export type AppliedWorkaround = Static<typeof AppliedWorkaround>;
export type KnownErrorQuery = Static<typeof KnownErrorQuery>;
export type KnownError = Static<typeof KnownError>;
