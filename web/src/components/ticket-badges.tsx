import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../domain/tickets/priority.js';
import { PRIORITY_NAMES } from '../../../domain/tickets/priority.js';
import type { TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import type { TicketType } from '../../../domain/tickets/ticket-types.js';

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'cyan',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'dark',
};

/** 1 is the most urgent; the colours run from red to blue so a queue can be scanned at a glance. */
export const PRIORITY_COLORS: Record<Priority, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };

const TYPE_COLORS: Record<TicketType, string> = { incident: 'red', request: 'grape', query: 'blue' };

type Size = BadgeProps['size'];

export function TicketStatusBadge({ status, size }: { status: TicketStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size={size}>
      {t(`tickets.statuses.${status}`)}
    </Badge>
  );
}

/** "P1 Critical" in the priority's colour; a hand-set priority says so. */
export function PriorityBadge({
  priority,
  size,
  overridden = false,
}: {
  priority: Priority;
  size?: Size;
  overridden?: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`tickets.priorities.${PRIORITY_NAMES[priority]}`);
  const badge = (
    <Badge
      variant={priority <= 2 ? 'filled' : 'light'}
      color={PRIORITY_COLORS[priority]}
      size={size}
      aria-label={t('tickets.priorityLabel', { priority, name: label })}
    >
      {`P${priority} ${label}${overridden ? ' *' : ''}`}
    </Badge>
  );
  return overridden ? <Tooltip label={t('tickets.priorityOverridden')}>{badge}</Tooltip> : badge;
}

export function TicketTypeBadge({ type, size }: { type: TicketType; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={TYPE_COLORS[type]} size={size}>
      {t(`tickets.types.${type}`)}
    </Badge>
  );
}
