import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords.js';
import { useChangePassword } from '../api/use-session.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormErrors } from '../components/use-form-errors.js';

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const form = useFormErrors({
    values: { currentPassword: current, newPassword: next, repeat },
    validate: (v) => {
      const found: Record<string, string> = {};
      if (!v.currentPassword) found.currentPassword = t('errors.fields.required');
      if (v.newPassword.length < PASSWORD_MIN_LENGTH)
        found.newPassword = t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH });
      if (v.repeat !== v.newPassword) found.repeat = t('account.passwordsDiffer');
      return found;
    },
    serverError: change.error,
  });

  const send = () =>
    change.mutate(
      { currentPassword: current, newPassword: next, ...(revokeTokens ? { revokeTokens: true } : {}) },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          form.reset();
        },
      },
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack maw={520}>
          <div>
            <Title order={3} size="h4">
              {t('account.passwordTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            </Text>
          </div>
          <ErrorAlert error={change.error} fields={['currentPassword', 'newPassword']} />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={form.errorOf('currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={form.errorOf('newPassword')}
          />
          <PasswordInput
            label={t('fields.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={form.errorOf('repeat')}
          />
          <Checkbox
            label={t('account.revokeTokens')}
            checked={revokeTokens}
            onChange={(event) => setRevokeTokens(event.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
            {change.isSuccess ? (
              <Text size="sm" c="teal" role="status">
                {t('account.passwordChanged')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
