import { type Static, Type } from 'typebox';
import { PROBLEM_STATUSES } from '../problems/problem-lifecycle.js';
import type { Priority } from '../tickets/priority.js';
import { PENDING_REASONS, RESOLUTION_CODES, STATUSES } from '../tickets/ticket-lifecycle.js';
import { CHANNELS, TICKET_TYPES } from '../tickets/ticket-types.js';
import { Id, ListQuery, Nullable, Timestamp, Version } from './common.js';
import { SLA_STATES } from './sla.js';

export const TicketTypeSchema = Type.Enum(TICKET_TYPES);
export const StatusSchema = Type.Enum(STATUSES);
export const ChannelSchema = Type.Enum(CHANNELS);
export const LevelSchema = Type.Enum(['high', 'medium', 'low'] as const);
// An integer schema (not an enum) so query strings coerce "1" to 1.
export const PrioritySchema = Type.Unsafe<Priority>({ type: 'integer', minimum: 1, maximum: 4 });
export const PendingReasonSchema = Type.Enum(PENDING_REASONS);
export const ResolutionCodeSchema = Type.Enum(RESOLUTION_CODES);

const Ref = Type.Object({ id: Id, name: Type.String() });
const PersonRef = Type.Object({ id: Id, name: Type.String(), email: Type.String() });
const Tag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^,\\s][^,]*$' });
const Html = Type.String({ maxLength: 100_000, description: 'Rich text; sanitized on the server' });

export const TicketSummary = Type.Object({
  id: Id,
  number: Type.String({ description: 'INC-000123, REQ-000045, QRY-000007' }),
  type: TicketTypeSchema,
  status: StatusSchema,
  subject: Type.String(),
  priority: PrioritySchema,
  channel: ChannelSchema,
  requester: PersonRef,
  organization: Ref,
  service: Nullable(Ref),
  category: Nullable(Ref),
  assignee: Nullable(Ref),
  group: Nullable(Ref),
  level: Nullable(Type.Enum(['L1', 'L2', 'L3'] as const)),
  tags: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sla: Type.Object(
    {
      nextDueAt: Nullable(Timestamp),
      state: Nullable(Type.Enum(SLA_STATES)),
    },
    {
      description:
        'The SLA in one line. nextDueAt: the earliest deadline of a target not yet met or missed for good (first response, ' +
        'resolution, or the update to the requester when the agreement sets one), overdue ones included; null while no ' +
        'clock runs (paused, settled, or no agreement). state: running, warning, breached, paused or met as of the ' +
        'request (a running clock past its deadline reads breached), null when no agreement applies.',
    },
  ),
});

export const Attachment = Type.Object({
  id: Id,
  ticketId: Id,
  messageId: Nullable(Id),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  internal: Type.Boolean(),
  uploadedBy: Ref,
  createdAt: Timestamp,
});

export const LINK_KINDS = ['related', 'duplicate_of', 'child_of', 'parent_of'] as const;

export const TicketLink = Type.Object({
  id: Id,
  kind: Type.Enum(['related', 'duplicate_of', 'duplicated_by', 'child_of', 'parent_of'] as const, {
    description:
      'From this ticket: duplicate_of the survivor, duplicated_by a merged duplicate, child_of its parent, parent_of a child',
  }),
  ticket: Type.Object({ id: Id, number: Type.String(), subject: Type.String(), status: StatusSchema }),
});

export const CreateLinkBody = Type.Object(
  {
    kind: Type.Enum(LINK_KINDS, {
      description: 'duplicate_of merges: this ticket is resolved as a duplicate of the other',
    }),
    ticketId: Id,
  },
  { additionalProperties: false },
);

/** A problem behind a ticket, as the desk's view of the ticket names it. */
export const TicketProblemRef = Type.Object({
  id: Id,
  number: Type.String({ description: 'PRB-000123' }),
  subject: Type.String(),
  status: Type.Enum(PROBLEM_STATUSES),
});

/** What a linked incident's requester reads: the public wording only, never the problem record. */
export const KnownIssue = Type.Object(
  {
    workaroundHtml: Nullable(
      Type.String({ description: 'The public workaround, once the problem is a known error that has one' }),
    ),
  },
  {
    description:
      'The ticket is behind a known issue the desk is working on (the portal says so in its own words); ' +
      'null when no open problem is behind it',
  },
);

