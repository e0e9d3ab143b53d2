import { Button, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS, type SupportLevel } from '../../../domain/support/support-levels.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';
import { OrganizationSelect } from '../components/organization-select.js';
import { UserSelect } from '../components/user-select.js';
import { hasFilters, type SupervisionSearch } from './supervision-search.js';

const AGENT_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** Narrows the board and its counts to one organization, group, agent or level (problems: organization and group). */
export function SupervisionFilters({
  search,
  onChange,
  problems = false,
}: {
  search: SupervisionSearch;
  onChange: (patch: Partial<SupervisionSearch>) => void;
  problems?: boolean;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="md">
      <OrganizationSelect
        label={t('supervision.filters.organization')}
        placeholder={t('supervision.filters.any')}
        includeInactive
        clearable
        value={search.organizationId ?? null}
        onChange={(id) => onChange({ organizationId: id ?? undefined })}
      />
      <Select
        label={t('supervision.filters.group')}
        placeholder={t('supervision.filters.any')}
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: groupOptionLabel(g) }))}
        value={search.groupId ?? null}
        onChange={(id) => onChange({ groupId: id ?? undefined })}
        clearable
        searchable
      />
      {problems ? null : (
        <UserSelect
          label={t('supervision.filters.agent')}
          placeholder={t('supervision.filters.any')}
          roles={AGENT_ROLES}
          value={search.assigneeId ?? null}
          onChange={(id) => onChange({ assigneeId: id ?? undefined })}
          clearable
        />
      )}
      {problems ? null : (
        <Select
          label={t('supervision.filters.level')}
          placeholder={t('supervision.filters.any')}
          data={SUPPORT_LEVELS.map((level) => ({ value: level, label: t(`support.levelNames.${level}`) }))}
          value={search.level ?? null}
          onChange={(level) => onChange({ level: (level as SupportLevel | null) ?? undefined })}
          clearable
        />
      )}
      <Button
        variant="default"
        mt={{ base: 0, md: 25 }}
        disabled={!hasFilters(search)}
        onClick={() =>
          onChange({ organizationId: undefined, groupId: undefined, assigneeId: undefined, level: undefined })
        }
      >
        {t('supervision.filters.clear')}
      </Button>
    </SimpleGrid>
  );
}
