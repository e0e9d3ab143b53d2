import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useUpdateMe } from '../api/use-session.js';
import { RoleBadges } from '../components/badges.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { applyLanguage, browserLanguage, isLanguage } from '../i18n/i18n.js';

type LocaleChoice = '' | 'es' | 'en';

/** The name others see, and the language Mesa speaks to this person (or "as the browser prefers"). */
export function ProfileForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateMe();
  const [name, setName] = useState(me.name);
  const [locale, setLocale] = useState<LocaleChoice>(me.locale ?? '');
  const changed = name.trim() !== me.name || locale !== (me.locale ?? '');

  const form = useFormErrors({
    values: { name, locale },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: update.error,
  });

  const send = () => {
    if (!changed) return;
    update.mutate(
      { name: name.trim(), locale: locale || null },
      { onSuccess: () => applyLanguage(isLanguage(locale) ? locale : browserLanguage()) },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack maw={520}>
          <Title order={3} size="h4">
            {t('account.profile')}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {me.email}
            </Text>
            <RoleBadges roles={me.roles} />
          </Group>
          {me.organizationName ? (
            <Text size="sm">{t('account.organization', { organization: me.organizationName })}</Text>
          ) : null}
          <ErrorAlert error={update.error} fields={['name', 'locale']} />
          <TextInput
            label={t('fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errorOf('name')}
          />
          <Select
            label={t('fields.language')}
            description={t('account.languageHint')}
            data={[
              { value: '', label: t('account.languageAuto') },
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
            ]}
            value={locale}
            allowDeselect={false}
            onChange={(value) => setLocale((value ?? '') as LocaleChoice)}
            error={form.errorOf('locale')}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed}>
              {t('common.save')}
            </Button>
            {update.isSuccess && !changed ? (
              <Text size="sm" c="teal" role="status">
                {t('common.saved')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
