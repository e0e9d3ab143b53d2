import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../domain/contracts/tickets.js';
import { isApiError } from '../../api/client.js';
import { useCreateCategory, useUpdateCategory } from '../../api/use-categories.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useFormErrors } from '../../components/use-form-errors.js';

/** The categories as an indented tree of two levels; each can be renamed or deactivated, a top one given subcategories. */
export function CategoryTree({
  categories,
  serviceId,
  onConflict,
}: {
  categories: readonly Category[];
  serviceId: string | null;
  onConflict: () => void;
}) {
  const children = new Map<string | null, Category[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return <Level parentId={null} tree={children} serviceId={serviceId} onConflict={onConflict} depth={0} />;
}

function Level({
  parentId,
  tree,
  serviceId,
  onConflict,
  depth,
}: {
  parentId: string | null;
  tree: Map<string | null, Category[]>;
  serviceId: string | null;
  onConflict: () => void;
  depth: number;
}) {
  const level = tree.get(parentId) ?? [];
  if (level.length === 0) return null;
  return (
    <Stack
      component="ul"
      gap={2}
      m={0}
      p={0}
      pl={depth === 0 ? 0 : 'lg'}
      style={{ listStyle: 'none', borderLeft: depth === 0 ? undefined : '1px solid var(--mantine-color-gray-3)' }}
    >
      {level.map((category) => (
        <li key={category.id}>
          <CategoryRow category={category} serviceId={serviceId} onConflict={onConflict} canNest={depth === 0} />
          <Level parentId={category.id} tree={tree} serviceId={serviceId} onConflict={onConflict} depth={depth + 1} />
        </li>
      ))}
    </Stack>
  );
}

function CategoryRow({
  category,
  serviceId,
  onConflict,
  canNest,
}: {
  category: Category;
  serviceId: string | null;
  onConflict: () => void;
  /** Two levels only: a category and its subcategories. */
  canNest: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateCategory();
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState(category.name);
  const active = category.status === 'active';
  const form = useFormErrors({
    values: { name },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: update.error,
  });

  const patch = (body: { name?: string; status?: 'active' | 'inactive' }, onDone?: () => void) =>
    update.mutate(
      { id: category.id, version: category.version, ...body },
      {
        onSuccess: () => onDone?.(),
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') {
            setRenaming(false);
            onConflict();
          }
        },
      },
    );

  const handleRename = () => {
    const next = name.trim();
    if (next === category.name) setRenaming(false);
    else patch({ name: next }, () => setRenaming(false));
  };
  const startRenaming = () => {
    setName(category.name);
    form.reset();
    update.reset();
    setRenaming(true);
  };

  return (
    <Stack gap={4} py={4} px="xs">
      {renaming ? (
        <form
          ref={form.formRef}
          onSubmit={form.handleSubmit(handleRename)}
          noValidate
          aria-label={t('categories.rename')}
        >
          <Group gap="xs" wrap="wrap">
            <TextInput
              aria-label={t('fields.name')}
              size="xs"
              value={name}
              maxLength={100}
              autoFocus
              onChange={(event) => setName(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  setRenaming(false);
                }
              }}
              error={form.errorOf('name')}
              style={{ flex: '1 1 12rem' }}
            />
            <Button type="submit" size="xs" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRenaming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <Text
              size="sm"
              fw={canNest ? 600 : 400}
              c={active ? undefined : 'dimmed'}
              td={active ? undefined : 'line-through'}
            >
              {category.name}
            </Text>
            {active ? null : (
              <Badge size="xs" color="gray" variant="light">
                {t('status.inactive')}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            {active && canNest ? (
              <Button size="compact-xs" variant="subtle" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
                {t('categories.addChild')}
              </Button>
            ) : null}
            <Button size="compact-xs" variant="subtle" onClick={startRenaming}>
              {t('categories.rename')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color={active ? 'red' : 'teal'}
              loading={update.isPending && !renaming}
              onClick={() => patch({ status: active ? 'inactive' : 'active' })}
            >
              {active ? t('categories.deactivate') : t('categories.activate')}
            </Button>
          </Group>
        </Group>
      )}
      {/* A refused name shows on its field; any other failure (or one while not renaming) shows here. */}
      {update.error &&
      !(renaming && form.serverErrorAt('name')) &&
      !(isApiError(update.error) && update.error.code === 'version_conflict') ? (
        <ErrorAlert error={update.error} fields={renaming ? ['name'] : []} />
      ) : null}
      {adding ? (
        <AddCategoryForm serviceId={serviceId} parentId={category.id} onAdded={() => setAdding(false)} compact />
      ) : null}
    </Stack>
  );
}

/** A new category at the top of the tree, or under `parentId`. */
export function AddCategoryForm({
  serviceId,
  parentId,
  onAdded,
  compact = false,
}: {
  serviceId: string | null;
  parentId: string | null;
  onAdded?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const [name, setName] = useState('');
  const label = parentId ? t('categories.newChild') : t('categories.newTop');
  const form = useFormErrors({
    values: { name },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: create.error,
  });

  const send = () =>
    create.mutate(
      { name: name.trim(), parentId, serviceId },
      {
        onSuccess: () => {
          setName('');
          form.reset();
          onAdded?.();
        },
      },
    );

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-label={label}>
      <Stack gap={4} pl={compact ? 'lg' : 0}>
        <ErrorAlert error={create.error} fields={['name']} />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            aria-label={label}
            placeholder={label}
            size={compact ? 'xs' : 'sm'}
            value={name}
            maxLength={100}
            autoFocus={compact}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errorOf('name')}
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" variant="light" size={compact ? 'xs' : 'sm'} loading={create.isPending}>
            {t('categories.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
