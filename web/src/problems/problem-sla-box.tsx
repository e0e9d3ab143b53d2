import { Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/contracts/problems.js';
import type { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import { useProblemSlaExplanation } from '../api/use-problem-sla.js';
import { DateTime } from '../components/date-time.js';
import { QueryState } from '../components/query-states.js';
import { SlaBadge, useDuration } from '../components/sla-badge.js';
import { CalendarSection } from '../workspace/sla-why.js';
import { MatrixStep, Section } from '../workspace/sla-why-matrix.js';
import { TargetClock } from '../workspace/ticket-sla-panel.js';

/** The problem's resolution deadline, its state and time left or over, and why it is due then. */
export function ProblemSlaBox({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const explanation = useProblemSlaExplanation(problem.id, problem.version);
  const [why, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="problem-sla">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="problem-sla">
            {t('problems.sla.title')}
          </Text>
          {problem.sla?.state ? (
            <SlaBadge state={problem.sla.state} dueAt={problem.sla.resolutionDueAt} size="sm" />
          ) : null}
        </Group>
        <QueryState query={explanation}>
          {(report) =>
            !report.agreement || !report.resolution ? (
              <Text size="sm" c="dimmed">
                {problem.organizations.length === 0
                  ? t('problems.sla.noOrganizations')
                  : t('problems.sla.none', { priority: problem.priority })}
              </Text>
            ) : (
              <>
                {problem.status === 'cancelled' ? (
                  <Text size="sm" c="dimmed">
                    {t('problems.sla.cancelled')}
                  </Text>
                ) : (
                  <TargetClock label={t('problems.sla.resolution')} clock={report.resolution} />
                )}
                <div>
                  <Button variant="subtle" size="compact-sm" px={0} onClick={toggle} aria-expanded={why}>
                    {why ? t('supervision.sla.why.hide') : t('supervision.sla.why.toggle')}
                  </Button>
                  <Collapse expanded={why}>
                    <ProblemSlaWhy explanation={report} />
                  </Collapse>
                </div>
              </>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

/** The agreement chosen and why, the target, the calendar, how the deadline adds up, the warnings and the matrix. */
function ProblemSlaWhy({ explanation }: { explanation: ProblemSlaExplanation }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { agreement, target, calendar, resolution } = explanation;
  if (!agreement || !target || !resolution) return null;
  const priced = explanation.candidates.filter((c) => c.deadline !== null);
  return (
    <Stack gap="sm" pt="xs">
      <Section title={t('supervision.sla.why.agreement')}>
        <Text size="sm">
          {t('problems.sla.chosen', { agreement: agreement.name, organization: agreement.organization.name })}{' '}
          {priced.length > 1 ? t('problems.sla.strictest', { count: priced.length }) : null}
        </Text>
      </Section>
      {explanation.candidates.length > 1 ? (
        <Section title={t('problems.sla.candidates')}>
          <List size="sm" spacing={2}>
            {explanation.candidates.map((candidate) => (
              <List.Item key={candidate.organization.id}>
                <Text span size="sm" fw={candidate.chosen ? 600 : 400}>
                  {candidate.organization.name}
                </Text>
                {candidate.agreement && candidate.resolutionMinutes !== null && candidate.deadline ? (
                  <Text span size="sm">
                    {' — '}
                    {t('problems.sla.candidateLine', {
                      agreement: candidate.agreement.name,
                      time: duration(candidate.resolutionMinutes),
                    })}{' '}
                    <DateTime value={candidate.deadline} />
                  </Text>
                ) : null}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t(`problems.sla.reasons.${candidate.reason}`)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      <Section title={t('supervision.sla.why.target')}>
        <Text size="sm">
          {t('problems.sla.targetLine', { priority: target.priority, resolution: duration(target.resolutionMinutes) })}
        </Text>
      </Section>
      {calendar ? <CalendarSection calendar={calendar} /> : null}
      {resolution.deadline !== null ? (
        <Section title={t('supervision.sla.why.deadline')}>
          <Text
            size="xs"
            component="div"
            pl="xs"
            style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)', fontVariantNumeric: 'tabular-nums' }}
          >
            <div>
              {t('supervision.sla.why.createdAt')} <DateTime value={explanation.createdAt} />
            </div>
            <div>{t('supervision.sla.why.plusBusiness', { time: duration(target.resolutionMinutes) })}</div>
            <div>
              {t('supervision.sla.why.equals')}{' '}
              <Text span fw={700} inherit>
                <DateTime value={new Date(resolution.deadline).toISOString()} />
              </Text>
            </div>
          </Text>
        </Section>
      ) : null}
      {explanation.warnings.length > 0 ? (
        <Section title={t('problems.sla.warningsTitle')}>
          <List size="sm" spacing={2}>
            {explanation.warnings.map((warning) => (
              <List.Item key={warning.percent}>
                {t('problems.sla.warningAt', { percent: warning.percent })}
                <Text span size="xs" c={warning.firedAt ? 'orange' : 'dimmed'}>
                  {' · '}
                  {warning.firedAt ? (
                    <>
                      {t('supervision.sla.why.firedAt')} <DateTime value={warning.firedAt} />
                    </>
                  ) : warning.at ? (
                    <>
                      {t('supervision.sla.why.firesAt')} <DateTime value={warning.at} />
                    </>
                  ) : null}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      <Section title={t('supervision.sla.why.escalations')}>
        {explanation.escalations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supervision.sla.why.noEscalations')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {explanation.escalations.map((step) => (
              <List.Item key={`${step.level.percent}-${step.level.afterMinutes ?? 0}`}>
                <MatrixStep step={step} assignee={t('problems.sla.owner')} />
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
