import { type Static, Type } from 'typebox';
import { PROBLEM_STATUSES } from '../problems/problem-lifecycle.js';
import { Id, ListQuery, MONTH_PATTERN, Nullable, Timestamp } from './common.js';
import { SLA_CLOCKS, SLA_STATES } from './sla.js';
import { PrioritySchema, TicketSummary } from './tickets.js';

/** The supervisor's console: tickets at risk, breached, paused or escalated; commitments; compliance. */
export const SUPERVISION_VIEWS = ['at_risk', 'breached', 'paused', 'escalated', 'commitments'] as const;
export const COMMITMENT_STATES = ['open', 'kept', 'broken', 'superseded'] as const;
/** The board's Problems view: problem reports at risk of, or past, their resolution standard, or promised. */
export const PROBLEM_SUPERVISION_VIEWS = ['at_risk', 'breached', 'commitments'] as const;

const Ref = Type.Object({ id: Id, name: Type.String() });

export const Commitment = Type.Object({
  id: Id,
  // One of the two: the ticket promised, or the problem report promised.
  ticketId: Nullable(Id),
  problemId: Nullable(Id),
  promisedAt: Timestamp,
  note: Type.String(),
  toldRequester: Type.Boolean(),
  state: Type.Enum(COMMITMENT_STATES, {
    description:
      'open until the ticket or problem is resolved (kept) or the date passes (broken); a newer one supersedes it',
  }),
  warnedAt: Nullable(Timestamp),
  brokenAt: Nullable(Timestamp),
  createdBy: Ref,
  createdAt: Timestamp,
});

