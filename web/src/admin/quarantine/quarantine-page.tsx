import { Alert, Button, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuarantinedFile } from '../../../../domain/contracts/quarantine.js';
import { useDeleteQuarantined, useQuarantine } from '../../api/use-quarantine.js';
import { ConfirmModal, useConfirmedDelete } from '../../components/confirm-modal.js';
import { DateTime } from '../../components/date-time.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { useFileSize } from '../../i18n/format.js';

/** Administración → Cuarentena: files the virus scanner refused, where each came from, and their deletion. */
export function QuarantinePage() {
  const { t } = useTranslation();
  const files = useQuarantine();
  const deletion = useConfirmedDelete<QuarantinedFile>(useDeleteQuarantined());
  const fileSize = useFileSize();

  return (
    <Stack>
      <PageHeader title={t('quarantine.title')} description={t('quarantine.description')} />
      <Alert variant="light" color="gray" title={t('quarantine.noDownloadTitle')}>
        {t('quarantine.noDownload')}
      </Alert>
      <QueryState
        query={files}
        empty={<EmptyMessage title={t('quarantine.empty')} description={t('quarantine.emptyHint')} />}
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" aria-label={t('quarantine.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('quarantine.columns.file')}</Table.Th>
                    <Table.Th>{t('quarantine.columns.signature')}</Table.Th>
                    <Table.Th>{t('quarantine.columns.cameWith')}</Table.Th>
                    <Table.Th>{t('quarantine.columns.date')}</Table.Th>
                    <Table.Th aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((file) => (
                    <Table.Tr key={file.id}>
                      <Table.Td style={{ wordBreak: 'break-all' }}>
                        <Text size="sm">{file.fileName}</Text>
                        <Text size="xs" c="dimmed">
                          {t('quarantine.sizeBy', { size: fileSize(file.size), name: file.uploadedBy.name })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{file.signature}</Code>
                      </Table.Td>
                      <Table.Td>
                        <CameWith file={file} />
                      </Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        <DateTime value={file.createdAt} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('quarantine.deleteOne', { name: file.fileName })}
                          onClick={() => deletion.ask(file)}
                        >
                          {t('quarantine.delete')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <ConfirmModal
        {...deletion.modal}
        title={t('quarantine.deleteTitle')}
        message={t('quarantine.deleteMessage', { name: deletion.target?.fileName ?? '' })}
        confirmLabel={t('quarantine.delete')}
      />
    </Stack>
  );
}

/** The ticket a file was sent to, and the mail it came with when it came by mail. */
function CameWith({ file }: { file: QuarantinedFile }) {
  const { t } = useTranslation();
  if (!file.ticket && !file.mail)
    return (
      <Text size="sm" c="dimmed">
        {t('quarantine.noTicket')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {file.ticket ? (
        <RouterAnchor to="/workspace/tickets/$ticketId" params={{ ticketId: file.ticket.id }} size="sm">
          {t('quarantine.ticket', { number: file.ticket.number, subject: file.ticket.subject })}
        </RouterAnchor>
      ) : null}
      {file.mail ? (
        <Text size="xs" c="dimmed">
          {t('quarantine.mail', { from: file.mail.from ?? '—', subject: file.mail.subject ?? '—' })}
        </Text>
      ) : null}
    </Stack>
  );
}
