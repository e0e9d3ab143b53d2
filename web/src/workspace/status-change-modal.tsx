import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, UpdateTicketBody } from '../../../domain/contracts/tickets.js';
import {
  checkTransition,
  PENDING_REASONS,
  type PendingReason,
  RESOLUTION_CODES,
  type ResolutionCode,
  type TicketStatus,
} from '../../../domain/tickets/ticket-lifecycle.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { UserSelect } from '../components/user-select.js';
import { useErrorText } from '../i18n/error-messages.js';

const ASSIGNEE_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** The statuses that need more than the status itself: what it waits for, how it was resolved, who has it. */
export const needsDetails = (ticket: Ticket, to: TicketStatus) =>
  checkTransition(ticket.status, to, 'staff', { assigneeId: ticket.assignee?.id ?? null }).some(
    (issue) => issue.field !== 'status',
  );

/** Asks for what a move needs (the lifecycle's own rules) before making it. */
export function StatusChangeModal({
  ticket,
  to,
  loading,
  error,
  onSave,
  onClose,
}: {
  ticket: Ticket;
  to: TicketStatus | null;
  loading: boolean;
  error: unknown;
  onSave: (patch: Omit<UpdateTicketBody, 'version'>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const [assigneeId, setAssigneeId] = useState<string | null>(ticket.assignee?.id ?? null);
  const [pendingReason, setPendingReason] = useState<PendingReason | null>(null);
  const [resolutionCode, setResolutionCode] = useState<ResolutionCode | null>(null);
  const [resolutionNotes, setResolutionNotes] = useState('');
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (to) {
      setAssigneeId(ticket.assignee?.id ?? null);
      setPendingReason(null);
      setResolutionCode(null);
      setResolutionNotes('');
      setChecked(false);
    }
  }, [to, ticket.assignee?.id]);

  if (!to) return null;
  const details = { assigneeId, pendingReason, resolutionCode, resolutionNotes };
  const issues = checkTransition(ticket.status, to, 'staff', details);
  const issueOf = (name: string) =>
    checked && issues.some((issue) => issue.field === name) ? t('errors.fields.required') : field(error, name);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (issues.length > 0) return;
    if (to === 'pending') onSave({ status: to, pendingReason });
    else if (to === 'resolved') onSave({ status: to, resolutionCode, resolutionNotes: resolutionNotes.trim() });
    else if (to === 'assigned') onSave({ status: to, assigneeId });
    else onSave({ status: to });
  };

  return (
    <Modal opened onClose={onClose} title={t('statusChange.title', { status: t(`tickets.statuses.${to}`) })} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} fields={['assigneeId', 'pendingReason', 'resolutionCode', 'resolutionNotes']} />
          {to === 'assigned' ? (
            <UserSelect
              label={t('tickets.fields.assignee')}
              required
              roles={ASSIGNEE_ROLES}
              value={assigneeId}
              selected={ticket.assignee}
              onChange={(id) => setAssigneeId(id)}
              error={issueOf('assigneeId')}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
          ) : null}
          {to === 'pending' ? (
            <Select
              label={t('tickets.fields.pendingReason')}
              required
              data={PENDING_REASONS.map((r) => ({ value: r, label: t(`tickets.pendingReasons.${r}`) }))}
              value={pendingReason}
              onChange={(value) => setPendingReason(value as PendingReason | null)}
              error={issueOf('pendingReason')}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
          ) : null}
          {to === 'resolved' ? (
            <>
              <Select
                label={t('tickets.fields.resolutionCode')}
                required
                data={RESOLUTION_CODES.map((code) => ({ value: code, label: t(`tickets.resolutionCodes.${code}`) }))}
                value={resolutionCode}
                onChange={(value) => setResolutionCode(value as ResolutionCode | null)}
                error={issueOf('resolutionCode')}
                comboboxProps={{ withinPortal: true }}
                data-autofocus
              />
              <Textarea
                label={t('tickets.fields.resolutionNotes')}
                description={t('statusChange.notesHint')}
                required
                autosize
                minRows={3}
                maxLength={10_000}
                value={resolutionNotes}
                onChange={(event) => setResolutionNotes(event.currentTarget.value)}
                error={issueOf('resolutionNotes')}
              />
            </>
          ) : null}
          <ModalFooter
            submitLabel={t('statusChange.apply', { status: t(`tickets.statuses.${to}`) })}
            onCancel={onClose}
            loading={loading}
          />
        </Stack>
      </form>
    </Modal>
  );
}
