import { Button, Group, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { type FormEvent, type KeyboardEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachmentQueue } from '../api/use-attachment-queue.js';
import { type MessageKind, useAddMessage } from '../api/use-tickets.js';
import { AttachmentPicker } from './attachment-picker.js';
import { CannedResponsePicker } from './canned-response-picker.js';
import { ErrorAlert } from './error-alert.js';
import { LockIcon } from './icons.js';
import { textToHtml } from './text-to-html.js';

/**
 * Writes on a ticket: a public reply and, for staff, an internal note (on a yellow ground, like
 * notes in the timeline). Files go up when the message is sent; Ctrl+Enter sends.
 */
export function MessageComposer({
  ticketId,
  kinds,
  kind,
  onKindChange,
  textareaRef,
  onSent,
  cannedResponses = false,
}: {
  ticketId: string;
  /** `['reply']` in the portal; `['reply', 'note']` for staff. */
  kinds: readonly MessageKind[];
  kind: MessageKind;
  onKindChange?: (kind: MessageKind) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  onSent?: () => void;
  /** Staff: a picker that inserts a canned response where the text ends. */
  cannedResponses?: boolean;
}) {
  const { t } = useTranslation();
  const addMessage = useAddMessage(ticketId);
  const queue = useAttachmentQueue();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const note = kind === 'note';
  const busy = addMessage.isPending || queue.uploading;

  const send = async () => {
    if (busy) return;
    const bodyHtml = textToHtml(text);
    setEmpty(!bodyHtml);
    if (!bodyHtml) return;
    setUploadError(null);
    let attachmentIds: string[];
    try {
      attachmentIds = await queue.uploadAll(ticketId, note);
    } catch (error) {
      setUploadError(error);
      return;
    }
    addMessage.mutate(
      { kind, bodyHtml, ...(attachmentIds.length ? { attachmentIds } : {}) },
      {
        onSuccess: () => {
          setText('');
          queue.reset();
          onSent?.();
        },
      },
    );
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const label = note ? t('composer.noteLabel') : t('composer.replyLabel');

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg={note ? 'yellow.0' : undefined}
      style={note ? { borderColor: 'var(--mantine-color-yellow-4)' } : undefined}
      component="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={label}
    >
      <Stack gap="sm">
        {kinds.length > 1 || cannedResponses ? (
          <Group justify="space-between" gap="xs">
            {kinds.length > 1 ? (
              <Tabs
                value={kind}
                onChange={(value) => value && onKindChange?.(value as MessageKind)}
                variant="pills"
                color={note ? 'yellow' : 'blue'}
              >
                <Tabs.List>
                  <Tabs.Tab value="reply">{t('composer.replyTab')}</Tabs.Tab>
                  <Tabs.Tab value="note" leftSection={<LockIcon size={14} />}>
                    {t('composer.noteTab')}
                  </Tabs.Tab>
                </Tabs.List>
              </Tabs>
            ) : (
              <span />
            )}
            {cannedResponses ? (
              <CannedResponsePicker
                disabled={busy}
                onInsert={(inserted) => {
                  setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${inserted}` : inserted));
                  setEmpty(false);
                }}
              />
            ) : null}
          </Group>
        ) : null}
        {note ? (
          <Text size="xs" c="yellow" fw={600}>
            {t('composer.noteHint')}
          </Text>
        ) : null}
        <ErrorAlert error={addMessage.error ?? uploadError} title={t('composer.notSent')} fields={['bodyHtml']} />
        <Textarea
          ref={textareaRef}
          aria-label={label}
          placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={16}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (empty) setEmpty(false);
          }}
          onKeyDown={handleKeyDown}
          error={empty ? t('composer.empty') : undefined}
          styles={note ? { input: { backgroundColor: 'var(--mantine-color-yellow-0)' } } : undefined}
        />
        <Group justify="space-between" align="flex-start" gap="sm">
          <AttachmentPicker queue={queue} disabled={busy} />
          <Button type="submit" loading={busy} color={note ? 'yellow.8' : 'blue'}>
            {note ? t('composer.addNote') : t('composer.sendReply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
