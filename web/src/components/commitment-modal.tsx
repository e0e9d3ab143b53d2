import { Checkbox, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommitmentCase, useCreateCommitment } from '../api/use-supervision.js';
import { useDateFormat, viewerTimeZone } from '../i18n/format.js';
import { ErrorAlert } from './error-alert.js';
import { ModalFooter } from './modal-footer.js';
import { useFormErrors } from './use-form-errors.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date-time input's value ("2025-03-04T15:30") for an instant, in the viewer's zone. */
const localInputValue = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/**
 * Records the date promised to the client for a late case (a ticket or a problem report), with a
 * note and, for a ticket, if chosen, a public reply telling the requester. The date is picked in
 * the viewer's zone and sent as an instant.
 */
export function CommitmentModal({
  caseId,
  kind = 'ticket',
  number,
  openPromisedAt,
  requesterTimeZone = null,
  opened,
  onClose,
}: {
  /** The ticket's id, or the problem's when `kind` is 'problem'. */
  caseId: string;
  kind?: CommitmentCase;
  number: string;
  /** The open commitment this one will supersede, if any. */
  openPromisedAt: string | null;
  /** The zone the requester reads dates in (their agreement's calendar), when known. */
  requesterTimeZone?: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const create = useCreateCommitment(caseId, kind);
  const [promisedAt, setPromisedAt] = useState('');
  const [note, setNote] = useState('');
  const [tellRequester, setTellRequester] = useState(false);

  const instant = promisedAt ? new Date(promisedAt) : null;
  const dateError = !instant
    ? t('errors.fields.required')
    : Number.isNaN(instant.getTime()) || instant.getTime() <= Date.now()
      ? t('supervision.commitments.modal.inPast')
      : null;
  const noteError = note.trim() ? null : t('errors.fields.required');
  // Where the requester's zone reads the date differently, say how they will read it.
  const theirs =
    instant && !dateError && requesterTimeZone ? format.dateTimeIn(instant.toISOString(), requesterTimeZone) : null;
  const theirsDiffer = theirs !== null && theirs !== format.dateTimeIn(instant?.toISOString() ?? '', viewerTimeZone());

  const form = useFormErrors({
    values: { promisedAt, note, tellRequester },
    validate: (): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (dateError) issues.promisedAt = dateError;
      if (noteError) issues.note = noteError;
      return issues;
    },
    serverError: create.error,
  });

  const send = () => {
    if (!instant) return;
    const tell = kind === 'ticket' ? { tellRequester } : {};
    create.mutate({ promisedAt: instant.toISOString(), note: note.trim(), ...tell }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('supervision.commitments.modal.title', { number })}
      centered
      size="lg"
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('supervision.commitments.modal.hint')}
          </Text>
          {openPromisedAt ? (
            <Text size="sm">
              {t('supervision.commitments.modal.replaces', { date: format.dateTime(openPromisedAt) })}
            </Text>
          ) : null}
          <ErrorAlert error={create.error} fields={['promisedAt', 'note']} />
          <TextInput
            type="datetime-local"
            label={t('supervision.commitments.modal.promisedAt')}
            description={
              theirsDiffer
                ? `${t('supervision.commitments.modal.promisedAtHint', { zone: viewerTimeZone() })} ${t('supervision.commitments.modal.requesterTime', { zone: requesterTimeZone, date: theirs })}`
                : t('supervision.commitments.modal.promisedAtHint', { zone: viewerTimeZone() })
            }
            required
            min={localInputValue(new Date())}
            value={promisedAt}
            onChange={(event) => setPromisedAt(event.currentTarget.value)}
            error={form.errorOf('promisedAt')}
            data-autofocus
          />
          <Textarea
            label={t('supervision.commitments.modal.note')}
            placeholder={t('supervision.commitments.modal.notePlaceholder')}
            required
            autosize
            minRows={3}
            maxRows={10}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={form.errorOf('note')}
          />
          {kind === 'ticket' ? (
            <Checkbox
              label={t('supervision.commitments.modal.tellRequester')}
              description={t('supervision.commitments.modal.tellRequesterHint')}
              checked={tellRequester}
              onChange={(event) => setTellRequester(event.currentTarget.checked)}
            />
          ) : null}
          <ModalFooter
            submitLabel={t('supervision.commitments.modal.submit')}
            onCancel={onClose}
            loading={create.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
