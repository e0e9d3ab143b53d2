import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../domain/contracts/procedures.js';
import { isApiError } from '../api/client.js';
import { useCannedResponses, useDeleteCannedResponse } from '../api/use-procedures.js';
import { htmlToText } from '../components/canned-response-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PlusIcon } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { CannedResponseCreateModal } from './canned-response-create-modal.js';

/** The canned responses I can use: the desk's shared ones and my own; write new ones and delete them. */
export function CannedResponsesPage() {
  const { t } = useTranslation();
  const responses = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const items = [...(responses.data ?? [])].sort((a, b) => a.title.localeCompare(b.title));
  // The server answers 404 both when it is gone and when it is not mine to delete.
  const refused = isApiError(remove.error) && remove.error.status === 404;

  const closeDelete = () => {
    // Refused: it may be gone for good, so the list is read again.
    if (refused) void responses.refetch();
    setDeleting(null);
    remove.reset();
  };

  return (
    <>
      <PageHeader
        title={t('canned.title')}
        description={t('canned.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('canned.new')}
          </Button>
        }
      />
      <QueryState query={responses} empty={<EmptyMessage title={t('canned.emptyList')} />}>
        {() => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={6} fz="sm" aria-label={t('canned.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={260}>{t('canned.fields.title')}</Table.Th>
                    <Table.Th>{t('canned.preview')}</Table.Th>
                    <Table.Th w={120}>{t('canned.visibility')}</Table.Th>
                    <Table.Th w={110} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((response) => (
                    <Table.Tr key={response.id}>
                      <Table.Td>
                        <Text size="sm" fw={500} lineClamp={2}>
                          {response.title}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={480}>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {htmlToText(response.bodyHtml)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={response.shared ? 'blue' : 'gray'} size="sm">
                          {response.shared ? t('canned.shared') : t('canned.mine')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          aria-label={t('canned.deleteNamed', { title: response.title })}
                          onClick={() => setDeleting(response)}
                        >
                          {t('canned.delete')}
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
      {creating ? <CannedResponseCreateModal opened onClose={() => setCreating(false)} /> : null}
      <Modal opened={deleting !== null} onClose={closeDelete} title={t('canned.deleteTitle')} centered>
        <Stack>
          <Text size="sm">{t('canned.deleteMessage', { title: deleting?.title ?? '' })}</Text>
          {refused ? (
            <Alert color="red" variant="light" title={t('canned.cannotDeleteTitle')} role="alert">
              <Text size="sm">{t('canned.cannotDelete')}</Text>
            </Alert>
          ) : (
            <ErrorAlert error={remove.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDelete}>
              {refused ? t('common.close') : t('common.cancel')}
            </Button>
            {refused ? null : (
              <Button
                color="red"
                loading={remove.isPending}
                data-autofocus
                onClick={() => {
                  if (deleting) remove.mutate(deleting.id, { onSuccess: closeDelete });
                }}
              >
                {t('canned.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
