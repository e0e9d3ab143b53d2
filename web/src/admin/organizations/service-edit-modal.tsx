import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../domain/contracts/organizations.js';
import { isApiError } from '../../api/client.js';
import { useUpdateService } from '../../api/use-organizations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useFormErrors } from '../../components/use-form-errors.js';

/** Rename a service or reword its description. */
export function ServiceEditModal({
  service,
  onClose,
  onConflict,
}: {
  service: Service | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateService();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useFormErrors({
    values: { name, description },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: update.error,
  });
  const { reset } = update;
  const { reset: resetChecks } = form;

  useEffect(() => {
    setName(service?.name ?? '');
    setDescription(service?.description ?? '');
    resetChecks();
    reset();
  }, [service, reset, resetChecks]);

  const send = () => {
    if (!service) return;
    update.mutate(
      { id: service.id, version: service.version, name: name.trim(), description: description.trim() },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') {
            onClose();
            onConflict();
          }
        },
      },
    );
  };

  return (
    <Modal opened={service !== null} onClose={onClose} title={t('services.editTitle')} centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={update.error} fields={['name', 'description']} />
          <TextInput
            label={t('fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={2000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={form.errorOf('description')}
          />
          <ModalFooter submitLabel={t('common.save')} onCancel={onClose} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
