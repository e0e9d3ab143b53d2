import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../domain/contracts/tickets.js';
import { useCategories } from '../api/use-categories.js';

/** Each category with its full path ("Hardware › Printers"), in tree order: parents before their children. */
export function categoryOptions(categories: readonly Category[]): { value: string; label: string; depth: number }[] {
  const children = new Map<string | null, Category[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const category of categories) {
    // A child whose parent is not in the list (filtered out) is shown at the top.
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  const out: { value: string; label: string; depth: number }[] = [];
  const walk = (parent: string | null, prefix: string, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const category of level) {
      const label = prefix ? `${prefix} › ${category.name}` : category.name;
      out.push({ value: category.id, label, depth });
      walk(category.id, label, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}

/** Picks a category that applies to the service (its own, or one for every service). */
export function CategorySelect({
  serviceId,
  value,
  onChange,
  currentName,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  serviceId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The name of the current category, in case it is no longer active. */
  currentName?: string | null;
}) {
  const { t } = useTranslation();
  const categories = useCategories(serviceId);
  const active = (categories.data ?? []).filter(
    (c) => c.status === 'active' && (c.serviceId === null || c.serviceId === serviceId),
  );
  const options = categoryOptions(active).map(({ value: id, label }) => ({ value: id, label }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName ?? '…' });
  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      nothingFoundMessage={categories.isPending ? t('common.loading') : t('categories.noneForService')}
      disabled={categories.isError}
      {...props}
    />
  );
}
