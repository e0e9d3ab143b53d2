import { Button, CloseButton, FileButton, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WITHHELD_REASONS, type WithheldReason } from '../../../domain/contracts/withheld-files.js';
import { isApiError } from '../api/client.js';
import type { AttachmentQueue } from '../api/use-attachment-queue.js';
import { useErrorText } from '../i18n/error-messages.js';
import { useFileSize } from '../i18n/format.js';
import { PaperclipIcon } from './icons.js';

/** "Attach files", and the files chosen so far: each with its size, its upload state, and a way to drop it. */
export function AttachmentPicker({ queue, disabled = false }: { queue: AttachmentQueue; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const fileSize = useFileSize();

  const failureText = (error: unknown) => {
    if (isApiError(error) && error.status === 413) return t('attachments.tooLarge');
    if (isApiError(error) && error.status === 415) {
      const reason = error.extensions.reason as WithheldReason;
      return WITHHELD_REASONS.includes(reason) ? t(`withheld.reasons.${reason}`) : t('attachments.badType');
    }
    return message(error);
  };

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <FileButton onChange={queue.add} multiple disabled={disabled}>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<PaperclipIcon />} disabled={disabled}>
              {t('attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('attachments.limits')}
        </Text>
      </Group>
      {queue.files.length > 0 ? (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('attachments.chosen')}>
          {queue.files.map((item) => (
            <li key={item.key}>
              <Group gap={6} wrap="nowrap">
                {item.state === 'uploading' ? <Loader size={12} /> : <PaperclipIcon />}
                <Text size="sm" truncate="end" style={{ minWidth: 0 }}>
                  {item.file.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {fileSize(item.file.size)}
                </Text>
                <CloseButton
                  size="sm"
                  disabled={item.state === 'uploading' || disabled}
                  onClick={() => queue.remove(item.key)}
                  aria-label={t('attachments.remove', { name: item.file.name })}
                />
              </Group>
              {item.state === 'failed' ? (
                <Text size="xs" c="red" role="alert">
                  {failureText(item.error)}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      ) : null}
      {queue.rejected.map((file) => (
        <Text key={file.name} size="xs" c="red" role="alert">
          {t(`attachments.rejected.${file.reason}`, { name: file.name })}
        </Text>
      ))}
    </Stack>
  );
}
