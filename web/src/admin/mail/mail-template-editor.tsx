import { ActionIcon, Button, Group as Row, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../../../domain/contracts/mail.js';
import { isApiError } from '../../api/client.js';
import { useMailStatus, useResetMailTemplate, useSaveMailTemplate } from '../../api/use-mail.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PlusIcon } from '../../components/icons.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { PlaceholderBadges } from './mail-templates-placeholders.js';
import { MailTemplatePreview } from './mail-templates-preview.js';

const MAX_PARAGRAPHS = 10;
const NUMBER_TOKEN = '[{{number}}]';

interface Paragraph {
  id: number;
  text: string;
}
interface Draft {
  subject: string;
  paragraphs: Paragraph[];
}

let nextId = 1;
const paragraphsOf = (body: readonly string[]): Paragraph[] => body.map((text) => ({ id: nextId++, text }));
const draftOf = (template: MailTemplate): Draft => ({
  subject: template.subject,
  paragraphs: paragraphsOf(template.body),
});
const textOf = (subject: string, body: readonly string[]) => JSON.stringify([subject, body]);

/** The server's messages for this form are English sentences; these are the ones we can say in every language. */
function useTemplateErrorText() {
  const { t } = useTranslation();
  const { fieldMessage } = useErrorText();
  return (message: string): string => {
    const unknown = /^(\{\{\w+\}\}) is not known here; use (.*)$/.exec(message);
    if (unknown) return t('mailAdmin.templates.errors.unknownPlaceholder', { name: unknown[1], allowed: unknown[2] });
    if (/^must keep \[\{\{number\}\}\]/.test(message))
      return t('mailAdmin.templates.errors.subjectNeedsNumber', { token: NUMBER_TOKEN });
    return fieldMessage(message);
  };
}

/**
 * Edits one mail template: its subject and paragraphs, with the placeholders it may use one click
 * away and a live preview beside it. The server checks the placeholders and the ticket number in
 * the subject; its objections appear next to the field they are about.
 */
export function MailTemplateEditor({
  template,
  eventName,
  languageName,
  onDirtyChange,
}: {
  template: MailTemplate;
  eventName: string;
  languageName: string;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useTemplateErrorText();
  const save = useSaveMailTemplate();
  const reset = useResetMailTemplate();
  const from = useMailStatus().data?.from ?? null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  // The text the draft started from: a change on the server replaces an untouched draft.
  const [base, setBase] = useState(() => textOf(template.subject, template.body));
  const [checked, setChecked] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  // Server errors stay next to their field until that field is edited again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [confirmReset, setConfirmReset] = useState(false);
  const fields = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement>());
  const lastFocused = useRef<string | null>(null);

  const body = draft.paragraphs.map((p) => p.text);
  const dirty = textOf(draft.subject, body) !== base;
  const serverText = textOf(template.subject, template.body);
  if (serverText !== base && !dirty) {
    setBase(serverText);
    setDraft(draftOf(template));
  }
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const touch = (field: string) => {
    setJustSaved(false);
    if (!edited.has(field)) setEdited(new Set([...edited, field]));
  };
  const setSubject = (subject: string) => {
    touch('subject');
    setDraft((d) => ({ ...d, subject }));
  };
  const setParagraph = (id: number, text: string) => {
    touch(`p${id}`);
    setDraft((d) => ({ ...d, paragraphs: d.paragraphs.map((p) => (p.id === id ? { ...p, text } : p)) }));
  };
  const addParagraph = () => {
    const id = nextId++;
    setJustSaved(false);
    setDraft((d) => ({ ...d, paragraphs: [...d.paragraphs, { id, text: '' }] }));
    requestAnimationFrame(() => fields.current.get(`p${id}`)?.focus());
  };
  const removeParagraph = (id: number) => {
    setJustSaved(false);
    // Errors are reported by position; once the positions move they would point at the wrong paragraph.
    save.reset();
    setDraft((d) => ({ ...d, paragraphs: d.paragraphs.filter((p) => p.id !== id) }));
  };

  /** Puts `{{name}}` where the cursor was in the field last used (the last paragraph if none was). */
  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const last = draft.paragraphs.at(-1);
    const key = lastFocused.current ?? (last ? `p${last.id}` : 'subject');
    const element = fields.current.get(key);
    const current = key === 'subject' ? draft.subject : (draft.paragraphs.find((p) => `p${p.id}` === key)?.text ?? '');
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? start;
    const next = current.slice(0, start) + token + current.slice(end);
    if (key === 'subject') setSubject(next);
    else setParagraph(Number(key.slice(1)), next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const serverErrors = isApiError(save.error) ? save.error.errors : [];
  const errorAt = (apiField: string, formField: string): string | undefined => {
    if (edited.has(formField)) return undefined;
    const messages = serverErrors.filter((e) => e.field === apiField).map((e) => errorText(e.message));
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const shownFields = ['subject', 'body', ...draft.paragraphs.map((_, i) => `body.${i}`)];
  const explainedByFields = serverErrors.length > 0 && serverErrors.every((e) => shownFields.includes(e.field));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!draft.subject.trim() || body.some((p) => !p.trim())) return;
    setEdited(new Set());
    save.mutate(
      { locale: template.locale, event: template.event, subject: draft.subject, body },
      {
        onSuccess: (saved) => {
          setBase(textOf(saved.subject, saved.body));
          setDraft(draftOf(saved));
          setChecked(false);
          setJustSaved(true);
        },
      },
    );
  };
  const handleReset = () =>
    reset.mutate(
      { locale: template.locale, event: template.event },
      {
        onSuccess: (restored) => {
          setBase(textOf(restored.subject, restored.body));
          setDraft(draftOf(restored));
          setConfirmReset(false);
          setChecked(false);
          setJustSaved(false);
          save.reset();
        },
      },
    );
  const discard = () => {
    setBase(serverText);
    setDraft(draftOf(template));
    setChecked(false);
    save.reset();
  };
  const remember = (key: string) => (element: HTMLInputElement | HTMLTextAreaElement | null) => {
    if (element) fields.current.set(key, element);
    else fields.current.delete(key);
  };

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
        <form onSubmit={handleSubmit} noValidate aria-label={eventName}>
          <Stack gap="sm">
            {explainedByFields ? null : <ErrorAlert error={save.error} fields={shownFields} />}
            <TextInput
              ref={remember('subject')}
              label={t('mailAdmin.templates.subject')}
              description={t('mailAdmin.templates.subjectHint', { token: NUMBER_TOKEN })}
              required
              maxLength={300}
              value={draft.subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              onFocus={() => {
                lastFocused.current = 'subject';
              }}
              error={
                (checked && !draft.subject.trim() ? t('errors.fields.required') : undefined) ??
                errorAt('subject', 'subject')
              }
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            />
            <PlaceholderBadges names={template.placeholders} onInsert={insert} />
            <Stack gap={6}>
              <Row justify="space-between" gap="xs">
                <Text size="sm" fw={500}>
                  {t('mailAdmin.templates.paragraphs')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('mailAdmin.templates.paragraphsLimit', { max: MAX_PARAGRAPHS })}
                </Text>
              </Row>
              {errorAt('body', 'body') ? (
                <Text size="xs" c="red" role="alert">
                  {errorAt('body', 'body')}
                </Text>
              ) : null}
              {draft.paragraphs.map((paragraph, index) => {
                const label = t('mailAdmin.templates.paragraph', { n: index + 1 });
                const key = `p${paragraph.id}`;
                return (
                  <Row key={paragraph.id} gap={6} align="flex-start" wrap="nowrap">
                    <Textarea
                      ref={remember(key)}
                      aria-label={label}
                      placeholder={label}
                      autosize
                      minRows={2}
                      maxRows={8}
                      maxLength={2000}
                      value={paragraph.text}
                      onChange={(e) => setParagraph(paragraph.id, e.currentTarget.value)}
                      onFocus={() => {
                        lastFocused.current = key;
                      }}
                      error={
                        (checked && !paragraph.text.trim()
                          ? t('mailAdmin.templates.errors.emptyParagraph')
                          : undefined) ?? errorAt(`body.${index}`, key)
                      }
                      style={{ flex: 1, minWidth: 0 }}
                    />
                    <Tooltip label={t('mailAdmin.templates.removeParagraph', { n: index + 1 })} openDelay={300}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={6}
                        disabled={draft.paragraphs.length <= 1}
                        onClick={() => removeParagraph(paragraph.id)}
                        aria-label={t('mailAdmin.templates.removeParagraph', { n: index + 1 })}
                      >
                        <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
                          ×
                        </span>
                      </ActionIcon>
                    </Tooltip>
                  </Row>
                );
              })}
              <div>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<PlusIcon size={14} />}
                  onClick={addParagraph}
                  disabled={draft.paragraphs.length >= MAX_PARAGRAPHS}
                >
                  {t('mailAdmin.templates.addParagraph')}
                </Button>
              </div>
            </Stack>
            <Row justify="space-between" gap="sm" mt="xs">
              <Row gap="xs">
                {template.customized ? (
                  <Button variant="subtle" color="red" onClick={() => setConfirmReset(true)}>
                    {t('mailAdmin.templates.reset')}
                  </Button>
                ) : null}
              </Row>
              <Row gap="xs" justify="flex-end">
                {dirty ? (
                  <Button variant="default" onClick={discard}>
                    {t('mailAdmin.templates.discard')}
                  </Button>
                ) : justSaved ? (
                  <Text size="sm" c="teal" role="status">
                    {t('mailAdmin.templates.saved')}
                  </Text>
                ) : null}
                <Button type="submit" loading={save.isPending} disabled={!dirty}>
                  {t('mailAdmin.templates.save')}
                </Button>
              </Row>
            </Row>
          </Stack>
        </form>
        <MailTemplatePreview
          locale={template.locale}
          event={template.event}
          subject={draft.subject}
          paragraphs={body}
          placeholders={template.placeholders}
          from={from}
        />
      </SimpleGrid>
      <ConfirmModal
        opened={confirmReset}
        title={t('mailAdmin.templates.resetTitle')}
        message={t('mailAdmin.templates.resetMessage', { event: eventName, language: languageName })}
        confirmLabel={t('mailAdmin.templates.resetConfirm')}
        loading={reset.isPending}
        error={reset.error}
        onConfirm={handleReset}
        onClose={() => {
          setConfirmReset(false);
          reset.reset();
        }}
      />
    </>
  );
}
