import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-messages.js';
import { isEmptyAnswer } from './query-empty.js';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  return (
    <Alert color="red" variant="light" title={t('common.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function EmptyMessage({
  title,
  description,
  action,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <EmptyState py="xl" title={title} description={description}>
      {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

/** What QueryState reads of a TanStack query (plain or infinite). */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  fetchStatus: 'fetching' | 'paused' | 'idle';
  refetch: () => Promise<unknown>;
}

/**
 * The states of one query, said the same way on every screen: a loader announced to screen
 * readers while it loads, the error as an alert with a retry button, the `empty` content when
 * the answer holds nothing, and otherwise the children with the data.
 */
export function QueryState<T>({
  query,
  empty,
  isEmpty = isEmptyAnswer,
  idle,
  loading,
  children,
}: {
  query: QueryLike<T>;
  /** What an empty answer shows; without it an empty answer goes to the children like any other. */
  empty?: ReactNode;
  /** When the answer counts as empty (default: it has no items; see isEmptyAnswer). */
  isEmpty?: (data: T) => boolean;
  /** What a disabled query (pending, not fetching: e.g. a search waiting for its words) shows instead of the loader. */
  idle?: ReactNode;
  /** Replaces the default loader where a full one does not fit. */
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) {
    if (idle !== undefined && query.fetchStatus === 'idle') return <>{idle}</>;
    return <>{loading ?? <LoadingState />}</>;
  }
  if (empty !== undefined && isEmpty(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
