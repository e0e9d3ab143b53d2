import { type Static, Type } from 'typebox';
import { SLA_STATES, type SlaState } from '../sla/sla-clock.js';
import { PENDING_REASONS } from '../tickets/ticket-lifecycle.js';
import { TICKET_TYPES } from '../tickets/ticket-types.js';
import { Id, Nullable, Timestamp, Version } from './common.js';

export { SLA_STATES, type SlaState };

const Clock = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
  description: 'HH:MM, 24:00 for the end of the day',
});
const Range = Type.Object({ start: Clock, end: Clock }, { additionalProperties: false });
const Day = Type.Array(Range, { maxItems: 6 });
const Weekly = Type.Object(
  {
    1: Type.Optional(Day),
    2: Type.Optional(Day),
    3: Type.Optional(Day),
    4: Type.Optional(Day),
    5: Type.Optional(Day),
    6: Type.Optional(Day),
    7: Type.Optional(Day),
  },
  {
    additionalProperties: false,
    description: 'Ranges per ISO weekday (1 Monday … 7 Sunday); an end not after its start runs past midnight',
  },
);
const Holiday = Type.Union([
  Type.Object(
    { date: Type.String({ format: 'date' }), name: Type.Optional(Type.String({ maxLength: 100 })) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      month: Type.Integer({ minimum: 1, maximum: 12 }),
      day: Type.Integer({ minimum: 1, maximum: 31 }),
      name: Type.Optional(Type.String({ maxLength: 100 })),
    },
    { additionalProperties: false, description: 'Every year on this date' },
  ),
]);

export const Calendar = Type.Object({
  id: Id,
  name: Type.String(),
  timeZone: Type.String(),
  weekly: Weekly,
  holidays: Type.Array(Holiday),
  version: Type.Integer(),
});

export const CreateCalendarBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, e.g. America/Santiago' }),
    weekly: Weekly,
    holidays: Type.Optional(Type.Array(Holiday, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const UpdateCalendarBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(CreateCalendarBody.properties.name),
    timeZone: Type.Optional(CreateCalendarBody.properties.timeZone),
    weekly: Type.Optional(Weekly),
    holidays: CreateCalendarBody.properties.holidays,
  },
  { additionalProperties: false },
);

const Minutes = Type.Integer({ minimum: 1, maximum: 60 * 24 * 365 });

export const SlaTargetSchema = Type.Object(
  {
    priority: Type.Integer({ minimum: 1, maximum: 4 }),
    type: Type.Optional(Nullable(Type.Enum(TICKET_TYPES))),
    firstResponseMinutes: Minutes,
    resolutionMinutes: Minutes,
    updateMinutes: Type.Optional(Nullable(Minutes)),
  },
  { additionalProperties: false, description: 'Business minutes; a target with a type beats the one without' },
);

export const SLA_TARGETS = ['first_response', 'resolution'] as const;
/** The targets, and the interval between updates to the requester. */
export const SLA_CLOCKS = [...SLA_TARGETS, 'update'] as const;
export const ESCALATION_RECIPIENTS = ['assignee', 'group_lead', 'supervisors'] as const;

export const EscalationLevelSchema = Type.Object(
  {
    target: Type.Enum(SLA_TARGETS),
    percent: Type.Integer({ minimum: 1, maximum: 100, description: 'Share of the target used; 100 is the breach' }),
    afterMinutes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 60 * 24 * 30, description: 'Business minutes past that point' }),
    ),
    notify: Type.Array(Type.Enum(ESCALATION_RECIPIENTS), { uniqueItems: true, maxItems: 3 }),
    userIds: Type.Optional(
      Type.Array(Id, { uniqueItems: true, maxItems: 20, description: 'Named people, e.g. the service manager' }),
    ),
    escalate: Type.Optional(Type.Boolean({ description: "Put the ticket on the supervisors' escalated list" })),
  },
  {
    additionalProperties: false,
    description: 'One level of the escalation matrix: when it fires and whom it tells; each fires once per ticket',
  },
);

