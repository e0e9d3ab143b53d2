import { Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../domain/contracts/tickets.js';
import { GroupLabel } from '../components/level-badge.js';
import { RelativeTime } from '../components/relative-time.js';
import { RouterAnchor } from '../components/router-link.js';
import { PriorityBadge, TicketStatusBadge } from '../components/ticket-badges.js';

export const rowId = (index: number) => `queue-row-${index}`;

/**
 * The queue as a dense table: one line per ticket, the most urgent colour first to the eye.
 * `cursor` is the row the keyboard is on (j/k); checkboxes feed the bulk actions.
 */
export function TicketTable({
  tickets,
  cursor,
  selected,
  onToggle,
  onToggleAll,
  onCursor,
}: {
  tickets: readonly TicketSummary[];
  cursor: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onCursor: (index: number) => void;
}) {
  const { t } = useTranslation();
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));
  const someSelected = !allSelected && tickets.some((ticket) => selected.has(ticket.id));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1120}>
        <Table verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('queue.tableLabel')}>
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  size="xs"
                  aria-label={t('queue.selectAll')}
                  checked={allSelected}
                  indeterminate={someSelected}
                  onChange={(event) => onToggleAll(event.currentTarget.checked)}
                />
              </Table.Th>
              <Table.Th w={110}>{t('queue.columns.number')}</Table.Th>
              <Table.Th>{t('queue.columns.subject')}</Table.Th>
              <Table.Th>{t('queue.columns.requester')}</Table.Th>
              <Table.Th w={120}>{t('queue.columns.priority')}</Table.Th>
              <Table.Th w={120}>{t('queue.columns.status')}</Table.Th>
              <Table.Th>{t('support.group')}</Table.Th>
              <Table.Th>{t('queue.columns.assignee')}</Table.Th>
              <Table.Th w={120}>{t('queue.columns.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket, index) => {
              const current = index === cursor;
              return (
                <Table.Tr
                  key={ticket.id}
                  id={rowId(index)}
                  bg={current ? 'blue.0' : selected.has(ticket.id) ? 'gray.0' : undefined}
                  aria-current={current ? 'true' : undefined}
                  style={current ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)' } : undefined}
                  onClick={() => onCursor(index)}
                >
                  <Table.Td>
                    <Checkbox
                      size="xs"
                      aria-label={t('queue.selectOne', { number: ticket.number })}
                      checked={selected.has(ticket.id)}
                      onChange={() => onToggle(ticket.id)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {ticket.number}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={380}>
                    <RouterAnchor
                      to="/workspace/tickets/$ticketId"
                      params={{ ticketId: ticket.id }}
                      size="sm"
                      fw={500}
                      c="var(--mantine-color-text)"
                      lineClamp={1}
                    >
                      {ticket.subject}
                    </RouterAnchor>
                    {ticket.tags.length > 0 || ticket.service ? (
                      <Text size="xs" c="dimmed" truncate>
                        {[ticket.service?.name, ...ticket.tags.map((tag) => `#${tag}`)].filter(Boolean).join(' · ')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td maw={220}>
                    <Stack gap={0}>
                      <Text size="sm" truncate>
                        {ticket.requester.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {ticket.organization.name}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={ticket.priority} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <TicketStatusBadge status={ticket.status} size="sm" />
                  </Table.Td>
                  <Table.Td maw={200}>
                    <GroupLabel group={ticket.group} level={ticket.level} size="xs" />
                  </Table.Td>
                  <Table.Td maw={180}>
                    {ticket.assignee ? (
                      <Text size="sm" truncate>
                        {ticket.assignee.name}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('queue.nobody')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={0} c="dimmed">
                      <Text size="xs">
                        <RelativeTime value={ticket.updatedAt} />
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
