import { type Static, Type } from 'typebox';
import { PENDING_REASONS } from '../tickets/ticket-lifecycle.js';
import { TICKET_TYPES } from '../tickets/ticket-types.js';
import { Id, Nullable, Version } from './common.js';

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
  },
  { additionalProperties: false },
);

const TargetClock = Type.Object({
  state: Type.Enum(['running', 'paused', 'warning', 'breached', 'met'] as const),
  deadline: Nullable(Type.Number({ description: 'Epoch milliseconds; null while paused' })),
  elapsedMinutes: Type.Number(),
  remainingMinutes: Type.Number(),
  pausedMinutes: Type.Number(),
  warningLevel: Nullable(Type.Number()),
});

export const SlaExplanation = Type.Object({
  agreement: Nullable(Type.Object({ id: Id, name: Type.String() })),
  target: Nullable(SlaTargetSchema),
  calendar: Nullable(Type.Object({ id: Id, name: Type.String(), timeZone: Type.String() })),
  pausingReasons: Type.Array(Type.String()),
  pauses: Type.Array(
    Type.Object({ from: Type.String(), to: Nullable(Type.String()), reason: Nullable(Type.String()) }),
  ),
  firstResponse: Nullable(TargetClock),
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
