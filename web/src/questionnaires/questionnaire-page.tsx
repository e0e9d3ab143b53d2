import { Button, Grid, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireVersion, QuestionnaireVersionSummary } from '../../../domain/contracts/questionnaires.js';
import { rolesGrant } from '../../../domain/permissions.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import { useNewDraft, useQuestionnaire, useQuestionnaireVersion, useShareVersion } from '../api/use-questionnaires.js';
import { useCurrentUser } from '../api/use-session.js';
import { useUser } from '../api/use-users.js';
import { ConfirmModal } from '../components/confirm-modal.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { OrganizationName } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { QuestionnaireEditor } from './questionnaire-editor.js';
import { CommentThread, latestVersion, VersionPreview, VersionStateBadge } from './questionnaire-parts.js';

/** One organization's questionnaire at the desk: its versions, the chosen one's preview and comments, and its actions. */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const { questionnaireId } = useParams({ strict: false }) as { questionnaireId: string };
  const search = useSearch({ strict: false }) as { version?: number };
  const navigate = useNavigate();
  const questionnaire = useQuestionnaire(questionnaireId);
  const select = (number: number) =>
    navigate({
      to: '/workspace/questionnaires/$questionnaireId',
      params: { questionnaireId },
      search: { version: number },
      replace: true,
    });
  return (
    <QueryState query={questionnaire}>
      {(q) => {
        const chosen = q.versions.find((v) => v.number === search.version) ?? latestVersion(q.versions);
        return (
          <Stack gap="lg">
            <PageHeader title={q.title} description={<OrganizationName id={q.organizationId} />} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 3 }}>
                <VersionList versions={q.versions} chosen={chosen?.number ?? null} onSelect={select} />
                <RouterAnchor to="/workspace/questionnaires" size="sm" mt="md" display="inline-block">
                  {t('questionnaires.back')}
                </RouterAnchor>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }}>
                {chosen ? (
                  <VersionPanel key={chosen.number} questionnaireId={q.id} number={chosen.number} onSelect={select} />
                ) : null}
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function VersionList({
  versions,
  chosen,
  onSelect,
}: {
  versions: readonly QuestionnaireVersionSummary[];
  chosen: number | null;
  onSelect: (number: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xs" component="nav" aria-labelledby="questionnaire-versions-title">
      <Title order={3} size="h5" id="questionnaire-versions-title" px="xs" pb="xs">
        {t('questionnaires.versions')}
      </Title>
      {[...versions].reverse().map((v) => (
        <NavLink
          key={v.number}
          component="button"
          type="button"
          active={v.number === chosen}
          aria-current={v.number === chosen ? 'true' : undefined}
          onClick={() => onSelect(v.number)}
          label={
            <Group gap="xs">
              <span>{t('questionnaires.versionN', { number: v.number })}</span>
              <VersionStateBadge state={v.state} />
            </Group>
          }
          description={<VersionDates version={v} />}
        />
      ))}
    </Paper>
  );
}

function ApproverName({ id }: { id: string }) {
  const user = useUser(id);
  return user.data ? ` · ${user.data.name}` : null;
}

/** When a version was shared or approved, and who approved it (to those who may read the directory: the desk). */
export function VersionDates({ version }: { version: QuestionnaireVersionSummary }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (version.approvedAt)
    return (
      <>
        {t('questionnaires.approvedOn')} <DateTime value={version.approvedAt} />
        {version.approvedById && rolesGrant(me.roles, 'users.read') ? <ApproverName id={version.approvedById} /> : null}
      </>
    );
  if (version.sharedAt)
    return (
      <>
        {t('questionnaires.sharedOn')} <DateTime value={version.sharedAt} />
      </>
    );
  return <DateTime value={version.updatedAt} />;
}

function VersionPanel({
  questionnaireId,
  number,
  onSelect,
}: {
  questionnaireId: string;
  number: number;
  onSelect: (number: number) => void;
}) {
  const version = useQuestionnaireVersion(questionnaireId, number);
  return (
    <QueryState query={version}>
      {(data) => <VersionView version={data} onSelect={onSelect} onReload={() => version.refetch()} />}
    </QueryState>
  );
}

function VersionView({
  version,
  onSelect,
  onReload,
}: {
  version: QuestionnaireVersion;
  onSelect: (number: number) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<QuestionnaireDocument>(version.document);
  const [confirmShare, setConfirmShare] = useState(false);
  const share = useShareVersion(version.questionnaireId, version.number);
  const newDraft = useNewDraft(version.questionnaireId);
  const isDraft = version.state === 'draft';
  const reload = () => {
    onReload();
    setEditing(false);
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h3">
            {t('questionnaires.versionN', { number: version.number })}
          </Title>
          <VersionStateBadge state={version.state} />
          {version.basedOnNumber ? (
            <Text size="sm" c="dimmed">
              {t('questionnaires.basedOn', { number: version.basedOnNumber })}
            </Text>
          ) : null}
        </Group>
        <Group gap="xs">
          {isDraft ? (
            <>
              <Button
                variant="light"
                onClick={() => {
                  if (!editing) setDraft(version.document);
                  setEditing(!editing);
                }}
              >
                {editing ? t('questionnaires.stopEditing') : t('questionnaires.edit')}
              </Button>
              <Button onClick={() => setConfirmShare(true)}>{t('questionnaires.share')}</Button>
            </>
          ) : (
            <Button
              variant="light"
              loading={newDraft.isPending}
              onClick={() => newDraft.mutate(version.number, { onSuccess: (created) => onSelect(created.number) })}
            >
              {t('questionnaires.newDraft')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={newDraft.error} />
      <Text size="sm" c="dimmed">
        <VersionDates version={version} />
      </Text>
      {editing && isDraft ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <QuestionnaireEditor version={version} document={draft} onChange={setDraft} onReload={reload} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <div style={{ position: 'sticky', top: 16 }}>
              <VersionPreview document={draft} titleId="questionnaire-preview-title" />
            </div>
          </Grid.Col>
        </Grid>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <VersionPreview document={version.document} titleId="questionnaire-preview-title" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <CommentThread
              questionnaireId={version.questionnaireId}
              number={version.number}
              open={version.state === 'shared'}
            />
          </Grid.Col>
        </Grid>
      )}
      <ConfirmModal
        opened={confirmShare}
        title={t('questionnaires.share')}
        message={t('questionnaires.shareConfirm', { number: version.number })}
        confirmLabel={t('questionnaires.share')}
        loading={share.isPending}
        error={share.error}
        onConfirm={() =>
          share.mutate(undefined, {
            onSuccess: () => {
              setConfirmShare(false);
              setEditing(false);
            },
          })
        }
        onClose={() => setConfirmShare(false)}
      />
    </Stack>
  );
}
