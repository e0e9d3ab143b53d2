import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateQuestionnaire, useQuestionnaires } from '../api/use-questionnaires.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { OrganizationName, OrganizationSelect } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { latestVersion, VersionStateBadge } from './questionnaire-parts.js';

/** The desk's questionnaires: each organization's, with its latest version's state; create one from the default. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const list = useQuestionnaires();
  return (
    <Stack gap="lg">
      <PageHeader title={t('questionnaires.title')} description={t('questionnaires.description')} />
      <CreateQuestionnaireForm />
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('questionnaires.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('questionnaires.questionnaireTitle')}</Table.Th>
                    <Table.Th>{t('questionnaires.organization')}</Table.Th>
                    <Table.Th>{t('questionnaires.latest')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((q) => {
                    const latest = latestVersion(q.versions);
                    return (
                      <Table.Tr key={q.id}>
                        <Table.Td>
                          <RouterAnchor
                            to="/workspace/questionnaires/$questionnaireId"
                            params={{ questionnaireId: q.id }}
                          >
                            {q.title}
                          </RouterAnchor>
                        </Table.Td>
                        <Table.Td>
                          <OrganizationName id={q.organizationId} />
                        </Table.Td>
                        <Table.Td>
                          {latest ? (
                            <Group gap="xs">
                              <Text size="sm">{t('questionnaires.versionN', { number: latest.number })}</Text>
                              <VersionStateBadge state={latest.state} />
                              <Text size="xs" c="dimmed">
                                <DateTime value={latest.updatedAt} />
                              </Text>
                            </Group>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

function CreateQuestionnaireForm() {
  const { t } = useTranslation();
  const create = useCreateQuestionnaire();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!organizationId || title.trim() === '') return;
    create.mutate(
      { organizationId, title: title.trim() },
      {
        onSuccess: (created) =>
          navigate({ to: '/workspace/questionnaires/$questionnaireId', params: { questionnaireId: created.id } }),
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="questionnaire-create-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="questionnaire-create-title">
            {t('questionnaires.create')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('questionnaires.createHint')}
          </Text>
          <ErrorAlert error={create.error} fields={['organizationId', 'title']} />
          <Group align="flex-end" gap="sm">
            <OrganizationSelect
              label={t('questionnaires.organization')}
              value={organizationId}
              onChange={setOrganizationId}
              w={280}
              required
            />
            <TextInput
              label={t('questionnaires.questionnaireTitle')}
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={320}
              required
            />
            <Button type="submit" loading={create.isPending} disabled={!organizationId || title.trim() === ''}>
              {t('questionnaires.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
