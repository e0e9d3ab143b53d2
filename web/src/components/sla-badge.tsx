import { Badge, type BadgeProps, Stack, Text, type TextProps } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaState } from '../../../domain/contracts/sla.js';
import { type SlaSummary, slaSummaryAt } from '../../../domain/sla/sla-summary.js';
import { RelativeTime, useNow } from './relative-time.js';

/** Calm while on time, orange at risk, red once missed; grey while the clock is stopped. */
export const SLA_STATE_COLORS: Record<SlaState, string> = {
  running: 'teal',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'green',
};

/**
 * The state of a ticket's agreement (or of one of its targets); null when no agreement applies.
 * Given the ticket's next deadline (`dueAt`), it reads the state as of now with the server's own
 * rule, so a badge on a page left open turns red when the deadline passes.
 */
export function SlaBadge({
  state: stored,
  dueAt,
  size,
}: {
  state: SlaState | null;
  dueAt?: string | null;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const now = useNow();
  const state = dueAt === undefined ? stored : slaSummaryAt({ nextDueAt: dueAt, state: stored }, now).state;
  if (!state)
    return (
      <Badge variant="outline" color="gray" size={size}>
        {t('supervision.sla.noState')}
      </Badge>
    );
  return (
    <Badge variant={state === 'breached' ? 'filled' : 'light'} color={SLA_STATE_COLORS[state]} size={size}>
      {t(`supervision.sla.states.${state}`)}
    </Badge>
  );
}

/** When a deadline falls, relative to now ("Due in 2 hours", red once "Was due 3 hours ago"). */
export function SlaDue({
  deadline,
  paused = false,
  ...props
}: { deadline: string | null; paused?: boolean } & TextProps) {
  const { t } = useTranslation();
  if (!deadline)
    return (
      <Text size="sm" c="dimmed" {...props}>
        {paused ? t('supervision.sla.clockStopped') : t('supervision.sla.noDeadline')}
      </Text>
    );
  const late = Date.parse(deadline) <= Date.now();
  return (
    <Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : undefined} {...props}>
      {late ? t('supervision.sla.dueWas') : t('supervision.sla.due')} <RelativeTime value={deadline} />
    </Text>
  );
}

/**
 * A queue's Due cell: the clock's state as of now and, while a clock runs, when its next deadline
 * falls ("in 2 hours", red once past; the full date and time in the viewer's zone on hover).
 */
export function SlaDueCell({ sla }: { sla: SlaSummary }) {
  const now = useNow();
  const late = sla.nextDueAt !== null && Date.parse(sla.nextDueAt) <= now;
  return (
    <Stack gap={2} align="flex-start">
      <SlaBadge state={sla.state} dueAt={sla.nextDueAt} size="xs" />
      {sla.nextDueAt ? (
        <Text size="xs" c={late ? 'red' : undefined} fw={late ? 600 : undefined}>
          <RelativeTime value={sla.nextDueAt} short />
        </Text>
      ) : null}
    </Stack>
  );
}

/** Business minutes as "1 h 30 min" (days are left out: a business day is no fixed number of hours). */
export function useDuration() {
  const { t } = useTranslation();
  return useCallback(
    (minutes: number) => {
      const total = Math.round(Math.abs(minutes));
      const hours = Math.floor(total / 60);
      const rest = total % 60;
      if (total === 0) return t('supervision.sla.duration.zero');
      return [
        hours ? t('supervision.sla.duration.hours', { count: hours }) : null,
        rest ? t('supervision.sla.duration.minutes', { count: rest }) : null,
      ]
        .filter(Boolean)
        .join(' ');
    },
    [t],
  );
}