export const Ticket = Type.Object({
  ...TicketSummary.properties,
  descriptionHtml: Type.String(),
  impact: LevelSchema,
  urgency: LevelSchema,
  priorityOverridden: Type.Boolean(),
  priorityReason: Nullable(Type.String()),
  pendingReason: Nullable(PendingReasonSchema),
  resolutionCode: Nullable(ResolutionCodeSchema),
  resolutionNotes: Nullable(Type.String()),
  watchers: Type.Array(Ref),
  createdBy: Ref,
  attachments: Type.Array(Attachment, { description: 'Files attached to the ticket itself (not to a reply)' }),
  links: Type.Array(TicketLink),
  problems: Type.Array(TicketProblemRef, {
    description: 'The problem behind this incident (at most one); always empty for requesters',
  }),
  knownIssue: Nullable(KnownIssue),
  escalated: Type.Boolean({ description: 'Escalated to a higher level at least once' }),
  firstContact: Type.Boolean({ description: 'Resolved on first contact' }),
  resolvedLevel: Nullable(Type.Enum(['L1', 'L2', 'L3'] as const)),
  sla: Type.Object(
    {
      agreementId: Nullable(Id),
      firstResponseDueAt: Nullable(Timestamp),
      resolutionDueAt: Nullable(Timestamp),
      nextDueAt: Nullable(Timestamp),
      firstResponseMet: Nullable(Type.Boolean()),
      resolutionMet: Nullable(Type.Boolean()),
      state: Nullable(
        Type.Enum(SLA_STATES, {
          description:
            'As of the request: the state stored at the last change or detection run, breached once a running clock passes nextDueAt',
        }),
      ),
      escalatedAt: Nullable(Timestamp),
    },
    { description: 'Deadlines from the agreement, in business time; null while paused or when no agreement applies' },
  ),
  firstResponseAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  reopenableUntil: Nullable(Timestamp),
  allowedStatuses: Type.Array(StatusSchema, { description: 'The statuses the caller may move this ticket to' }),
  version: Type.Integer(),
});