export const ProblemTargetSchema = Type.Object(
  { priority: Type.Integer({ minimum: 1, maximum: 4 }), resolutionMinutes: Minutes },
  {
    additionalProperties: false,
    description: 'Resolution time of a problem report of this priority, in business minutes',
  },
);

const ProblemTargets = Type.Array(ProblemTargetSchema, {
  maxItems: 4,
  description: 'Resolution-time standards for problem reports, one per priority',
});

const AgreementFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  calendarId: Id,
  serviceIds: Type.Optional(
    Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'Covered services; empty covers all' }),
  ),
  targets: Type.Array(SlaTargetSchema, { minItems: 1, maxItems: 40 }),
  pausingReasons: Type.Optional(Type.Array(Type.Enum(PENDING_REASONS), { uniqueItems: true })),
  warnAt: Type.Optional(
    Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), { maxItems: 5, uniqueItems: true }),
  ),
  levelMinutes: Type.Optional(
    Type.Object(
      { L1: Type.Optional(Nullable(Minutes)), L2: Type.Optional(Nullable(Minutes)) },
      { additionalProperties: false, description: 'Internal targets (OLA): how long a level may hold a ticket' },
    ),
  ),
  escalations: Type.Optional(Type.Array(EscalationLevelSchema, { maxItems: 12 })),
  problemTargets: Type.Optional(ProblemTargets),
};

export const Agreement = Type.Object({
  id: Id,
  organizationId: Id,
  name: Type.String(),
  calendarId: Id,
  serviceIds: Type.Array(Id),
  targets: Type.Array(SlaTargetSchema),
  pausingReasons: Type.Array(Type.Enum(PENDING_REASONS)),
  warnAt: Type.Array(Type.Number()),
  levelMinutes: Type.Object({ L1: Nullable(Type.Integer()), L2: Nullable(Type.Integer()) }),
  escalations: Type.Array(EscalationLevelSchema),
  problemTargets: Type.Array(ProblemTargetSchema),
  version: Type.Integer(),
});

export const CreateAgreementBody = Type.Object(
  { organizationId: Id, ...AgreementFields },
  { additionalProperties: false },
);

export const UpdateAgreementBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(AgreementFields.name),
    calendarId: Type.Optional(AgreementFields.calendarId),
    serviceIds: AgreementFields.serviceIds,
    targets: Type.Optional(AgreementFields.targets),
    pausingReasons: AgreementFields.pausingReasons,
    warnAt: AgreementFields.warnAt,
    levelMinutes: AgreementFields.levelMinutes,
    escalations: AgreementFields.escalations,
    problemTargets: AgreementFields.problemTargets,
  },
  { additionalProperties: false },
);

export const ImportHolidaysBody = Type.Object(
  {
    version: Version,
    ics: Type.String({ minLength: 1, maxLength: 200_000, description: 'An iCalendar (.ics) file' }),
  },
  { additionalProperties: false },
);

const TargetClock = Type.Object({
  state: Type.Enum(SLA_STATES),
  deadline: Nullable(Type.Number({ description: 'Epoch milliseconds; null while paused short of it' })),
  settled: Type.Boolean({ description: 'Met or missed for good' }),
  elapsedMinutes: Type.Number(),
  remainingMinutes: Type.Number(),
  pausedMinutes: Type.Number(),
  warningLevel: Nullable(Type.Number()),
});

