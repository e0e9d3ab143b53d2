import { Select, type SelectProps, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizationList } from '../api/use-organizations.js';

/** Picks an organization, searching on the server as one types (there may be thousands). */
export function OrganizationSelect({
  value,
  onChange,
  includeInactive = false,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  includeInactive?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useOrganization(value);
  const selectedLabel = selected.data?.name;
  // Once an option is picked the box shows its name; that is not a new search.
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const list = useOrganizationList({ q, status: includeInactive ? undefined : 'active', limit: 20 });
  const options = (list.data?.pages ?? []).flatMap((page) => page.items);
  if (selected.data && !options.some((o) => o.id === selected.data.id)) options.unshift(selected.data);
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={(id) => onChange(id)}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('organizations.noneFound')}
      {...props}
    />
  );
}

/** An organization's name from its id (cached, so a table of users asks once per organization). */
export function OrganizationName({ id }: { id: string | null }) {
  const { data, isError } = useOrganization(id);
  if (!id)
    return (
      <Text c="dimmed" span>
        —
      </Text>
    );
  if (isError)
    return (
      <Text c="dimmed" span>
        {id}
      </Text>
    );
  return <Text span>{data?.name ?? '…'}</Text>;
}
