import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { isApiError } from '../api/client.js';
import { useAddMessage, useUpdateTicket } from '../api/use-tickets.js';
import { ConfirmModal } from '../components/confirm-modal.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';

type Move = 'closed' | 'in_progress' | 'cancelled';

/**
 * What a requester may do to their ticket, offered only when the server says they may
 * (`allowedStatuses`): confirm a resolution, reopen it, or cancel a ticket not yet being worked.
 */
export function RequesterActions({ ticket, onConflict }: { ticket: Ticket; onConflict: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const reply = useAddMessage(ticket.id);
  const [asking, setAsking] = useState<Move | null>(null);
  const [why, setWhy] = useState('');
  const can = (move: Move) => ticket.allowedStatuses.includes(move);
  const resolved = ticket.status === 'resolved';

  const close = () => {
    setAsking(null);
    setWhy('');
    update.reset();
    reply.reset();
  };

  const apply = (status: Move) =>
    update.mutate(
      { version: ticket.version, status },
      {
        onSuccess: () => {
          // Why it is not solved goes into the conversation, where the desk will read it.
          const bodyHtml = textToHtml(why);
          if (status === 'in_progress' && bodyHtml) reply.mutate({ kind: 'reply', bodyHtml });
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') {
            close();
            onConflict();
          }
        },
      },
    );

  if (!can('closed') && !can('in_progress') && !can('cancelled')) return null;

  return (
    <>
      {resolved ? (
        <Alert color="teal" variant="light" title={t('requesterActions.resolvedTitle')}>
          <Stack gap="sm">
            {ticket.resolutionNotes ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {ticket.resolutionNotes}
              </Text>
            ) : null}
            <Text size="sm">{t('requesterActions.resolvedQuestion')}</Text>
            <Group gap="sm">
              {can('closed') ? (
                <Button color="teal" onClick={() => setAsking('closed')}>
                  {t('requesterActions.confirm')}
                </Button>
              ) : null}
              {can('in_progress') ? (
                <Button variant="default" onClick={() => setAsking('in_progress')}>
                  {t('requesterActions.reopen')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {can('cancelled') ? (
        <Group>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setAsking('cancelled')}>
            {t('requesterActions.cancel')}
          </Button>
        </Group>
      ) : null}
      <ConfirmModal
        opened={asking === 'closed'}
        title={t('requesterActions.confirmTitle')}
        message={t('requesterActions.confirmBody')}
        confirmLabel={t('requesterActions.confirm')}
        color="teal"
        loading={update.isPending}
        error={update.error}
        onConfirm={() => apply('closed')}
        onClose={close}
      />
      <ConfirmModal
        opened={asking === 'cancelled'}
        title={t('requesterActions.cancelTitle', { number: ticket.number })}
        message={t('requesterActions.cancelBody')}
        confirmLabel={t('requesterActions.cancel')}
        loading={update.isPending}
        error={update.error}
        onConfirm={() => apply('cancelled')}
        onClose={close}
      />
      <Modal opened={asking === 'in_progress'} onClose={close} title={t('requesterActions.reopenTitle')} centered>
        <Stack>
          <ErrorAlert error={update.error} />
          <Textarea
            label={t('requesterActions.reopenWhy')}
            autosize
            minRows={3}
            value={why}
            onChange={(event) => setWhy(event.currentTarget.value)}
            data-autofocus
          />
          <ModalFooter
            submitLabel={t('requesterActions.reopen')}
            onCancel={close}
            onConfirm={() => apply('in_progress')}
            loading={update.isPending || reply.isPending}
          />
        </Stack>
      </Modal>
    </>
  );
}
