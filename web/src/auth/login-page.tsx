import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useSignInProviders } from '../api/use-mfa.js';
import { useLogin } from '../api/use-session.js';
import { RouterAnchor } from '../components/router-link.js';
import { useErrorText } from '../i18n/error-messages.js';
import { AuthFrame, AuthHeading } from './auth-frame.js';
import { MfaStep, ProviderButtons } from './mfa-step.js';

/** Only paths inside this app are followed after signing in; anything else goes home. */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const providers = useSignInProviders();
  // A sign-in through an identity provider that still needs the second factor comes back with
  // its challenge in the fragment, which no server or log ever sees.
  const [challenge, setChallenge] = useState<string | null>(() => {
    const found = /^#mfa=(.+)$/.exec(window.location.hash);
    return found?.[1] ? decodeURIComponent(found[1]) : null;
  });
  const goOn = () => void navigate({ href: safeRedirect(search.redirect), replace: true });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (answer) => {
          if ('mfaRequired' in answer) setChallenge(answer.challenge);
          else goOn();
        },
      },
    );
  };

  const error = login.error;
  const locked = isApiError(error) && error.code === 'login_locked';

  return (
    <AuthFrame
      footer={
        <Text size="xs" c="dimmed" ta="center">
          {t('login.help')}
        </Text>
      }
    >
      {challenge ? (
        <MfaStep
          challenge={challenge}
          onDone={goOn}
          onBack={() => {
            setChallenge(null);
            setPassword('');
          }}
        />
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            <AuthHeading title={t('login.title')} intro={t('login.subtitle')} />
            {error ? (
              <Alert
                color={locked ? 'orange' : 'red'}
                variant="light"
                role="alert"
                title={locked ? t('login.lockedTitle') : undefined}
              >
                {message(error)}
              </Alert>
            ) : null}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              error={submitted && !email.trim() ? t('errors.fields.required') : undefined}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              required
              value={password}
              error={submitted && !password ? t('errors.fields.required') : undefined}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <RouterAnchor to="/forgot-password" size="sm" mt={-8} ta="right">
              {t('passwordReset.forgotLink')}
            </RouterAnchor>
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('login.submit')}
            </Button>
            <ProviderButtons providers={providers.data ?? []} />
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
