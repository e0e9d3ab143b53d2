import { Button, Group, Input, Paper, Pill, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../domain/contracts/tickets.js';
import { useCategories } from '../../api/use-categories.js';
import { useOrganization, useServices } from '../../api/use-organizations.js';
import { CategorySelect, categoryOptions } from '../../components/category-select.js';
import { PlusIcon } from '../../components/icons.js';
import { OrganizationSelect } from '../../components/organization-select.js';

export interface CoverageEntry {
  organizationId: string | null;
  serviceId: string | null;
  categoryId: string | null;
}

const keyOf = (c: CoverageEntry) => `${c.organizationId ?? ''}|${c.serviceId ?? ''}|${c.categoryId ?? ''}`;

/**
 * What a group covers: rows of an organization, optionally one of its services, and optionally a
 * category, shown as chips "Organization · Service · Category".
 */
export function GroupCoverageField({
  value,
  onChange,
}: {
  value: CoverageEntry[];
  onChange: (value: CoverageEntry[]) => void;
}) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const services = useServices(organizationId);
  const categories = useCategories(null, { includeInactive: true });
  const categoryLabels = new Map(categoryOptions(categories.data ?? []).map((c) => [c.value, c.label]));
  const entry = { organizationId, serviceId, categoryId };
  const duplicate = value.some((c) => keyOf(c) === keyOf(entry));

  const add = () => {
    if (!organizationId || duplicate) return;
    onChange([...value, entry]);
    setServiceId(null);
    setCategoryId(null);
  };

  return (
    <Stack gap={6}>
      <div>
        <Input.Label>{t('groupsAdmin.coverage')}</Input.Label>
        <Input.Description>{t('groupsAdmin.coverageHint')}</Input.Description>
      </div>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groupsAdmin.noCoverage')}
        </Text>
      ) : (
        <Pill.Group aria-label={t('groupsAdmin.coverage')}>
          {value.map((c) => (
            <CoveragePill
              key={keyOf(c)}
              entry={c}
              categories={categories.data}
              categoryLabels={categoryLabels}
              onRemove={() => onChange(value.filter((other) => keyOf(other) !== keyOf(c)))}
            />
          ))}
        </Pill.Group>
      )}
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Group grow align="flex-start">
            <OrganizationSelect
              label={t('groupsAdmin.coverageOrganization')}
              placeholder={t('groupsAdmin.coveragePlaceholder')}
              value={organizationId}
              onChange={(id) => {
                setOrganizationId(id);
                setServiceId(null);
                setCategoryId(null);
              }}
              size="xs"
              clearable
            />
            <Select
              label={t('groupsAdmin.coverageService')}
              placeholder={t('groupsAdmin.coverageAnyService')}
              data={(services.data ?? [])
                .filter((s) => s.status === 'active')
                .map((s) => ({ value: s.id, label: s.name }))}
              value={serviceId}
              onChange={(id) => {
                setServiceId(id);
                setCategoryId(null);
              }}
              disabled={!organizationId || services.isError}
              nothingFoundMessage={services.isPending ? t('common.loading') : t('groupsAdmin.coverageNoServices')}
              error={services.isError ? t('groupsAdmin.coverageServicesError') : undefined}
              size="xs"
              searchable
              clearable
            />
            <CategorySelect
              label={t('groupsAdmin.coverageCategory')}
              placeholder={t('groupsAdmin.coverageAnyCategory')}
              serviceId={serviceId}
              value={categoryId}
              onChange={setCategoryId}
              disabled={!organizationId}
              size="xs"
            />
          </Group>
          <Group justify="space-between">
            <Text size="xs" c={duplicate ? 'yellow' : 'dimmed'}>
              {duplicate ? t('groupsAdmin.coverageDuplicate') : t('groupsAdmin.coverageAddHint')}
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<PlusIcon size={14} />}
              disabled={!organizationId || duplicate}
              onClick={add}
            >
              {t('groupsAdmin.coverageAdd')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function CoveragePill({
  entry,
  categories,
  categoryLabels,
  onRemove,
}: {
  entry: CoverageEntry;
  categories: Category[] | undefined;
  categoryLabels: Map<string, string>;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const organization = useOrganization(entry.organizationId);
  const services = useServices(entry.serviceId ? entry.organizationId : null);
  const unknown = t('groupsAdmin.coverageUnknown');
  const name = <T,>(id: string | null, pending: boolean, found: T | undefined, pick: (item: T) => string) =>
    id ? (found ? pick(found) : pending ? '…' : unknown) : null;
  const parts = [
    name(entry.organizationId, organization.isPending, organization.data, (o) => o.name),
    name(
      entry.serviceId,
      services.isPending,
      services.data?.find((s) => s.id === entry.serviceId),
      (s) => s.name,
    ),
    entry.categoryId ? (categoryLabels.get(entry.categoryId) ?? (categories ? unknown : '…')) : null,
  ].filter((part): part is string => part !== null);
  const label = parts.join(' · ');
  return (
    <Pill
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('groupsAdmin.coverageRemove', { label }) }}
    >
      {label}
    </Pill>
  );
}
