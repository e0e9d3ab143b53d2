import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownError } from '../../../domain/contracts/problems.js';
import { RichText } from './rich-text.js';

/**
 * One known error among suggestions: its problem's number and subject, the workaround in the
 * wording the caller asks for (the desk's on the ticket page, the public one on the phone), how
 * often it has been applied, and the caller's actions below.
 */
export function KnownErrorCard({
  knownError,
  wording,
  action,
  selected = false,
}: {
  knownError: KnownError;
  wording: 'desk' | 'public';
  action?: ReactNode;
  selected?: boolean;
}) {
  const { t } = useTranslation();
  const html =
    wording === 'desk'
      ? (knownError.workaroundDeskHtml ?? knownError.workaroundPublicHtml)
      : knownError.workaroundPublicHtml;
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      bg={selected ? 'teal.0' : undefined}
      style={selected ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}
      aria-label={`${knownError.number} ${knownError.subject}`}
      data-known-error={knownError.id}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {knownError.number}
          </Text>
          <Text size="sm" fw={600} style={{ minWidth: 0 }}>
            {knownError.subject}
          </Text>
        </Group>
        <Text size="xs" fw={600}>
          {t('problems.desk.knownErrors.workaround')}
        </Text>
        {html ? (
          <RichText html={html} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('problems.desk.knownErrors.noWorkaround')}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Badge size="xs" variant="light" color="gray">
            {t('problems.desk.knownErrors.applications', { count: knownError.workaroundApplications })}
          </Badge>
          {action}
        </Group>
      </Stack>
    </Paper>
  );
}
