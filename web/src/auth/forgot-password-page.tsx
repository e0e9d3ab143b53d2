import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useForgotPassword } from '../api/use-password-reset.js';
import { ErrorAlert } from '../components/error-alert.js';
import { RouterAnchor } from '../components/router-link.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { AuthFrame, AuthHeading } from './auth-frame.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** "I forgot my password": an email in, a link by mail out; the page says the same for any address. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const form = useFormErrors({
    values: { email },
    validate: ({ email: typed }): Record<string, string> => {
      const value = typed.trim();
      if (!value) return { email: t('errors.fields.required') };
      return EMAIL.test(value) ? {} : { email: t('errors.fields.email') };
    },
    serverError: forgot.error,
  });
  const tooMany = isApiError(forgot.error) && forgot.error.code === 'too_many_requests';

  const send = () => forgot.mutate({ email: email.trim(), locale: i18n.language.startsWith('en') ? 'en' : 'es' });

  return (
    <AuthFrame>
      {forgot.isSuccess ? (
        <Stack>
          <AuthHeading title={t('passwordReset.sentTitle')} />
          <Alert color="teal" variant="light" role="status">
            {t('passwordReset.sent', { email: forgot.variables.email })}
          </Alert>
          <RouterAnchor to="/login" size="sm">
            {t('passwordReset.backToSignIn')}
          </RouterAnchor>
        </Stack>
      ) : (
        <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
          <Stack>
            <AuthHeading title={t('passwordReset.forgotTitle')} intro={t('passwordReset.forgotIntro')} />
            {tooMany ? (
              <Alert color="orange" variant="light" role="alert">
                {t('passwordReset.tooMany')}
              </Alert>
            ) : (
              <ErrorAlert error={forgot.error} fields={['email']} />
            )}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              error={form.errorOf('email')}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Button type="submit" loading={forgot.isPending} fullWidth>
              {t('passwordReset.send')}
            </Button>
            <RouterAnchor to="/login" size="sm">
              {t('passwordReset.backToSignIn')}
            </RouterAnchor>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
