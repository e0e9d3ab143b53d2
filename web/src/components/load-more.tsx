import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of a keyset list: how many are shown, and a button for the next page while there is one. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}>
      <Text size="xs" c="dimmed">
        {hasMore ? t('common.shownSoFar', { count: shown }) : t('common.shownAll', { count: shown })}
      </Text>
      {hasMore ? (
        <Button variant="default" size="sm" loading={loading} onClick={onLoadMore}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Center>
  );
}
