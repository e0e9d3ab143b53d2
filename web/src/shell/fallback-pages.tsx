import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/query-states.js';
import { RouterButton } from '../components/router-link.js';
import { useErrorText } from '../i18n/error-messages.js';

export function PageLoading() {
  return <LoadingState />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm">
        <Title order={2}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <RouterButton to="/" variant="light">
          {t('notFound.home')}
        </RouterButton>
      </Stack>
    </Center>
  );
}

/** A tab opened before a new version was deployed asks for code that no longer exists. */
const isStaleCode = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|module script|Importing a module script failed/i.test(error.message);

/** A screen that failed to load (its code, or its first data) says so and offers to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const router = useRouter();
  if (isStaleCode(error)) {
    return (
      <Center py={80}>
        <Stack align="center" gap="sm" maw={480} ta="center">
          <Title order={2}>{t('routeError.newVersionTitle')}</Title>
          <Text c="dimmed">{t('routeError.newVersionBody')}</Text>
          <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={2}>{t('routeError.title')}</Title>
        <Text c="dimmed">{message(error)}</Text>
        <Button
          variant="light"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
