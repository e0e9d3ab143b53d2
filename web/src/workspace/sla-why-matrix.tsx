import { Badge, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import { DateTime } from '../components/date-time.js';
import { useDuration } from '../components/sla-badge.js';

type Step = SlaExplanation['escalations'][number];

/** The escalation matrix as applied to this ticket (when each level fires or fired) and the level's OLA. */
export function SlaMatrix({ explanation }: { explanation: SlaExplanation }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { ola } = explanation;
  return (
    <>
      <Section title={t('supervision.sla.why.escalations')}>
        {explanation.escalations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supervision.sla.why.noEscalations')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {explanation.escalations.map((step) => (
              <List.Item key={`${step.level.target}-${step.level.percent}-${step.level.afterMinutes ?? 0}`}>
                <MatrixStep step={step} />
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      {ola ? (
        <Section title={t('supervision.sla.why.ola')}>
          <Text size="sm">
            {t('supervision.sla.why.olaLine', { level: ola.level, time: duration(ola.minutes) })}{' '}
            <DateTime value={ola.since} />
            {ola.at ? (
              <>
                {' · '}
                {t('supervision.sla.why.olaEnds')} <DateTime value={ola.at} />
              </>
            ) : (
              <Text span size="xs" c="dimmed">
                {' · '}
                {t('supervision.sla.why.onHold')}
              </Text>
            )}
          </Text>
          {ola.firedAt ? (
            <Text size="xs" c="red">
              <Badge size="xs" color="red" variant="light" mr={6}>
                {t('supervision.sla.why.olaExceeded')}
              </Badge>
              <DateTime value={ola.firedAt} />
            </Text>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

/** One level of the matrix: when it fires, whom it tells (a problem's "assignee" is its owner), and when it fired. */
export function MatrixStep({ step, assignee }: { step: Step; assignee?: string }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const { level } = step;
  const target = t(`supervision.sla.targetNames.${level.target}`);
  const when = level.afterMinutes
    ? t('supervision.sla.why.levelAfter', { percent: level.percent, target, time: duration(level.afterMinutes) })
    : t('supervision.sla.why.level', { percent: level.percent, target });
  const who = level.notify.map((recipient) =>
    recipient === 'assignee' && assignee ? assignee : t(`supervision.sla.why.recipients.${recipient}`),
  );
  if (level.userIds?.length) who.push(t('supervision.sla.why.namedPeople', { count: level.userIds.length }));
  const actions = [
    who.length
      ? t('supervision.sla.why.notifies', {
          who: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(who),
        })
      : null,
    level.escalate ? t('supervision.sla.why.escalates') : null,
  ].filter(Boolean);
  return (
    <>
      <Text span size="sm" fw={500}>
        {when}
      </Text>
      {actions.length ? `: ${actions.join('; ')}` : null}
      <Text span size="xs" c={step.firedAt ? 'orange' : 'dimmed'} display="block">
        {step.firedAt ? (
          <>
            {t('supervision.sla.why.firedAt')} <DateTime value={step.firedAt} />
          </>
        ) : step.at ? (
          <>
            {t('supervision.sla.why.firesAt')} <DateTime value={step.at} />
          </>
        ) : (
          t('supervision.sla.why.onHold')
        )}
      </Text>
    </>
  );
}

/** One part of the explanation under a small heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}
