import { Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCannedResponse } from '../api/use-procedures.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';
import { useFormErrors } from '../components/use-form-errors.js';

/** Writes a canned response: plain text, turned into paragraphs the way the reply composer does. */
export function CannedResponseCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCannedResponse();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);

  // The body is checked and refused as `bodyHtml`, the name the server gives it.
  const form = useFormErrors({
    values: { title, bodyHtml: body, shared },
    validate: (draft): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (!draft.title.trim()) issues.title = t('errors.fields.required');
      if (!draft.bodyHtml.trim()) issues.bodyHtml = t('errors.fields.required');
      return issues;
    },
    serverError: create.error,
  });

  const send = () => create.mutate({ title: title.trim(), bodyHtml: textToHtml(body), shared }, { onSuccess: onClose });

  return (
    <Modal opened={opened} onClose={onClose} title={t('canned.createTitle')} size="lg" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={['title', 'bodyHtml']} />
          <TextInput
            label={t('canned.fields.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={form.errorOf('title')}
            data-autofocus
          />
          <Textarea
            label={t('canned.fields.body')}
            description={t('canned.bodyHint')}
            required
            autosize
            minRows={5}
            maxLength={10_000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={form.errorOf('bodyHtml')}
          />
          <Switch
            label={t('canned.sharedSwitch')}
            description={t('canned.sharedHint')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          <ModalFooter submitLabel={t('canned.create')} onCancel={onClose} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
