import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../domain/contracts/supervision.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCurrentUser } from '../api/use-session.js';
import { useCommitments, useSlaExplanation } from '../api/use-supervision.js';
import { CommitmentModal } from '../components/commitment-modal.js';
import { DateTime } from '../components/date-time.js';
import { QueryState } from '../components/query-states.js';
import { useDateFormat, viewerTimeZone } from '../i18n/format.js';

const STATE_COLORS: Record<Commitment['state'], string> = {
  open: 'blue',
  kept: 'green',
  broken: 'red',
  superseded: 'gray',
};

const CLOSED = ['resolved', 'closed', 'cancelled'];

/** The dates promised to the client for this ticket; supervisors record a new one here. */
export function TicketCommitments({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const commitments = useCommitments(ticket.id);
  const [recording, setRecording] = useState(false);
  const canRecord = rolesGrant(me.roles, 'supervision.act') && !CLOSED.includes(ticket.status);
  const open = commitments.data?.find((c) => c.state === 'open') ?? null;
  // A commitment is read by the requester in their agreement's zone (as the reply mails it).
  const requesterTimeZone = useSlaExplanation(ticket.id, ticket.version).data?.calendar?.timeZone ?? null;

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('supervision.commitments.title')}
        </Text>
        {canRecord ? (
          <Button size="compact-xs" variant="light" onClick={() => setRecording(true)}>
            {t('supervision.commitments.record')}
          </Button>
        ) : null}
      </Group>
      <QueryState
        query={commitments}
        empty={
          <Text size="xs" c="dimmed">
            {t('supervision.commitments.empty')}
          </Text>
        }
      >
        {(list) => (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((commitment) => (
              <CommitmentItem key={commitment.id} commitment={commitment} requesterTimeZone={requesterTimeZone} />
            ))}
          </Stack>
        )}
      </QueryState>
      {canRecord ? (
        <CommitmentModal
          key={`${recording}`}
          caseId={ticket.id}
          number={ticket.number}
          openPromisedAt={open?.promisedAt ?? null}
          requesterTimeZone={requesterTimeZone}
          opened={recording}
          onClose={() => setRecording(false)}
        />
      ) : null}
    </Stack>
  );
}

function CommitmentItem({
  commitment,
  requesterTimeZone,
}: {
  commitment: Commitment;
  requesterTimeZone: string | null;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const theirs = requesterTimeZone ? format.dateTimeIn(commitment.promisedAt, requesterTimeZone) : null;
  const shownInTheirZone = theirs !== null && theirs !== format.dateTimeIn(commitment.promisedAt, viewerTimeZone());
  const past = commitment.state !== 'open';
  return (
    <li>
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <Text
          size="sm"
          fw={500}
          c={past ? 'dimmed' : undefined}
          td={commitment.state === 'superseded' ? 'line-through' : undefined}
        >
          {t('supervision.commitments.promisedFor')} <DateTime value={commitment.promisedAt} />
        </Text>
        <Badge size="xs" variant="light" color={STATE_COLORS[commitment.state]}>
          {t(`supervision.commitments.states.${commitment.state}`)}
        </Badge>
      </Group>
      {shownInTheirZone ? (
        <Text size="xs" c="dimmed">
          {t('supervision.commitments.inZone', { date: theirs, zone: requesterTimeZone })}
        </Text>
      ) : null}
      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4} c={past ? 'dimmed' : undefined}>
        {commitment.note}
      </Text>
      <Text size="xs" c="dimmed">
        {t('supervision.commitments.by', { name: commitment.createdBy.name })} ·{' '}
        <DateTime value={commitment.createdAt} />
        {commitment.toldRequester ? ` · ${t('supervision.commitments.toldRequester')}` : null}
      </Text>
    </li>
  );
}
