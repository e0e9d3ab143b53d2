import { Badge, Paper, Group as Row, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_TEMPLATE_EVENTS, type MailTemplate } from '../../../../domain/contracts/mail.js';
import { type MailLocale, type MailTemplateEvent, useMailTemplates } from '../../api/use-mail.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { MailTemplateEditor } from './mail-template-editor.js';

const LOCALES: readonly MailLocale[] = ['es', 'en'];
const isEvent = (value: unknown): value is MailTemplateEvent =>
  (MAIL_TEMPLATE_EVENTS as readonly unknown[]).includes(value);

interface Choice {
  locale: MailLocale;
  event: MailTemplateEvent;
}

/** Whether the text is an admin's edit or the one Mesa ships with. */
function CustomizedBadge({ customized }: { customized: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant={customized ? 'light' : 'outline'} color={customized ? 'blue' : 'gray'}>
      {customized ? t('mailAdmin.templates.customized') : t('mailAdmin.templates.default')}
    </Badge>
  );
}

/** The texts of the mail Mesa writes: pick a language and a notice, edit it, see it as it will be read. */
export function MailTemplatesTab() {
  const { t, i18n } = useTranslation();
  const templates = useMailTemplates();
  const [choice, setChoice] = useState<Choice>({
    locale: i18n.language === 'en' ? 'en' : 'es',
    event: 'ticket_received',
  });
  const [dirty, setDirty] = useState(false);
  // Another notice picked while this one has unsaved changes: asked before it is opened.
  const [pending, setPending] = useState<Choice | null>(null);

  const choose = (next: Choice) => {
    if (next.locale === choice.locale && next.event === choice.event) return;
    if (dirty) setPending(next);
    else setChoice(next);
  };
  const find = (items: MailTemplate[], { locale, event }: Choice) =>
    items.find((item) => item.locale === locale && item.event === event);
  const eventName = (event: MailTemplateEvent) => t(`mailAdmin.templates.events.${event}`);
  const languageName = (locale: MailLocale) => t(`mailAdmin.templates.languages.${locale}`);
  // "en español" mid-sentence, "in Spanish" in English.
  const languageInText = (locale: MailLocale) => t(`mailAdmin.templates.languagesInText.${locale}`);

  return (
    <QueryState query={templates}>
      {(list) => {
        const template = find(list, choice);

        const eventOptions = MAIL_TEMPLATE_EVENTS.map((event) => ({ value: event, label: eventName(event) }));
        const customizedIn = (event: string) =>
          isEvent(event) && find(list, { locale: choice.locale, event })?.customized === true;

        return (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('mailAdmin.templates.intro', { example: '{{requester}}' })}
            </Text>
            <Row gap="sm" align="flex-end" wrap="wrap">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="mail-template-language">
                  {t('mailAdmin.templates.language')}
                </Text>
                <SegmentedControl
                  aria-labelledby="mail-template-language"
                  value={choice.locale}
                  onChange={(value) => choose({ ...choice, locale: value === 'en' ? 'en' : 'es' })}
                  data={LOCALES.map((locale) => ({ value: locale, label: languageName(locale) }))}
                />
              </Stack>
              <Select
                label={t('mailAdmin.templates.event')}
                data={eventOptions}
                value={choice.event}
                onChange={(value) => isEvent(value) && choose({ ...choice, event: value })}
                allowDeselect={false}
                checkIconPosition="right"
                renderOption={({ option }) => (
                  <Row gap="xs" justify="space-between" wrap="nowrap" style={{ flex: 1 }}>
                    <span>{option.label}</span>
                    {customizedIn(option.value) ? <CustomizedBadge customized /> : null}
                  </Row>
                )}
                style={{ flex: '1 1 16rem', maxWidth: '24rem' }}
              />
            </Row>
            {template ? (
              <Stack gap="sm">
                <div>
                  <Row gap="xs" align="center">
                    <Title order={3} fz="h4">
                      {eventName(template.event)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      · {languageName(template.locale)}
                    </Text>
                    <CustomizedBadge customized={template.customized} />
                  </Row>
                  <Text size="sm" c="dimmed">
                    {t(`mailAdmin.templates.whenSent.${template.event}`)}
                  </Text>
                </div>
                <MailTemplateEditor
                  key={`${template.locale}/${template.event}`}
                  template={template}
                  eventName={eventName(template.event)}
                  languageName={languageInText(template.locale)}
                  onDirtyChange={setDirty}
                />
              </Stack>
            ) : (
              <Paper withBorder radius="md">
                <EmptyMessage title={t('mailAdmin.templates.empty')} />
              </Paper>
            )}
            <ConfirmModal
              opened={pending !== null}
              title={t('mailAdmin.templates.discardTitle')}
              message={t('mailAdmin.templates.discardMessage', {
                event: eventName(choice.event),
                language: languageInText(choice.locale),
              })}
              confirmLabel={t('mailAdmin.templates.discardConfirm')}
              loading={false}
              onConfirm={() => {
                if (pending) setChoice(pending);
                setDirty(false);
                setPending(null);
              }}
              onClose={() => setPending(null)}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}
