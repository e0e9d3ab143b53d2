import { Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../domain/contracts/tickets.js';
import { GroupLabel } from '../components/level-badge.js';
import { RelativeTime } from '../components/relative-time.js';
import { RouterAnchor } from '../components/router-link.js';
import { SlaDueCell } from '../components/sla-badge.js';
import { PriorityBadge, TicketStatusBadge } from '../components/ticket-badges.js';

export const rowId = (index: number) => `queue-row-${index}`;

/**
 * The queue as a dense table: one line per ticket, the most urgent colour first to the eye.
 * `cursor` is the row the keyboard is on (j/k); checkboxes feed the bulk actions. Every column
 * but the subject has a fixed width and the subject takes the rest, so at 1366 px the table fits
 * without scrolling sideways; the ticket's number sits under its subject. `showAssignee` is off
 * where every row has the same one (my tickets, the unassigned ones).
 */
export function TicketTable({
  tickets,
  cursor,
  selected,
  showAssignee,
  onToggle,
  onToggleAll,
  onCursor,
}: {
  tickets: readonly TicketSummary[];
  cursor: number;
  selected: ReadonlySet<string>;
  showAssignee: boolean;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onCursor: (index: number) => void;
}) {
  const { t } = useTranslation();
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));
  const someSelected = !allSelected && tickets.some((ticket) => selected.has(ticket.id));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={showAssignee ? 960 : 840}>
        <Table layout="fixed" verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('queue.tableLabel')}>
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
              <Table.Th>{t('queue.columns.subject')}</Table.Th>
              <Table.Th w={140}>{t('queue.columns.requester')}</Table.Th>
              <Table.Th w={92}>{t('queue.columns.priority')}</Table.Th>
              <Table.Th w={112}>{t('queue.columns.status')}</Table.Th>
              <Table.Th w={136}>{t('support.group')}</Table.Th>
              {showAssignee ? <Table.Th w={120}>{t('queue.columns.assignee')}</Table.Th> : null}
              <Table.Th w={128}>{t('queue.columns.due')}</Table.Th>
              <Table.Th w={104}>{t('queue.columns.updated')}</Table.Th>
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
                    <Text size="xs" c="dimmed" truncate>
                      <Text span ff="monospace" size="xs" inherit>
                        {ticket.number}
                      </Text>
                      {[ticket.service?.name, ...ticket.tags.map((tag) => `#${tag}`)]
                        .filter(Boolean)
                        .map((part) => ` · ${part}`)
                        .join('')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
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
                  <Table.Td>
                    <GroupLabel group={ticket.group} level={ticket.level} size="xs" />
                  </Table.Td>
                  {showAssignee ? (
                    <Table.Td>
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
                  ) : null}
                  <Table.Td>
                    <SlaDueCell sla={ticket.sla} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={0} c="dimmed">
                      <Text size="xs">
                        <RelativeTime value={ticket.updatedAt} short />
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
