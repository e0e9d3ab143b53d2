import { Fragment, type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import type { ticketsEs } from '../../../domain/i18n/tickets-es.js';
import { isStaff } from '../../../domain/roles.js';
import { PRIORITY_NAMES, type Priority } from '../../../domain/tickets/priority.js';
import {
  PENDING_REASONS,
  type PendingReason,
  RESOLUTION_CODES,
  type ResolutionCode,
  STATUSES,
  type TicketStatus,
} from '../../../domain/tickets/ticket-lifecycle.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { useCategories } from '../api/use-categories.js';
import { useServices } from '../api/use-organizations.js';
import { useCurrentUser } from '../api/use-session.js';
import { useUser } from '../api/use-users.js';

type FieldLabel = keyof typeof ticketsEs.tickets.fields;

/** The catalog key naming each field a change may carry; the id variants read as the thing they point at. */
const FIELD_LABELS: Record<string, FieldLabel> = {
  status: 'status',
  assignee: 'assignee',
  assigneeId: 'assignee',
  priority: 'priority',
  impact: 'impact',
  urgency: 'urgency',
  type: 'type',
  channel: 'channel',
  service: 'service',
  serviceId: 'service',
  category: 'category',
  categoryId: 'category',
  subject: 'subject',
  tags: 'tags',
  watchers: 'watchers',
  watcherIds: 'watchers',
  pendingReason: 'pendingReason',
  resolutionCode: 'resolutionCode',
  resolutionNotes: 'resolutionNotes',
  priorityReason: 'priorityReason',
  attachment: 'attachment',
  refusedFile: 'refusedFile',
};

const USER_FIELDS = new Set(['assigneeId', 'watcherIds', 'requesterId']);

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** One field change as a short line: "Status: New → Assigned", names instead of ids. */
export function ChangeText({
  change,
  ticket,
}: {
  change: { field: string; from: unknown; to: unknown };
  ticket: Ticket;
}) {
  const { t } = useTranslation();
  const labelKey = FIELD_LABELS[change.field];
  const label = labelKey ? t(`tickets.fields.${labelKey}`) : change.field;
  return (
    <>
      {`${label}: `}
      {isEmpty(change.from) ? null : (
        <>
          <ChangeValue field={change.field} value={change.from} ticket={ticket} />
          {' → '}
        </>
      )}
      <ChangeValue field={change.field} value={change.to} ticket={ticket} />
    </>
  );
}

function ChangeValue({ field, value, ticket }: { field: string; value: unknown; ticket: Ticket }): ReactNode {
  const text = useValueText();
  if (isEmpty(value)) return '—';
  if (Array.isArray(value))
    return value.map((item, index) => (
      <Fragment key={typeof item === 'string' ? item : index}>
        {index > 0 ? ', ' : null}
        <ChangeValue field={field} value={item} ticket={ticket} />
      </Fragment>
    ));
  if (typeof value === 'string' && USER_FIELDS.has(field)) return <PersonName id={value} ticket={ticket} />;
  if (typeof value === 'string' && field === 'serviceId') return <ServiceName id={value} ticket={ticket} />;
  if (typeof value === 'string' && field === 'categoryId') return <CategoryName id={value} ticket={ticket} />;
  return text(field, value);
}

/** A person by id: the ticket knows its requester, assignee and watchers; staff may look anyone else up. */
function PersonName({ id, ticket }: { id: string; ticket: Ticket }) {
  const me = useCurrentUser();
  const known = [ticket.requester, ticket.assignee, ticket.createdBy, ...ticket.watchers, me].find((p) => p?.id === id);
  const lookup = useUser(known || !isStaff(me.roles) ? null : id);
  return known?.name ?? lookup.data?.name ?? '…';
}

function ServiceName({ id, ticket }: { id: string; ticket: Ticket }) {
  const services = useServices(ticket.organization.id);
  return (ticket.service?.id === id ? ticket.service.name : services.data?.find((s) => s.id === id)?.name) ?? '…';
}

function CategoryName({ id, ticket }: { id: string; ticket: Ticket }) {
  const categories = useCategories(ticket.service?.id, { includeInactive: true });
  return (ticket.category?.id === id ? ticket.category.name : categories.data?.find((c) => c.id === id)?.name) ?? '…';
}

/** A value as the current language says it: statuses, types, levels, priorities; names for references. */
function useValueText() {
  const { t } = useTranslation();
  return useCallback(
    (field: string, value: unknown): string => {
      if (typeof value === 'object' && value !== null) {
        const named = value as { name?: unknown; fileName?: unknown; signature?: unknown };
        if (typeof named.name === 'string') return named.name;
        // A file refused as infected: its name and what the virus scanner found in it.
        if (typeof named.fileName === 'string' && typeof named.signature === 'string')
          return `${named.fileName} (${named.signature})`;
        return typeof named.fileName === 'string' ? named.fileName : '…';
      }
      if (field === 'status' && includes<TicketStatus>(STATUSES, value)) return t(`tickets.statuses.${value}`);
      if (field === 'type' && includes<TicketType>(TICKET_TYPES, value)) return t(`tickets.types.${value}`);
      if (field === 'channel' && includes<Channel>(CHANNELS, value)) return t(`tickets.channels.${value}`);
      if ((field === 'impact' || field === 'urgency') && includes(['high', 'medium', 'low'] as const, value))
        return t(`tickets.${field}Levels.${value}`);
      if (field === 'pendingReason' && includes<PendingReason>(PENDING_REASONS, value))
        return t(`tickets.pendingReasons.${value}`);
      if (field === 'resolutionCode' && includes<ResolutionCode>(RESOLUTION_CODES, value))
        return t(`tickets.resolutionCodes.${value}`);
      if (field === 'priority' && typeof value === 'number' && value >= 1 && value <= 4)
        return `P${value} ${t(`tickets.priorities.${PRIORITY_NAMES[value as Priority]}`)}`;
      return String(value);
    },
    [t],
  );
}
