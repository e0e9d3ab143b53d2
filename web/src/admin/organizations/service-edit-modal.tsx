import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../domain/contracts/organizations.js';
import { isApiError } from '../../api/client.js';
import { useUpdateService } from '../../api/use-organizations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useErrorText } from '../../i18n/error-messages.js';

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
  const { field } = useErrorText();
  const update = useUpdateService();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [missingName, setMissingName] = useState(false);
  const { reset } = update;

  useEffect(() => {
    setName(service?.name ?? '');
    setDescription(service?.description ?? '');
    setMissingName(false);
    reset();
  }, [service, reset]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    setMissingName(!name.trim());
    if (!name.trim()) return;
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
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <ErrorAlert error={update.error} fields={['name', 'description']} />
          <TextInput
            label={t('fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={missingName ? t('errors.fields.required') : field(update.error, 'name')}
            data-autofocus
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={2000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={field(update.error, 'description')}
          />
          <ModalFooter submitLabel={t('common.save')} onCancel={onClose} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
