import { Button, Collapse, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { useSlaExplanation } from '../api/use-supervision.js';
import { DateTime } from '../components/date-time.js';
import { QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import { SlaBadge, useDuration } from '../components/sla-badge.js';
import { SlaWhy } from './sla-why.js';
import { TicketCommitments } from './ticket-commitments.js';

type Clock = NonNullable<SlaExplanation['firstResponse']>;

/** The ticket's two SLA targets, how much business time is used and left, and why it is due when it is. */
export function TicketSlaPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const sla = useSlaExplanation(ticket.id, ticket.version);
  const [why, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-sla">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="ticket-sla">
            {t('supervision.sla.title')}
          </Text>
          <SlaBadge state={ticket.sla.state} dueAt={ticket.sla.nextDueAt} size="sm" />
        </Group>
        <QueryState query={sla}>
          {(report) =>
            !report.agreement ? (
              <Text size="sm" c="dimmed">
                {t('supervision.sla.noAgreement')}
              </Text>
            ) : !report.target ? (
              <Text size="sm" c="dimmed">
                {t('supervision.sla.noTarget', { agreement: report.agreement.name })}
              </Text>
            ) : (
              <>
                {report.firstResponse ? (
                  <TargetClock label={t('supervision.sla.targets.first_response')} clock={report.firstResponse} />
                ) : null}
                {report.resolution ? (
                  <TargetClock label={t('supervision.sla.targets.resolution')} clock={report.resolution} />
                ) : null}
                {report.update ? (
                  <TargetClock label={t('supervision.sla.targets.update')} clock={report.update} />
                ) : null}
                <div>
                  <Button variant="subtle" size="compact-sm" px={0} onClick={toggle} aria-expanded={why}>
                    {why ? t('supervision.sla.why.hide') : t('supervision.sla.why.toggle')}
                  </Button>
                  <Collapse expanded={why}>
                    <SlaWhy explanation={report} />
                  </Collapse>
                </div>
              </>
            )
          }
        </QueryState>
        <Divider />
        <TicketCommitments ticket={ticket} />
      </Stack>
    </Paper>
  );
}

/** One target's clock: its state, deadline, and business time used and left (also a problem's). */
export function TargetClock({ label, clock }: { label: string; clock: Clock }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const deadline = clock.deadline === null ? null : new Date(clock.deadline).toISOString();
  const late = clock.deadline !== null && clock.deadline <= Date.now();
  const finished = clock.state === 'met';
  const parts = [t('supervision.sla.elapsed', { time: duration(clock.elapsedMinutes) })];
  if (!finished)
    parts.push(
      clock.remainingMinutes < 0
        ? t('supervision.sla.overdueBy', { time: duration(clock.remainingMinutes) })
        : t('supervision.sla.remaining', { time: duration(clock.remainingMinutes) }),
    );
  if (clock.pausedMinutes > 0) parts.push(t('supervision.sla.paused', { time: duration(clock.pausedMinutes) }));
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <SlaBadge state={clock.state} size="xs" />
      </Group>
      {deadline ? (
        <Text size="sm" c={late && !finished ? 'red' : undefined}>
          {finished ? null : `${late ? t('supervision.sla.dueWas') : t('supervision.sla.due')} `}
          <DateTime value={deadline} />
          <Text span size="xs" c="dimmed">
            {' · '}
            <RelativeTime value={deadline} />
          </Text>
        </Text>
      ) : finished ? null : (
        <Text size="sm" c="dimmed">
          {t('supervision.sla.clockStopped')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {parts.join(' · ')}
      </Text>
    </Stack>
  );
}
