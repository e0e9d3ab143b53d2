import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWithheldFiles, withheldFileUrl } from '../api/use-withheld-files.js';
import { DateTime } from '../components/date-time.js';
import { AlertIcon } from '../components/icons.js';
import { useFileSize } from '../i18n/format.js';

/**
 * Files the ticket's mail carried that the desk did not store (a program, an SVG, too large…):
 * each named with its size and why, and downloadable by staff from the stored original message.
 * Nothing shows when there are none.
 */
export function WithheldFilesBox({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const withheld = useWithheldFiles(ticketId);
  const files = withheld.data ?? [];
  if (files.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="withheld-files-title">
      <Group justify="space-between" mb={6} gap="xs">
        <Group gap={6}>
          <AlertIcon />
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="withheld-files-title">
            {t('withheld.title')}
          </Text>
        </Group>
        <Badge size="xs" color="yellow" variant="light">
          {t('withheld.staffOnly')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('withheld.hint')}
      </Text>
      <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {files.map((file) => (
          <Group component="li" key={file.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} maw="100%">
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500} truncate="end" maw={320}>
                  {file.fileName}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {fileSize(file.size)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t(`withheld.reasons.${file.reason}`)} ·{' '}
                {file.messageId ? `${t('withheld.cameWithReply')} ` : t('withheld.cameWithDescription')}
                {file.messageId ? <DateTime value={file.createdAt} /> : null}
              </Text>
            </Stack>
            {file.reason === 'infected' ? null : (
              <Anchor
                href={withheldFileUrl(file.id)}
                download={file.fileName}
                size="sm"
                aria-label={t('withheld.downloadOne', { name: file.fileName })}
              >
                {t('withheld.download')}
              </Anchor>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