export const CreateCommitmentBody = Type.Object(
  {
    promisedAt: Timestamp,
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    tellRequester: Type.Optional(
      Type.Boolean({
        description:
          'Also tell the requester, as a public reply with the note and the date (tickets only: a problem has no requester)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SupervisionQuery = Type.Object(
  {
    ...ListQuery,
    view: Type.Enum(SUPERVISION_VIEWS, {
      description:
        'at_risk: warned, not breached; breached; paused: the clock stopped; escalated: put on the supervisors’ list by the matrix; commitments: with an open commitment',
    }),
    organizationId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    assigneeId: Type.Optional(Id),
    level: Type.Optional(Type.Enum(['L1', 'L2', 'L3'] as const)),
  },
  { additionalProperties: false },
);

export const SupervisionSummaryQuery = Type.Object(
  {
    organizationId: SupervisionQuery.properties.organizationId,
    groupId: SupervisionQuery.properties.groupId,
    assigneeId: SupervisionQuery.properties.assigneeId,
    level: SupervisionQuery.properties.level,
  },
  { additionalProperties: false },
);

export const BoardTicket = Type.Object({
  ...TicketSummary.properties,
  sla: Type.Object({
    state: Nullable(Type.Enum(SLA_STATES)),
    firstResponseDueAt: Nullable(Timestamp),
    resolutionDueAt: Nullable(Timestamp),
    nextDueAt: Nullable(Timestamp),
    escalatedAt: Nullable(Timestamp),
  }),
  commitment: Nullable(Type.Object({ id: Id, promisedAt: Timestamp, warnedAt: Nullable(Timestamp) })),
  version: Type.Integer({ description: 'For changes made from the board' }),
});

export const ProblemSupervisionQuery = Type.Object(
  {
    ...ListQuery,
    view: Type.Enum(PROBLEM_SUPERVISION_VIEWS, {
      description:
        'at_risk: open problems warned, not breached; breached: open problems past their resolution standard; commitments: with an open commitment',
    }),
    organizationId: Type.Optional(Id),
    groupId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const ProblemSupervisionSummaryQuery = Type.Object(
  {
    organizationId: ProblemSupervisionQuery.properties.organizationId,
    groupId: ProblemSupervisionQuery.properties.groupId,
  },
  { additionalProperties: false },
);

export const BoardProblem = Type.Object({
  id: Id,
  number: Type.String({ description: 'PRB-000123' }),
  subject: Type.String(),
  status: Type.Enum(PROBLEM_STATUSES),
  priority: PrioritySchema,
  owner: Nullable(Ref),
  group: Nullable(Ref),
  organizations: Type.Array(Ref, { description: 'The organizations declared affected' }),
  sla: Type.Object({
    state: Nullable(Type.Enum(SLA_STATES)),
    resolutionDueAt: Nullable(Timestamp),
    escalatedAt: Nullable(Timestamp),
  }),
  commitment: Nullable(Type.Object({ id: Id, promisedAt: Timestamp, warnedAt: Nullable(Timestamp) })),
});

export const ProblemSupervisionSummary = Type.Object({
  atRisk: Type.Integer(),
  breached: Type.Integer(),
  commitments: Type.Integer(),
});

const Counts = { atRisk: Type.Integer(), breached: Type.Integer(), paused: Type.Integer() };
const Bucket = Type.Object({ id: Nullable(Id), name: Nullable(Type.String()), ...Counts });

export const SupervisionSummary = Type.Object({
  totals: Type.Object({ ...Counts, escalated: Type.Integer(), commitments: Type.Integer() }),
  byOrganization: Type.Array(Bucket),
  byGroup: Type.Array(Bucket, { description: 'id null: tickets in no group' }),
  byAgent: Type.Array(Bucket, { description: 'id null: unassigned tickets' }),
  byLevel: Type.Array(Bucket),
});

export const ComplianceQuery = Type.Object(
  {
    month: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM; this month by default' })),
  },
  { additionalProperties: false },
);

const Outcome = Type.Object({
  met: Type.Integer(),
  breached: Type.Integer(),
  percent: Nullable(Type.Number({ description: 'Met over met + breached, 0–100; null with nothing measured' })),
});

export const Compliance = Type.Object({
  month: Type.String(),
  items: Type.Array(
    Type.Object({
      organization: Ref,
      firstResponse: Outcome,
      resolution: Outcome,
    }),
  ),
  problems: Type.Array(
    Type.Object({
      priority: PrioritySchema,
      resolved: Type.Integer({ description: 'Problem reports resolved in the month' }),
      ...Outcome.properties,
    }),
    { description: 'Problem reports apart from tickets: their resolution standard per priority, 1 to 4' },
  ),
});

export const NOTIFICATION_KINDS = [
  'sla_warning',
  'sla_breach',
  'sla_escalation',
  'ola_exceeded',
  'commitment_warning',
  'commitment_broken',
  // A requester's satisfaction rating at or below the agreement's low mark; `percent` holds the rating.
  'low_satisfaction',
] as const;

export const Notification = Type.Object({
  id: Id,
  kind: Type.Enum(NOTIFICATION_KINDS),
  ticket: Nullable(Type.Object({ id: Id, number: Type.String(), subject: Type.String() })),
  problem: Nullable(
    Type.Object(
      { id: Id, number: Type.String({ description: 'PRB-000123' }), subject: Type.String() },
      { description: "A problem report's service level; exactly one of ticket and problem is set" },
    ),
  ),
  target: Nullable(Type.Enum(SLA_CLOCKS)),
  percent: Nullable(Type.Integer()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});

export const NotificationQuery = Type.Object(
  { ...ListQuery, unread: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const MarkNotificationsReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200, description: 'All when omitted' })) },
  { additionalProperties: false },
);

export const UnreadCount = Type.Object({ unread: Type.Integer() });

export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type SupervisionView = (typeof SUPERVISION_VIEWS)[number];
export type ProblemSupervisionView = (typeof PROBLEM_SUPERVISION_VIEWS)[number];
export type ProblemSupervisionQuery = Static<typeof ProblemSupervisionQuery>;
export type ProblemSupervisionSummaryQuery = Static<typeof ProblemSupervisionSummaryQuery>;
export type BoardProblem = Static<typeof BoardProblem>;
export type ProblemSupervisionSummary = Static<typeof ProblemSupervisionSummary>;
export type Commitment = Static<typeof Commitment>;
export type CreateCommitmentBody = Static<typeof CreateCommitmentBody>;
export type SupervisionQuery = Static<typeof SupervisionQuery>;
export type SupervisionSummaryQuery = Static<typeof SupervisionSummaryQuery>;
export type BoardTicket = Static<typeof BoardTicket>;
export type SupervisionSummary = Static<typeof SupervisionSummary>;
export type ComplianceQuery = Static<typeof ComplianceQuery>;
export type Compliance = Static<typeof Compliance>;
export type Notification = Static<typeof Notification>;
export type NotificationQuery = Static<typeof NotificationQuery>;
export type UnreadCount = Static<typeof UnreadCount>;
export type MarkNotificationsReadBody = Static<typeof MarkNotificationsReadBody>;
