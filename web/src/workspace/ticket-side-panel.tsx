import { Anchor, Button, Group, Input, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, UpdateTicketBody } from '../../../domain/contracts/tickets.js';
import type { Priority } from '../../../domain/tickets/priority.js';
import type { TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { useServices } from '../api/use-organizations.js';
import { useCurrentUser } from '../api/use-session.js';
import { CategorySelect } from '../components/category-select.js';
import { DateTime } from '../components/date-time.js';
import { LevelInput } from '../components/level-input.js';
import { PriorityOverrideModal } from '../components/priority-override-modal.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { UserSelect } from '../components/user-select.js';
import { needsDetails, StatusChangeModal } from './status-change-modal.js';
import { WatchersField } from './watchers-field.js';

export type TicketPatch = Omit<UpdateTicketBody, 'version'>;
export type SaveTicket = (patch: TicketPatch, onSaved?: () => void) => void;

const ASSIGNEE_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** Every field of the ticket, each edited where it is shown and saved as soon as it changes. */
export function TicketSidePanel({
  ticket,
  save,
  saving,
  error,
}: {
  ticket: Ticket;
  save: SaveTicket;
  saving: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const services = useServices(ticket.organization.id);
  const [moving, setMoving] = useState<TicketStatus | null>(null);
  const [overriding, setOverriding] = useState(false);

  const changeStatus = (to: TicketStatus | null) => {
    if (!to || to === ticket.status) return;
    if (needsDetails(ticket, to)) setMoving(to);
    else save({ status: to });
  };

  const assign = (assigneeId: string | null) =>
    save(assigneeId && ticket.status === 'new' ? { assigneeId, status: 'assigned' } : { assigneeId });

  const statusOptions = [ticket.status, ...ticket.allowedStatuses.filter((s) => s !== ticket.status)];
  const serviceOptions = (services.data ?? [])
    .filter((s) => s.status === 'active' || s.id === ticket.service?.id)
    .map((s) => ({ value: s.id, label: s.name }));
  if (ticket.service && !serviceOptions.some((o) => o.value === ticket.service?.id))
    serviceOptions.unshift({ value: ticket.service.id, label: ticket.service.name });

  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-label={t('ticketPage.details')}>
      <Stack gap="sm">
        <Select
          label={t('tickets.fields.status')}
          data={statusOptions.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }))}
          value={ticket.status}
          allowDeselect={false}
          disabled={statusOptions.length <= 1}
          onChange={(value) => changeStatus(value as TicketStatus | null)}
        />
        {ticket.status === 'pending' && ticket.pendingReason ? (
          <Text size="xs" c="dimmed" mt={-6}>
            {t('ticketPage.waitingFor', { reason: t(`tickets.pendingReasons.${ticket.pendingReason}`) })}
          </Text>
        ) : null}
        {ticket.resolutionCode ? (
          <Text size="xs" c="dimmed" mt={-6} style={{ whiteSpace: 'pre-wrap' }}>
            {t(`tickets.resolutionCodes.${ticket.resolutionCode}`)}
            {ticket.resolutionNotes ? `: ${ticket.resolutionNotes}` : ''}
          </Text>
        ) : null}
        <div>
          <UserSelect
            label={t('tickets.fields.assignee')}
            placeholder={t('queue.nobody')}
            roles={ASSIGNEE_ROLES}
            value={ticket.assignee?.id ?? null}
            selected={ticket.assignee}
            onChange={(id) => id !== (ticket.assignee?.id ?? null) && assign(id)}
            clearable
          />
          {ticket.assignee?.id !== me.id ? (
            <Anchor component="button" type="button" size="xs" onClick={() => assign(me.id)}>
              {t('ticketPage.assignToMe')}
            </Anchor>
          ) : null}
        </div>
        <Select
          label={t('tickets.fields.type')}
          data={TICKET_TYPES.map((type) => ({ value: type, label: t(`tickets.types.${type}`) }))}
          value={ticket.type}
          allowDeselect={false}
          onChange={(type) => type && type !== ticket.type && save({ type: type as TicketType })}
        />
        <Select
          label={t('tickets.fields.service')}
          placeholder={t('ticketPage.noService')}
          data={serviceOptions}
          value={ticket.service?.id ?? null}
          clearable
          searchable
          onChange={(serviceId) => serviceId !== (ticket.service?.id ?? null) && save({ serviceId, categoryId: null })}
        />
        <CategorySelect
          label={t('tickets.fields.category')}
          placeholder={t('ticketPage.noCategory')}
          serviceId={ticket.service?.id ?? null}
          value={ticket.category?.id ?? null}
          currentName={ticket.category?.name ?? null}
          onChange={(categoryId) => categoryId !== (ticket.category?.id ?? null) && save({ categoryId })}
        />
        <Select
          label={t('tickets.fields.channel')}
          data={CHANNELS.map((channel) => ({ value: channel, label: t(`tickets.channels.${channel}`) }))}
          value={ticket.channel}
          allowDeselect={false}
          onChange={(channel) => channel && channel !== ticket.channel && save({ channel: channel as Channel })}
        />
        <LevelInput size="xs" kind="impact" value={ticket.impact} onChange={(impact) => save({ impact })} />
        <LevelInput size="xs" kind="urgency" value={ticket.urgency} onChange={(urgency) => save({ urgency })} />
        <div>
          <Input.Label mb={4}>{t('tickets.fields.priority')}</Input.Label>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <PriorityBadge priority={ticket.priority as Priority} overridden={ticket.priorityOverridden} />
            <Button size="compact-xs" variant="subtle" onClick={() => setOverriding(true)}>
              {t('ticketPage.overridePriority')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {ticket.priorityOverridden
              ? t('ticketPage.priorityByHand', { reason: ticket.priorityReason ?? '—' })
              : t('ticketPage.priorityDerived')}
          </Text>
        </div>
        <TagsInput
          label={t('tickets.fields.tags')}
          placeholder={t('ticketPage.addTag')}
          value={ticket.tags}
          maxTags={20}
          splitChars={[',', ' ']}
          clearable
          onChange={(tags) => save({ tags: [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))] })}
        />
        <WatchersField ticket={ticket} onChange={(watcherIds) => save({ watcherIds })} />
        <Stack gap={2} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Meta label={t('ticketPage.createdBy', { name: ticket.createdBy.name })} value={ticket.createdAt} />
          {ticket.firstResponseAt ? (
            <Meta label={t('ticketPage.firstResponse')} value={ticket.firstResponseAt} />
          ) : null}
          {ticket.resolvedAt ? <Meta label={t('ticketPage.resolvedAt')} value={ticket.resolvedAt} /> : null}
          {ticket.closedAt ? <Meta label={t('ticketPage.closedAt')} value={ticket.closedAt} /> : null}
        </Stack>
      </Stack>
      <StatusChangeModal
        ticket={ticket}
        to={moving}
        loading={saving}
        error={moving ? error : null}
        onSave={(patch) => save(patch, () => setMoving(null))}
        onClose={() => setMoving(null)}
      />
      <PriorityOverrideModal
        key={`${ticket.version}-${overriding}`}
        ticket={ticket}
        opened={overriding}
        loading={saving}
        error={overriding ? error : null}
        onSave={(priority, priorityReason) => save({ priority, priorityReason }, () => setOverriding(false))}
        onClose={() => setOverriding(false)}
      />
    </Paper>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <Text size="xs" c="dimmed">
      {label} · <DateTime value={value} />
    </Text>
  );
}
