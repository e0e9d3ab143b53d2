import { Select, type SelectProps, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/contracts/users.js';
import type { Role } from '../../../domain/roles.js';
import { useUser, useUserSearch } from '../api/use-users.js';

export interface PersonOption {
  id: string;
  name: string;
  email?: string;
}

/**
 * Picks one active person with one of `roles`, searching on the server by name or email as one
 * types. `selected` names the current value (the ticket already knows it) so nothing is fetched for it.
 */
export function UserSelect({
  roles,
  value,
  selected,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  roles: readonly Role[];
  value: string | null;
  selected?: PersonOption | null;
  onChange: (id: string | null, user: User | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const q = debounced && debounced !== selected?.name ? debounced : undefined;
  const { users, isFetching } = useUserSearch(q, roles);
  // A value from elsewhere (the address, say) with no name at hand: ask for that one person.
  const known = selected && value === selected.id ? selected : null;
  const lookup = useUser(value && !known && !users.some((u) => u.id === value) ? value : null);
  const current = known ?? lookup.data ?? null;
  const options: PersonOption[] = [...users];
  if (current && !options.some((o) => o.id === current.id)) options.unshift(current);
  const byId = new Map(users.map((user) => [user.id, user]));
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      renderOption={({ option }) => {
        const email = options.find((o) => o.id === option.value)?.email;
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {email ? (
              <Text size="xs" c="dimmed">
                {email}
              </Text>
            ) : null}
          </div>
        );
      }}
      value={value}
      onChange={(id) => onChange(id, id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={isFetching ? t('common.loading') : t('people.noMatches')}
      {...props}
    />
  );
}
