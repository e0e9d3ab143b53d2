import { Alert, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../domain/contracts/tickets.js';
import { useCategories } from '../../api/use-categories.js';
import { useServices } from '../../api/use-organizations.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { AddCategoryForm, CategoryTree } from './category-tree.js';

type Scope = 'all' | 'service';

/** Ticket categories: a tree for every service, and one per service on top of it. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('all');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(true);
  const [conflict, setConflict] = useState(false);
  const services = useServices(organizationId);
  const forService = scope === 'service' ? serviceId : null;
  const categories = useCategories(forService, { includeInactive: true });

  const own = (categories.data ?? []).filter((c) => c.serviceId === forService);
  const shown = showInactive ? own : own.filter((c) => c.status === 'active');
  const shared = forService ? (categories.data ?? []).filter((c) => c.serviceId === null && c.status === 'active') : [];
  const ready = scope === 'all' || serviceId !== null;

  return (
    <>
      <PageHeader title={t('categories.title')} description={t('categories.description')} />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              value={scope}
              onChange={(value) => setScope(value as Scope)}
              data={[
                { value: 'all', label: t('categories.allServices') },
                { value: 'service', label: t('categories.oneService') },
              ]}
            />
            {scope === 'service' ? (
              <>
                <OrganizationSelect
                  label={t('fields.organization')}
                  value={organizationId}
                  onChange={(id) => {
                    setOrganizationId(id);
                    setServiceId(null);
                  }}
                  style={{ flex: '1 1 14rem' }}
                />
                <Select
                  label={t('tickets.fields.service')}
                  disabled={!organizationId}
                  data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  value={serviceId}
                  onChange={setServiceId}
                  searchable
                  style={{ flex: '1 1 14rem' }}
                />
              </>
            ) : null}
            <Switch
              label={t('categories.showInactive')}
              checked={showInactive}
              onChange={(event) => setShowInactive(event.currentTarget.checked)}
              mb={8}
            />
          </Group>
        </Paper>
        {conflict ? (
          <Alert
            color="yellow"
            variant="light"
            title={t('conflict.title')}
            withCloseButton
            onClose={() => setConflict(false)}
          >
            {t('conflict.category')}
          </Alert>
        ) : null}
        {!ready ? (
          <Paper withBorder radius="md">
            <EmptyMessage title={t('categories.pickService')} />
          </Paper>
        ) : (
          <QueryState query={categories}>
            {() => (
              <Paper withBorder radius="md" p="md">
                <Stack gap="md">
                  <Title order={3} size="h5">
                    {forService ? t('categories.ownTitle') : t('categories.sharedTitle')}
                  </Title>
                  {shown.length === 0 ? (
                    <EmptyMessage title={t('categories.empty')} description={t('categories.emptyHint')} />
                  ) : (
                    <CategoryTree
                      categories={shown}
                      serviceId={forService}
                      onConflict={() => {
                        setConflict(true);
                        void categories.refetch();
                      }}
                    />
                  )}
                  <AddCategoryForm serviceId={forService} parentId={null} />
                </Stack>
              </Paper>
            )}
          </QueryState>
        )}
        {ready && shared.length > 0 ? (
          <Paper withBorder radius="md" p="md" bg="gray.0">
            <Title order={3} size="h5" mb={4}>
              {t('categories.alsoApplies')}
            </Title>
            <Text size="sm" c="dimmed">
              {shared
                .filter((c: Category) => c.parentId === null)
                .map((c) => c.name)
                .join(' · ')}
            </Text>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
