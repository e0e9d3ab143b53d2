import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords.js';
import { useChangePassword } from '../api/use-session.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useErrorText } from '../i18n/error-messages.js';

type Issues = Partial<Record<'currentPassword' | 'newPassword' | 'repeat', string>>;

export function PasswordForm() {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [issues, setIssues] = useState<Issues>({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Issues = {};
    if (!current) found.currentPassword = t('errors.fields.required');
    if (next.length < PASSWORD_MIN_LENGTH)
      found.newPassword = t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH });
    if (repeat !== next) found.repeat = t('account.passwordsDiffer');
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next, ...(revokeTokens ? { revokeTokens: true } : {}) },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={handleSubmit} noValidate>
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
            error={issues.currentPassword ?? field(change.error, 'currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={issues.newPassword ?? field(change.error, 'newPassword')}
          />
          <PasswordInput
            label={t('fields.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={issues.repeat}
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