export const CreateTicketBody = Type.Object(
  {
    type: TicketTypeSchema,
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    description: Html,
    serviceId: Type.Optional(Nullable(Id)),
    categoryId: Type.Optional(Nullable(Id)),
    channel: Type.Optional(ChannelSchema),
    impact: Type.Optional(LevelSchema),
    urgency: Type.Optional(LevelSchema),
    requesterId: Type.Optional(Id),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
    firstContactResolution: Type.Optional(
      Type.Object(
        {
          resolutionCode: ResolutionCodeSchema,
          resolutionNotes: Type.String({ minLength: 1, maxLength: 10_000 }),
        },
        {
          additionalProperties: false,
          description:
            'Staff only: the case was resolved during the contact; the ticket is created resolved by its author',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const UpdateTicketBody = Type.Object(
  {
    version: Version,
    status: Type.Optional(StatusSchema),
    pendingReason: Type.Optional(Nullable(PendingReasonSchema)),
    resolutionCode: Type.Optional(Nullable(ResolutionCodeSchema)),
    resolutionNotes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    assigneeId: Type.Optional(Nullable(Id)),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    type: Type.Optional(TicketTypeSchema),
    serviceId: Type.Optional(Nullable(Id)),
    categoryId: Type.Optional(Nullable(Id)),
    channel: Type.Optional(ChannelSchema),
    impact: Type.Optional(LevelSchema),
    urgency: Type.Optional(LevelSchema),
    priority: Type.Optional(PrioritySchema),
    priorityReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
    watcherIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const BulkUpdateBody = Type.Object(
  {
    ticketIds: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
    changes: Type.Object(
      {
        assigneeId: Type.Optional(Nullable(Id)),
        status: Type.Optional(StatusSchema),
        pendingReason: Type.Optional(PendingReasonSchema),
        priority: Type.Optional(PrioritySchema),
        priorityReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);

export const BulkUpdateResult = Type.Object({
  items: Type.Array(
    Type.Object({
      ticketId: Id,
      ok: Type.Boolean(),
      error: Nullable(Type.Object({ code: Type.String(), detail: Type.String() })),
    }),
  ),
});

export const QUEUES = ['mine', 'unassigned', 'open', 'recent', 'all'] as const;
export const SORTS = ['updated', 'created', 'priority', 'due'] as const;

export const TicketListQuery = Type.Object(
  {
    ...ListQuery,
    queue: Type.Optional(
      Type.Enum(QUEUES, {
        description:
          "mine: assigned to me; unassigned: nobody's, in my groups (any group if I am in none); open; recent; all",
      }),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Full text over subject, description and conversation, or a ticket number',
      }),
    ),
    status: Type.Optional(Type.Array(StatusSchema, { maxItems: 7 })),
    priority: Type.Optional(Type.Array(PrioritySchema, { maxItems: 4 })),
    type: Type.Optional(Type.Array(TicketTypeSchema, { maxItems: 3 })),
    channel: Type.Optional(Type.Array(ChannelSchema, { maxItems: 6 })),
    organizationId: Type.Optional(Id),
    serviceId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    assigneeId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    requesterId: Type.Optional(Id),
    tag: Type.Optional(Tag),
    createdFrom: Type.Optional(Timestamp),
    createdTo: Type.Optional(Timestamp),
    sort: Type.Optional(
      Type.Enum(SORTS, {
        description:
          'updated (default): last updated first; created: newest first; priority: highest first, then last updated; ' +
          'due: the nearest SLA deadline first (overdue ones first of all), tickets with no running clock last, oldest first',
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Where a queue's count stops. A capped count reads at most this many index entries through the
 * list's own filter, whatever the table holds; an exact one would read every open ticket (or every
 * ticket, for "all") on each visit.
 */
export const QUEUE_COUNT_CAP = 999;

export const QueueCounts = Type.Object({
  items: Type.Array(
    Type.Object({
      queue: Type.Enum(QUEUES),
      count: Type.Integer({ minimum: 0, maximum: QUEUE_COUNT_CAP }),
      more: Type.Boolean({ description: `There are more than count: counting stops at ${QUEUE_COUNT_CAP}` }),
    }),
    { description: "Each queue's tickets as the list shows them without the screen's other filters" },
  ),
});

export const Message = Type.Object({
  id: Id,
  ticketId: Id,
  kind: Type.Enum(['reply', 'note'] as const),
  author: Ref,
  bodyHtml: Type.String(),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});

export const MessageBody = Type.Object(
  {
    bodyHtml: Html,
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const TimelineEntry = Type.Object({
  id: Id,
  at: Timestamp,
  actor: Nullable(Ref),
  kind: Type.String({ description: 'created, status_changed, assigned, updated, reply, note, linked, …' }),
  internal: Type.Boolean({ description: 'Seen by staff only' }),
  message: Nullable(Message),
  changes: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
});

export const Category = Type.Object({
  id: Id,
  parentId: Nullable(Id),
  serviceId: Nullable(Id),
  name: Type.String(),
  status: Type.Enum(['active', 'inactive'] as const),
  version: Type.Integer(),
});

export const CategoryListQuery = Type.Object(
  { serviceId: Type.Optional(Id), includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreateCategoryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    parentId: Type.Optional(Nullable(Id)),
    serviceId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const UpdateCategoryBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(Type.Enum(['active', 'inactive'] as const)),
  },
  { additionalProperties: false },
);

export const ServiceSuggestionQuery = Type.Object({ requesterId: Id }, { additionalProperties: false });

export const ServiceSuggestion = Type.Object({
  service: Nullable(Ref),
  category: Nullable(Ref),
  basedOn: Type.Integer({ description: "How many of the requester's recent tickets the guess was read from" }),
});

export type TicketSummary = Static<typeof TicketSummary>;
export type Ticket = Static<typeof Ticket>;
export type CreateTicketBody = Static<typeof CreateTicketBody>;
export type UpdateTicketBody = Static<typeof UpdateTicketBody>;
export type BulkUpdateBody = Static<typeof BulkUpdateBody>;
export type BulkUpdateResult = Static<typeof BulkUpdateResult>;
export type TicketListQuery = Static<typeof TicketListQuery>;
export type QueueCounts = Static<typeof QueueCounts>;
export type Attachment = Static<typeof Attachment>;
export type Message = Static<typeof Message>;
export type MessageBody = Static<typeof MessageBody>;
export type TimelineEntry = Static<typeof TimelineEntry>;
export type TicketProblemRef = Static<typeof TicketProblemRef>;
export type KnownIssue = Static<typeof KnownIssue>;
export type Category = Static<typeof Category>;
export type TicketLink = Static<typeof TicketLink>;
export type CreateLinkBody = Static<typeof CreateLinkBody>;
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;
export type ServiceSuggestion = Static<typeof ServiceSuggestion>;
