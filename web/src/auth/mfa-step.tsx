import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useCompleteMfa } from '../api/use-mfa.js';
import { useErrorText } from '../i18n/error-messages.js';
import { AuthHeading } from './auth-frame.js';

/** The sign-in's second step: a code from the authenticator app, or a recovery code. */
export function MfaStep({ challenge, onDone, onBack }: { challenge: string; onDone: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const complete = useCompleteMfa();
  const [code, setCode] = useState('');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    complete.mutate({ challenge, code: code.trim() }, { onSuccess: onDone });
  };

  const error = complete.error;
  const wrong = isApiError(error) && error.code === 'validation_failed';
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <AuthHeading title={t('mfa.stepTitle')} intro={t('mfa.stepHint')} />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {wrong ? t('mfa.wrongCode') : message(error)}
          </Alert>
        ) : null}
        <TextInput
          label={t('mfa.stepCode')}
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {t('mfa.stepBack')}
          </Button>
          <Button type="submit" loading={complete.isPending}>
            {t('mfa.stepSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Sign in with <provider>" for each identity provider the desk set up; plain links, the server redirects. */
export function ProviderButtons({ providers }: { providers: { id: string; name: string; startUrl: string }[] }) {
  const { t } = useTranslation();
  if (providers.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" ta="center">
        {t('mfa.orWith')}
      </Text>
      {providers.map((provider) => (
        <Button key={provider.id} component="a" href={provider.startUrl} variant="default" fullWidth>
          {t('mfa.signInWith', { provider: provider.name })}
        </Button>
      ))}
    </Stack>
  );
}
