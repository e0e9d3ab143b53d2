import { type Static, Type } from 'typebox';
import { ASSIGNMENT_STRATEGIES, SUPPORT_LEVELS } from '../support/support-levels.js';
import { CHANNELS, TICKET_TYPES } from '../tickets/ticket-types.js';
import { Id, Nullable, Timestamp, Version } from './common.js';

export const LevelSchema = Type.Enum(SUPPORT_LEVELS);
const Strategy = Type.Enum(ASSIGNMENT_STRATEGIES);
const Ref = Type.Object({ id: Id, name: Type.String() });

export const Group = Type.Object({
  id: Id,
  name: Type.String(),
  level: LevelSchema,
  specialty: Nullable(Type.String()),
  lead: Nullable(Ref),
  assignment: Strategy,
  isDefault: Type.Boolean({ description: 'Where tickets go when no rule or coverage routes them (one L1 group)' }),
  status: Type.Enum(['active', 'inactive'] as const),
  members: Type.Array(
    Type.Object({ id: Id, name: Type.String(), presence: Type.Enum(['available', 'away'] as const) }),
  ),
  coverage: Type.Array(
    Type.Object({ organizationId: Nullable(Id), serviceId: Nullable(Id), categoryId: Nullable(Id) }),
  ),
  version: Type.Integer(),
});

const GroupFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  level: LevelSchema,
  specialty: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  leadId: Type.Optional(Nullable(Id)),
  assignment: Type.Optional(Strategy),
  isDefault: Type.Optional(Type.Boolean()),
  memberIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  coverage: Type.Optional(
    Type.Array(
      Type.Object(
        {
          organizationId: Type.Optional(Nullable(Id)),
          serviceId: Type.Optional(Nullable(Id)),
          categoryId: Type.Optional(Nullable(Id)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  ),
};

export const CreateGroupBody = Type.Object(GroupFields, { additionalProperties: false });

export const UpdateGroupBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(GroupFields.name),
    level: Type.Optional(GroupFields.level),
    specialty: GroupFields.specialty,
    leadId: GroupFields.leadId,
    assignment: GroupFields.assignment,
    isDefault: GroupFields.isDefault,
    memberIds: GroupFields.memberIds,
    coverage: GroupFields.coverage,
    status: Type.Optional(Type.Enum(['active', 'inactive'] as const)),
  },
  { additionalProperties: false },
);

export const RoutingRule = Type.Object({
  id: Id,
  name: Type.String(),
  position: Type.Integer(),
  active: Type.Boolean(),
  organizationId: Nullable(Id),
  serviceId: Nullable(Id),
  categoryId: Nullable(Id),
  type: Nullable(Type.Enum(TICKET_TYPES)),
  channel: Nullable(Type.Enum(CHANNELS)),
  groupId: Id,
  version: Type.Integer(),
});

const RuleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  position: Type.Integer({ minimum: 0, maximum: 100_000 }),
  active: Type.Optional(Type.Boolean()),
  organizationId: Type.Optional(Nullable(Id)),
  serviceId: Type.Optional(Nullable(Id)),
  categoryId: Type.Optional(Nullable(Id)),
  type: Type.Optional(Nullable(Type.Enum(TICKET_TYPES))),
  channel: Type.Optional(Nullable(Type.Enum(CHANNELS))),
  groupId: Id,
};

export const CreateRoutingRuleBody = Type.Object(RuleFields, { additionalProperties: false });

export const UpdateRoutingRuleBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(RuleFields.name),
    position: Type.Optional(RuleFields.position),
    active: RuleFields.active,
    organizationId: RuleFields.organizationId,
    serviceId: RuleFields.serviceId,
    categoryId: RuleFields.categoryId,
    type: RuleFields.type,
    channel: RuleFields.channel,
    groupId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const RouteExplanationQuery = Type.Object(
  {
    organizationId: Id,
    serviceId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    type: Type.Enum(TICKET_TYPES),
    channel: Type.Enum(CHANNELS),
  },
  { additionalProperties: false },
);

export const RouteExplanation = Type.Object({
  group: Nullable(Type.Object({ id: Id, name: Type.String(), level: LevelSchema })),
  ruleId: Nullable(Id),
  reason: Type.String(),
});

export const EscalateBody = Type.Object(
  {
    toGroupId: Id,
    summary: Type.String({
      minLength: 10,
      maxLength: 5000,
      description: 'What was tried, what is known, why it moves',
    }),
    assigneeId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const Escalation = Type.Object({
  id: Id,
  kind: Type.Enum(['escalation', 'return', 'transfer'] as const),
  fromGroup: Nullable(Ref),
  toGroup: Ref,
  fromLevel: Nullable(LevelSchema),
  toLevel: LevelSchema,
  summary: Type.String(),
  actor: Nullable(Ref),
  at: Timestamp,
});

export const PresenceBody = Type.Object(
  { presence: Type.Enum(['available', 'away'] as const) },
  { additionalProperties: false },
);

export type Group = Static<typeof Group>;
export type CreateGroupBody = Static<typeof CreateGroupBody>;
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;
export type RoutingRule = Static<typeof RoutingRule>;
export type CreateRoutingRuleBody = Static<typeof CreateRoutingRuleBody>;
export type UpdateRoutingRuleBody = Static<typeof UpdateRoutingRuleBody>;
export type RouteExplanationQuery = Static<typeof RouteExplanationQuery>;
export type RouteExplanation = Static<typeof RouteExplanation>;
export type EscalateBody = Static<typeof EscalateBody>;
export type Escalation = Static<typeof Escalation>;
