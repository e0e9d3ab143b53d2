import { Alert, Badge, Breadcrumbs, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/contracts/procedures.js';
import { rolesGrant } from '../../../domain/permissions.js';
import type { ProcedureAction } from '../../../domain/support/procedures.js';
import { isApiError } from '../api/client.js';
import { useCategories } from '../api/use-categories.js';
import { useAllServices } from '../api/use-organizations.js';
import { useProcedure, useProcedureAction, useProcedureVersions } from '../api/use-procedures.js';
import { useCurrentUser } from '../api/use-session.js';
import { categoryOptions } from '../components/category-select.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { AudienceBadge, ProcedureStatusBadge } from '../components/procedure-badges.js';
import { type QueryLike, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { ProcedureEditorModal } from './procedure-editor-modal.js';

/** Which actions a status allows, and whether they need a reviewer (supervisor or admin). */
const ACTIONS: { action: ProcedureAction; from: Procedure['status'][]; reviewer: boolean; color: string }[] = [
  { action: 'submit', from: ['draft'], reviewer: false, color: 'blue' },
  { action: 'publish', from: ['in_review'], reviewer: true, color: 'teal' },
  { action: 'return', from: ['in_review'], reviewer: true, color: 'yellow' },
  { action: 'retire', from: ['published', 'draft', 'in_review'], reviewer: true, color: 'red' },
];

/** One procedure: its steps, where it is in review, its versions, and what the viewer may do with it. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { procedureId } = useParams({ strict: false }) as { procedureId: string };
  const procedure = useProcedure(procedureId);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <RouterAnchor to="/workspace/procedures" size="sm">
          {t('procedures.title')}
        </RouterAnchor>
        <Text size="sm">{procedure.data?.title ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={procedure}>{(found) => <ProcedureView procedure={found} />}</QueryState>
    </Stack>
  );
}

function ProcedureView({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const act = useProcedureAction(procedure.id);
  const [editing, setEditing] = useState(false);
  // Review is for supervisors and admins; the server refuses anyone else anyway.
  const reviewer = me.roles.includes('supervisor') || rolesGrant(me.roles, 'groups.manage');
  const actions = ACTIONS.filter((a) => a.from.includes(procedure.status) && (!a.reviewer || reviewer));
  const conflict = isApiError(act.error) && act.error.code === 'version_conflict';
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="xs">
            <ProcedureStatusBadge status={procedure.status} />
            <AudienceBadge audience={procedure.audience} />
            {procedure.specialty ? (
              <Text size="sm" c="dimmed">
                {procedure.specialty}
              </Text>
            ) : null}
          </Group>
          <Title order={2}>{procedure.title}</Title>
          <Text size="sm" c="dimmed">
            {t('procedures.shownVersion', { shown: procedure.shownVersion, latest: procedure.latestVersion })} ·{' '}
            {procedure.publishedVersion
              ? t('procedures.published', { number: procedure.publishedVersion })
              : t('procedures.notPublished')}{' '}
            · {t('procedures.timesApplied', { count: procedure.timesApplied })}
          </Text>
        </Stack>
        <Group gap="xs">
          {procedure.status !== 'retired' ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('procedures.edit')}
            </Button>
          ) : null}
          {actions.map(({ action, color }) => (
            <Button
              key={action}
              color={color}
              variant={action === 'retire' ? 'subtle' : 'filled'}
              loading={act.isPending && act.variables?.action === action}
              onClick={() => act.mutate({ version: procedure.version, action })}
            >
              {t(`procedures.actions.${action}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {conflict ? (
        <Alert color="yellow" variant="light" title={t('conflict.title')}>
          {t('conflict.procedure')}
        </Alert>
      ) : (
        <ErrorAlert error={act.error} />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="md">
            {procedure.summary ? (
              <Text size="sm" mb="sm">
                {procedure.summary}
              </Text>
            ) : null}
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
              {t('procedures.fields.steps')}
            </Text>
            <List type="ordered" spacing="xs">
              {procedure.steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id of their own
                <List.Item key={index}>{step}</List.Item>
              ))}
            </List>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="md">
            <Stack gap={4} mb="sm">
              <Text size="xs" c="dimmed">
                {t('procedures.author', { name: procedure.author.name })}
              </Text>
              {procedure.reviewer ? (
                <Text size="xs" c="dimmed">
                  {t('procedures.reviewer', { name: procedure.reviewer.name })}
                </Text>
              ) : null}
            </Stack>
            <Links procedure={procedure} />
            <Versions procedureId={procedure.id} />
          </Paper>
        </Grid.Col>
      </Grid>
      {editing ? (
        <ProcedureEditorModal key={procedure.version} procedure={procedure} opened onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}

/** The services and categories the procedure is suggested for, by their full names. */
function Links({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const services = useAllServices();
  const categories = useCategories(null, { includeInactive: true });
  const serviceLabels = new Map((services.data ?? []).map((s) => [s.value, s.label]));
  const categoryLabels = new Map(categoryOptions(categories.data ?? []).map((c) => [c.value, c.label]));
  const row = (ids: string[], query: QueryLike<unknown>, labels: Map<string, string>, empty: string) =>
    ids.length === 0 ? (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    ) : (
      <QueryState query={query}>
        {() => (
          <Group gap={4}>
            {ids.map((id) => (
              <Badge key={id} variant="light" color="gray" tt="none">
                {labels.get(id) ?? t('procedures.unknownLink')}
              </Badge>
            ))}
          </Group>
        )}
      </QueryState>
    );
  return (
    <Stack gap={6} mb="sm">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('procedures.linkedTo')}
      </Text>
      <Text size="xs" fw={500}>
        {t('procedures.fields.services')}
      </Text>
      {row(procedure.serviceIds, services, serviceLabels, t('procedures.noServices'))}
      <Text size="xs" fw={500}>
        {t('procedures.fields.categories')}
      </Text>
      {row(procedure.categoryIds, categories, categoryLabels, t('procedures.noCategories'))}
    </Stack>
  );
}

function Versions({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const versions = useProcedureVersions(procedureId);
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
        {t('procedures.versions')}
      </Text>
      <QueryState
        query={versions}
        empty={
          <Text size="xs" c="dimmed">
            {t('procedures.noVersions')}
          </Text>
        }
      >
        {(list) => (
          <Stack gap={6}>
            {[...list]
              .sort((a, b) => b.number - a.number)
              .map((version) => (
                <div key={version.number}>
                  <Text size="sm">
                    {t('procedures.versionLine', { number: version.number, name: version.author.name })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <DateTime value={version.createdAt} /> · {version.title}
                  </Text>
                </div>
              ))}
          </Stack>
        )}
      </QueryState>
    </div>
  );
}
