import { Badge, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardTicket } from '../../../domain/contracts/supervision.js';
import { DateTime } from '../components/date-time.js';
import { GroupLabel } from '../components/level-badge.js';
import { RouterAnchor } from '../components/router-link.js';
import { SlaBadge, SlaDue } from '../components/sla-badge.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { type BoardAction, BoardRowMenu } from './board-row-menu.js';

export const boardRowId = (index: number) => `board-row-${index}`;

type Target = 'first_response' | 'resolution';

/**
 * The deadline worth showing on the board, and which target it is: none while paused; for a
 * breached ticket the latest deadline already past (a missed one, even when the other was met);
 * otherwise the next one due.
 */
export function dueOf(ticket: BoardTicket, now = Date.now()): { at: string | null; target: Target | null } {
  const { sla } = ticket;
  if (sla.state === 'paused') return { at: null, target: null };
  const deadlines = (
    [
      ['first_response', sla.firstResponseDueAt],
      ['resolution', sla.resolutionDueAt],
    ] as const
  ).filter((entry): entry is readonly [Target, string] => entry[1] !== null);
  if (sla.state === 'breached') {
    const past = deadlines.filter(([, at]) => Date.parse(at) <= now);
    const latest = past.sort((a, b) => Date.parse(b[1]) - Date.parse(a[1]))[0];
    if (latest) return { at: latest[1], target: latest[0] };
  }
  if (sla.nextDueAt) {
    const target = deadlines.find(([, at]) => Date.parse(at) === Date.parse(sla.nextDueAt as string));
    return { at: sla.nextDueAt, target: target?.[0] ?? null };
  }
  const first = deadlines[0];
  return first ? { at: first[1], target: first[0] } : { at: null, target: null };
}

/** The supervisor's board: one dense line per ticket, the SLA state and time left in front. */
export function BoardTable({
  tickets,
  cursor,
  onCursor,
  onAction,
}: {
  tickets: readonly BoardTicket[];
  cursor: number;
  onCursor: (index: number) => void;
  onAction: (action: BoardAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1080}>
        <Table layout="fixed" verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('supervision.tableLabel')}>
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('supervision.columns.ticket')}</Table.Th>
              <Table.Th w={190}>{t('supervision.columns.group')}</Table.Th>
              <Table.Th w={140}>{t('supervision.columns.assignee')}</Table.Th>
              <Table.Th w={120}>{t('supervision.columns.sla')}</Table.Th>
              <Table.Th w={180}>{t('supervision.columns.due')}</Table.Th>
              <Table.Th w={140}>{t('supervision.columns.commitment')}</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket, index) => (
              <BoardRow
                key={ticket.id}
                ticket={ticket}
                index={index}
                current={index === cursor}
                onCursor={onCursor}
                onAction={onAction}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function BoardRow({
  ticket,
  index,
  current,
  onCursor,
  onAction,
}: {
  ticket: BoardTicket;
  index: number;
  current: boolean;
  onCursor: (index: number) => void;
  onAction: (action: BoardAction) => void;
}) {
  const { t } = useTranslation();
  const due = dueOf(ticket);
  return (
    <Table.Tr
      id={boardRowId(index)}
      bg={current ? 'blue.0' : undefined}
      aria-current={current ? 'true' : undefined}
      style={current ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)' } : undefined}
      onClick={() => onCursor(index)}
    >
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text ff="monospace" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {ticket.number}
          </Text>
          <PriorityBadge priority={ticket.priority} size="xs" />
          <Text size="xs" c="dimmed" truncate title={ticket.organization.name}>
            {ticket.organization.name}
          </Text>
        </Group>
        <RouterAnchor
          to="/workspace/tickets/$ticketId"
          params={{ ticketId: ticket.id }}
          size="sm"
          fw={500}
          c="var(--mantine-color-text)"
          lineClamp={1}
          title={ticket.subject}
        >
          {ticket.subject}
        </RouterAnchor>
      </Table.Td>
      <Table.Td>
        <GroupLabel group={ticket.group} level={ticket.level} size="xs" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate c={ticket.assignee ? undefined : 'dimmed'}>
          {ticket.assignee?.name ?? t('supervision.nobody')}
        </Text>
      </Table.Td>
      <Table.Td>
        <SlaBadge state={ticket.sla.state} dueAt={ticket.sla.nextDueAt} size="sm" />
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <SlaDue deadline={due.at} paused={ticket.sla.state === 'paused'} size="xs" style={{ whiteSpace: 'nowrap' }} />
          {due.target ? (
            <Text size="xs" c="dimmed">
              {t(`supervision.sla.targets.${due.target}`)}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <CommitmentCell commitment={ticket.commitment} />
      </Table.Td>
      <Table.Td>
        <BoardRowMenu ticket={ticket} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

export function CommitmentCell({ commitment }: { commitment: BoardTicket['commitment'] }) {
  const { t } = useTranslation();
  if (!commitment)
    return (
      <Text size="xs" c="dimmed">
        {t('supervision.noCommitment')}
      </Text>
    );
  const late = Date.parse(commitment.promisedAt) <= Date.now();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="xs">
        <DateTime value={commitment.promisedAt} />
      </Text>
      {late || commitment.warnedAt ? (
        <Badge size="xs" variant="light" color={late ? 'red' : 'orange'}>
          {late ? t('supervision.commitmentLate') : t('supervision.commitmentWarned')}
        </Badge>
      ) : null}
    </Stack>
  );
}
