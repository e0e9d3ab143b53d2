import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../domain/contracts/tickets.js';
import { attachmentUrl } from '../api/use-tickets.js';
import { useFileSize } from '../i18n/format.js';
import { PaperclipIcon } from './icons.js';

/** Files attached to a message or a ticket, each a download link with its size. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  if (attachments.length === 0) return null;
  return (
    <Group
      gap="xs"
      wrap="wrap"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('attachments.title')}
    >
      {attachments.map((attachment) => (
        <Group component="li" key={attachment.id} gap={6} wrap="nowrap" maw="100%">
          <PaperclipIcon />
          <Anchor href={attachmentUrl(attachment.id)} download={attachment.fileName} size="sm" truncate="end" maw={260}>
            {attachment.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fileSize(attachment.size)}
          </Text>
          {attachment.internal ? (
            <Badge size="xs" color="yellow" variant="light">
              {t('attachments.internal')}
            </Badge>
          ) : null}
        </Group>
      ))}
    </Group>
  );
}