export const SlaExplanation = Type.Object({
  createdAt: Timestamp,
  agreement: Nullable(Type.Object({ id: Id, name: Type.String() })),
  target: Nullable(SlaTargetSchema),
  calendar: Nullable(
    Type.Object({
      id: Id,
      name: Type.String(),
      timeZone: Type.String(),
      weekly: Weekly,
      holidays: Type.Array(Holiday),
    }),
  ),
  warnAt: Type.Array(Type.Number()),
  escalations: Type.Array(
    Type.Object({
      level: EscalationLevelSchema,
      at: Nullable(Timestamp),
      firedAt: Nullable(Timestamp),
    }),
    { description: 'The matrix applied to this ticket: when each level fires (null while paused) and when it did' },
  ),
  ola: Nullable(
    Type.Object(
      {
        level: Type.Enum(['L1', 'L2'] as const),
        minutes: Type.Integer(),
        since: Timestamp,
        at: Nullable(Timestamp),
        firedAt: Nullable(Timestamp),
      },
      { description: 'The internal target of the level holding the ticket: since when it counts and when it ends' },
    ),
  ),
  pausingReasons: Type.Array(Type.String()),
  pauses: Type.Array(
    Type.Object({ from: Type.String(), to: Nullable(Type.String()), reason: Nullable(Type.String()) }),
  ),
  firstResponse: Nullable(TargetClock),
  resolution: Nullable(TargetClock),
  update: Nullable(
    Type.Object(
      { ...TargetClock.properties, since: Timestamp },
      { description: "The update interval, counted from the desk's latest public reply" },
    ),
  ),
  why: Type.String({ description: 'The explanation in one sentence' }),
});

const CalendarSummary = Type.Object({
  id: Id,
  name: Type.String(),
  timeZone: Type.String(),
  weekly: Weekly,
  holidays: Type.Array(Holiday),
});

const EscalationPlan = Type.Array(
  Type.Object({ level: EscalationLevelSchema, at: Nullable(Timestamp), firedAt: Nullable(Timestamp) }),
  { description: 'The resolution levels of the matrix: when each fires and when it did' },
);

/** "Why is the problem due then?": the agreement chosen among the affected organizations', and its plan. */
export const ProblemSlaExplanation = Type.Object({
  createdAt: Timestamp,
  priority: Type.Integer(),
  agreement: Nullable(
    Type.Object({ id: Id, name: Type.String(), organization: Type.Object({ id: Id, name: Type.String() }) }),
  ),
  candidates: Type.Array(
    Type.Object({
      organization: Type.Object({ id: Id, name: Type.String() }),
      agreement: Nullable(Type.Object({ id: Id, name: Type.String() })),
      resolutionMinutes: Nullable(Type.Integer()),
      deadline: Nullable(Timestamp),
      chosen: Type.Boolean(),
      reason: Type.Enum(['strictest', 'later', 'no_agreement', 'no_target', 'no_calendar'] as const),
    }),
    {
      description:
        'Each affected organization: its agreement, its target for this priority and the deadline it would set',
    },
  ),
  target: Nullable(ProblemTargetSchema),
  calendar: Nullable(CalendarSummary),
  warnAt: Type.Array(Type.Number()),
  warnings: Type.Array(Type.Object({ percent: Type.Integer(), at: Nullable(Timestamp), firedAt: Nullable(Timestamp) })),
  escalations: EscalationPlan,
  resolution: Nullable(TargetClock),
  why: Type.String({ description: 'The explanation in one sentence' }),
});

export type Calendar = Static<typeof Calendar>;
export type CreateCalendarBody = Static<typeof CreateCalendarBody>;
export type UpdateCalendarBody = Static<typeof UpdateCalendarBody>;
export type Agreement = Static<typeof Agreement>;
export type CreateAgreementBody = Static<typeof CreateAgreementBody>;
export type UpdateAgreementBody = Static<typeof UpdateAgreementBody>;
export type SlaTargetBody = Static<typeof SlaTargetSchema>;
export type EscalationLevel = Static<typeof EscalationLevelSchema>;
export type SlaExplanation = Static<typeof SlaExplanation>;
export type ProblemSlaExplanation = Static<typeof ProblemSlaExplanation>;
export type ProblemTargetBody = Static<typeof ProblemTargetSchema>;
export type ImportHolidaysBody = Static<typeof ImportHolidaysBody>;
export type SlaTargetName = (typeof SLA_TARGETS)[number];
export type SlaClockName = (typeof SLA_CLOCKS)[number];
