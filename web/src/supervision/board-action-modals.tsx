import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardTicket } from '../../../domain/contracts/supervision.js';
import { useAddMessage, useTicket, useUpdateTicket } from '../api/use-tickets.js';
import { CommitmentModal } from '../components/commitment-modal.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { PriorityOverrideModal } from '../components/priority-override-modal.js';
import { ErrorState, QueryState } from '../components/query-states.js';
import { textToHtml } from '../components/text-to-html.js';
import { UserSelect } from '../components/user-select.js';
import type { BoardAction } from './board-row-menu.js';

const ASSIGNEE_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** The dialog of the action picked on a board row; each one is keyed by its ticket. */
export function BoardActionModals({ action, onClose }: { action: BoardAction | null; onClose: () => void }) {
  if (!action) return null;
  const { ticket } = action;
  switch (action.kind) {
    case 'reassign':
      return <ReassignModal key={ticket.id} ticket={ticket} onClose={onClose} />;
    case 'priority':
      return <PriorityModal key={ticket.id} ticket={ticket} onClose={onClose} />;
    case 'note':
      return <NoteModal key={ticket.id} ticket={ticket} onClose={onClose} />;
    case 'commitment':
      return (
        <CommitmentModal
          key={ticket.id}
          caseId={ticket.id}
          number={ticket.number}
          openPromisedAt={ticket.commitment?.promisedAt ?? null}
          opened
          onClose={onClose}
        />
      );
  }
}

/**
 * A change to the ticket needs its version, which the board does not carry: the dialog loads the
 * ticket first (a stale version still answers 409 and is shown as such).
 */
function ReassignModal({ ticket, onClose }: { ticket: BoardTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const full = useTicket(ticket.id);
  const update = useUpdateTicket(ticket.id);
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assignee?.id ?? null);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!full.data || !assigneeId) return;
    const status = full.data.status === 'new' ? { status: 'assigned' as const } : {};
    update.mutate({ version: full.data.version, assigneeId, ...status }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t('supervision.reassign.title', { number: ticket.number })} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {full.isError ? <ErrorState error={full.error} onRetry={() => void full.refetch()} /> : null}
          <ErrorAlert error={update.error} fields={['assigneeId']} />
          <UserSelect
            label={t('supervision.reassign.assignee')}
            placeholder={t('supervision.reassign.placeholder')}
            roles={ASSIGNEE_ROLES}
            value={assigneeId}
            selected={ticket.assignee}
            onChange={(id) => setAssigneeId(id)}
            data-autofocus
          />
          <ModalFooter
            submitLabel={t('supervision.reassign.submit')}
            onCancel={onClose}
            loading={update.isPending || full.isPending}
            disabled={!assigneeId || assigneeId === (full.data?.assignee?.id ?? ticket.assignee?.id)}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The desk's own priority override dialog, once the ticket (and its version) is loaded. */
function PriorityModal({ ticket, onClose }: { ticket: BoardTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const full = useTicket(ticket.id);
  const update = useUpdateTicket(ticket.id);
  if (!full.data)
    return (
      <Modal opened onClose={onClose} title={t('priorityOverride.title')} centered>
        <QueryState query={full}>{() => null}</QueryState>
      </Modal>
    );
  const version = full.data.version;
  return (
    <PriorityOverrideModal
      ticket={full.data}
      opened
      loading={update.isPending}
      error={update.error}
      onSave={(priority, priorityReason) =>
        update.mutate({ version, priority, priorityReason }, { onSuccess: onClose })
      }
      onClose={onClose}
    />
  );
}

function NoteModal({ ticket, onClose }: { ticket: BoardTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddMessage(ticket.id);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const bodyHtml = textToHtml(text);
    setMissing(!bodyHtml);
    if (bodyHtml) add.mutate({ kind: 'note', bodyHtml }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t('supervision.note.title', { number: ticket.number })} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {ticket.subject}
          </Text>
          <ErrorAlert error={add.error} fields={['bodyHtml']} />
          <Textarea
            label={t('supervision.note.body')}
            description={t('supervision.note.hint')}
            autosize
            minRows={4}
            maxRows={12}
            required
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={missing ? t('errors.fields.required') : undefined}
            data-autofocus
          />
          <ModalFooter submitLabel={t('supervision.note.submit')} onCancel={onClose} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
