import { Alert, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/contracts/problems.js';
import { rolesGrant } from '../../../domain/permissions.js';
import type { ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';
import { useProblem } from '../api/use-problems.js';
import { useCurrentUser } from '../api/use-session.js';
import { DateTime } from '../components/date-time.js';
import { QueryState } from '../components/query-states.js';
import { RichText } from '../components/rich-text.js';
import { RouterAnchor } from '../components/router-link.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { ProblemCommitmentButton } from '../supervision/problem-commitment-button.js';
import { ProblemEditModal } from './problem-edit-modal.js';
import { ProblemIncidentsPanel } from './problem-incidents-panel.js';
import { ProblemSlaBox } from './problem-sla-box.js';
import { ProblemStatusBadge } from './problem-status-badge.js';
import { ProblemTimeline } from './problem-timeline.js';
import { ResolveIncidentsBox } from './resolve-incidents-box.js';

/** One problem: its analysis, workaround and fix, the incidents it explains and its history. */
export function ProblemPage() {
  const { t } = useTranslation();
  const { problemId } = useParams({ strict: false }) as { problemId: string };
  const problem = useProblem(problemId);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <RouterAnchor to="/workspace/problems" size="sm">
          {t('problems.title')}
        </RouterAnchor>
        <Text size="sm">{problem.data?.number ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={problem}>{(found) => <ProblemView problem={found} />}</QueryState>
    </Stack>
  );
}

function ProblemView({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = rolesGrant(me.roles, 'problems.manage');
  const canWork = rolesGrant(me.roles, 'problems.work');
  // undefined: closed; null: editing without a move; a status: the move the editor starts from.
  const [editing, setEditing] = useState<ProblemStatus | null | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <Text ff="monospace" fw={600}>
              {problem.number}
            </Text>
            <ProblemStatusBadge status={problem.status} />
            <PriorityBadge priority={problem.priority} />
          </Group>
          <Title order={2}>{problem.subject}</Title>
          <Text size="sm" c="dimmed">
            {t('problems.web.createdBy', { name: problem.createdBy.name })} · <DateTime value={problem.createdAt} />
          </Text>
        </Stack>
        {canManage ? (
          <Group gap="xs">
            {problem.allowedStatuses.map((status) => (
              <Button
                key={status}
                variant={status === 'cancelled' ? 'subtle' : 'light'}
                color={status === 'cancelled' ? 'red' : undefined}
                onClick={() => setEditing(status)}
              >
                {t('problems.web.moveTo', { status: t(`problems.statuses.${status}`) })}
              </Button>
            ))}
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('problems.web.edit')}
            </Button>
            <ProblemCommitmentButton problem={problem} />
          </Group>
        ) : null}
      </Group>
      {conflict ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('conflict.title')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(false)}
        >
          {t('problems.web.conflict')}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <RichText html={problem.descriptionHtml} />
            </Paper>
            <Section title={t('problems.web.analysis')}>
              <Words label={t('problems.fields.symptom')} html={problem.symptomHtml} />
              <Words label={t('problems.fields.cause')} html={problem.causeHtml} />
              <Words label={t('problems.fields.businessImpact')} html={problem.businessImpactHtml} />
            </Section>
            <Section title={t('problems.web.workaround')}>
              <Words label={t('problems.fields.workaroundDesk')} html={problem.workaroundDeskHtml} />
              <Words label={t('problems.fields.workaroundPublic')} html={problem.workaroundPublicHtml} />
            </Section>
            <Section title={t('problems.web.fix')}>
              <Words label={t('problems.fields.permanentFix')} html={problem.permanentFixHtml} />
              <div>
                <Text size="sm" fw={500}>
                  {t('problems.fields.fixReferences')}
                </Text>
                {problem.fixReferences.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('problems.web.noReferences')}
                  </Text>
                ) : (
                  <Stack gap={2} component="ul" m={0} pl="md">
                    {problem.fixReferences.map((ref) => (
                      <Text component="li" size="sm" key={`${ref.kind}:${ref.reference}`}>
                        {t(`problems.fixReferenceKinds.${ref.kind}`)} ·{' '}
                        {ref.url ? (
                          <a href={ref.url} target="_blank" rel="noreferrer noopener">
                            {ref.reference}
                          </a>
                        ) : (
                          ref.reference
                        )}
                      </Text>
                    ))}
                  </Stack>
                )}
              </div>
            </Section>
            <ProblemTimeline problemId={problem.id} canWork={canWork} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ProblemSlaBox problem={problem} />
            <Paper withBorder radius="md" p="md">
              <Stack gap={6}>
                <Fact label={t('problems.fields.impact')} value={t(`ticketSettings.levels.${problem.impact}`)} />
                <Fact label={t('problems.fields.urgency')} value={t(`ticketSettings.levels.${problem.urgency}`)} />
                <Fact label={t('problems.fields.group')} value={problem.group?.name ?? '—'} />
                <Fact label={t('problems.fields.owner')} value={problem.owner?.name ?? '—'} />
                <Text size="sm" fw={500}>
                  {t('problems.fields.organizations')}
                </Text>
                <Group gap={4}>
                  {problem.organizations.map((o) => (
                    <Badge key={o.id} variant="light" color="gray" tt="none">
                      {o.name}
                    </Badge>
                  ))}
                  {problem.organizations.length === 0 ? <Text size="sm">—</Text> : null}
                </Group>
                <Text size="sm" fw={500}>
                  {t('problems.fields.services')}
                </Text>
                <Group gap={4}>
                  {problem.services.map((s) => (
                    <Badge key={s.id} variant="light" color="gray" tt="none">
                      {s.name}
                    </Badge>
                  ))}
                  {problem.services.length === 0 ? <Text size="sm">—</Text> : null}
                </Group>
              </Stack>
            </Paper>
            <ResolveIncidentsBox problem={problem} canManage={canManage} />
            <ProblemIncidentsPanel problem={problem} canWork={canWork} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing !== undefined ? (
        <ProblemEditModal
          problem={problem}
          initialStatus={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onConflict={() => {
            setEditing(undefined);
            setConflict(true);
          }}
        />
      ) : null}
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
        {title}
      </Text>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function Words({ label, html }: { label: string; html: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {html ? (
        <RichText html={html} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('problems.web.notWritten')}
        </Text>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
