import { Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../domain/contracts/support.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { useEscalations } from '../api/use-support.js';
import { GroupLabel, LevelBadge } from '../components/level-badge.js';
import { QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import type { EscalateMode } from './escalate-modal.js';

const KIND_COLORS: Record<Escalation['kind'], string> = { escalation: 'violet', return: 'teal', transfer: 'blue' };

/** Where the ticket sits in the support levels, the way to move it, and how it got here. */
export function TicketSupportPanel({ ticket, onMove }: { ticket: Ticket; onMove: (mode: EscalateMode) => void }) {
  const { t } = useTranslation();
  const open = !['resolved', 'closed', 'cancelled'].includes(ticket.status);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('support.group')}>
      <Stack gap="sm">
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
            {t('support.group')}
          </Text>
          <GroupLabel group={ticket.group} level={ticket.level} />
          <Group gap={6} mt={6}>
            {ticket.escalated ? (
              <Badge size="xs" variant="outline" color="violet">
                {t('support.escalatedBadge')}
              </Badge>
            ) : null}
            {ticket.firstContact ? (
              <Badge size="xs" variant="outline" color="teal">
                {t('support.firstContactBadge')}
              </Badge>
            ) : null}
            {ticket.resolvedLevel ? (
              <Text size="xs" c="dimmed">
                {t('support.resolvedAt', { level: ticket.resolvedLevel })}
              </Text>
            ) : null}
          </Group>
        </div>
        {open ? (
          <Group gap="xs">
            <Button size="xs" color="violet" variant="light" onClick={() => onMove('escalate')}>
              {t('support.escalate.action')}
            </Button>
            {ticket.level && ticket.level !== 'L1' ? (
              <Button size="xs" color="teal" variant="subtle" onClick={() => onMove('return')}>
                {t('support.escalate.returnAction')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <EscalationHistory ticketId={ticket.id} />
      </Stack>
    </Paper>
  );
}

function EscalationHistory({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const escalations = useEscalations(ticketId);
  return (
    <QueryState query={escalations}>
      {(moves) => (
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
            {t('support.history.title')}
          </Text>
          {moves.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('support.history.empty')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} aria-label={t('support.history.title')}>
              {moves.map((move) => (
                <Timeline.Item
                  key={move.id}
                  color={KIND_COLORS[move.kind]}
                  title={
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" fw={600}>
                        {t(`support.history.kinds.${move.kind}`)}
                      </Text>
                      <LevelBadge level={move.toLevel} size="xs" />
                    </Group>
                  }
                >
                  <Text size="xs">
                    {t('support.history.move', {
                      from: move.fromGroup?.name ?? t('support.history.nowhere'),
                      to: move.toGroup.name,
                    })}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                    {move.summary}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {move.actor ? `${t('support.history.by', { name: move.actor.name })} · ` : ''}
                    <RelativeTime value={move.at} />
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
      )}
    </QueryState>
  );
}
