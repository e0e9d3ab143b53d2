import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { PRIORITIES, PRIORITY_NAMES, type Priority } from '../../../domain/tickets/priority.js';
import { useErrorText } from '../i18n/error-messages.js';
import { ErrorAlert } from './error-alert.js';
import { ModalFooter } from './modal-footer.js';

/** Priority comes from impact × urgency; setting it by hand is allowed, with a reason that stays on record. */
export function PriorityOverrideModal({
  ticket,
  opened,
  loading,
  error,
  onSave,
  onClose,
}: {
  ticket: Ticket;
  opened: boolean;
  loading: boolean;
  error: unknown;
  onSave: (priority: Priority, reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    onSave(priority, reason.trim());
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('priorityOverride.title')} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('priorityOverride.hint')}
          </Text>
          <ErrorAlert error={error} fields={['priority', 'priorityReason']} />
          <SegmentedControl
            aria-label={t('tickets.fields.priority')}
            fullWidth
            value={String(priority)}
            onChange={(value) => setPriority(Number(value) as Priority)}
            data={PRIORITIES.map((p) => ({
              value: String(p),
              label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
            }))}
          />
          <TextInput
            label={t('tickets.fields.priorityReason')}
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={missing ? t('errors.fields.required') : field(error, 'priorityReason')}
            data-autofocus
          />
          <ModalFooter submitLabel={t('priorityOverride.apply')} onCancel={onClose} loading={loading} />
        </Stack>
      </form>
    </Modal>
  );
}
