import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireVersion } from '../../../domain/contracts/questionnaires.js';
import {
  useApproveVersion,
  useQuestionnaire,
  useQuestionnaires,
  useQuestionnaireVersion,
} from '../api/use-questionnaires.js';
import { ConfirmModal } from '../components/confirm-modal.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor, RouterButton } from '../components/router-link.js';
import { VersionDates } from './questionnaire-page.js';
import { CommentThread, VersionPreview, VersionStateBadge } from './questionnaire-parts.js';

/** A client manager's surveys: the versions the desk shared with their organization, newest first. */
export function PortalQuestionnairesPage() {
  const { t } = useTranslation();
  const list = useQuestionnaires();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('questionnaires.portalTitle')}
        description={t('questionnaires.portalDescription')}
        actions={
          <RouterButton to="/portal/surveys/results" variant="light">
            {t('campaignResults.portal.link')}
          </RouterButton>
        }
      />
      <QueryState query={list}>
        {(data) => {
          const shown = data.items.filter((q) => q.versions.length > 0);
          return shown.length === 0 ? (
            <Text c="dimmed">{t('questionnaires.noneShared')}</Text>
          ) : (
            <Stack gap="md">
              {shown.map((q) => (
                <Paper key={q.id} withBorder radius="md" p="md" component="section" aria-label={q.title}>
                  <Title order={3} size="h4" mb="xs">
                    {q.title}
                  </Title>
                  <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {[...q.versions].reverse().map((v) => (
                      <li key={v.number}>
                        <Group gap="xs" wrap="wrap">
                          <RouterAnchor
                            to="/portal/questionnaires/$questionnaireId/versions/$number"
                            params={{ questionnaireId: q.id, number: String(v.number) }}
                          >
                            {t('questionnaires.versionN', { number: v.number })}
                          </RouterAnchor>
                          <VersionStateBadge state={v.state} />
                          <Text size="xs" c="dimmed">
                            <VersionDates version={v} />
                          </Text>
                        </Group>
                      </li>
                    ))}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** One shared or approved version for the client manager: preview, comments, and approval. */
export function PortalQuestionnaireVersionPage() {
  const { questionnaireId, number } = useParams({ strict: false }) as { questionnaireId: string; number: string };
  const version = useQuestionnaireVersion(questionnaireId, Number(number));
  return <QueryState query={version}>{(data) => <PortalVersionView version={data} />}</QueryState>;
}

function PortalVersionView({ version }: { version: QuestionnaireVersion }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const approve = useApproveVersion(version.questionnaireId, version.number);
  const questionnaire = useQuestionnaire(version.questionnaireId);
  return (
    <Stack gap="lg">
      <PageHeader
        title={questionnaire.data?.title ?? t('questionnaires.portalTitle')}
        actions={
          version.state === 'shared' ? (
            <Button onClick={() => setConfirm(true)} color="teal">
              {t('questionnaires.approve')}
            </Button>
          ) : null
        }
      />
      <Group gap="xs" mt="-md">
        <Text fw={600}>{t('questionnaires.versionN', { number: version.number })}</Text>
        <VersionStateBadge state={version.state} />
        <Text size="sm" c="dimmed">
          <VersionDates version={version} />
        </Text>
      </Group>
      {approve.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          {t('questionnaires.approved')}
        </Alert>
      ) : null}
      <CommentThread
        questionnaireId={version.questionnaireId}
        number={version.number}
        open={version.state === 'shared'}
      />
      <VersionPreview document={version.document} titleId="portal-questionnaire-preview" />
      <RouterAnchor to="/portal/questionnaires" size="sm">
        {t('questionnaires.backPortal')}
      </RouterAnchor>
      <ConfirmModal
        opened={confirm}
        title={t('questionnaires.approve')}
        message={t('questionnaires.approveConfirm', { number: version.number })}
        confirmLabel={t('questionnaires.approve')}
        color="teal"
        loading={approve.isPending}
        error={approve.error}
        onConfirm={() => approve.mutate(undefined, { onSuccess: () => setConfirm(false) })}
        onClose={() => setConfirm(false)}
      />
    </Stack>
  );
}
