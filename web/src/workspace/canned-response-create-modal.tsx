import { Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCannedResponse } from '../api/use-procedures.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';
import { useErrorText } from '../i18n/error-messages.js';

/** Writes a canned response: plain text, turned into paragraphs the way the reply composer does. */
export function CannedResponseCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const create = useCreateCannedResponse();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const [issues, setIssues] = useState<{ title?: string; body?: string }>({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      title: title.trim() ? undefined : t('errors.fields.required'),
      body: body.trim() ? undefined : t('errors.fields.required'),
    };
    setIssues(next);
    if (next.title || next.body) return;
    create.mutate({ title: title.trim(), bodyHtml: textToHtml(body), shared }, { onSuccess: onClose });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('canned.createTitle')} size="lg" centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={['title', 'bodyHtml']} />
          <TextInput
            label={t('canned.fields.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={issues.title ?? field(create.error, 'title')}
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
            error={issues.body ?? field(create.error, 'bodyHtml')}
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
