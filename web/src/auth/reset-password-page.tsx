import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords.js';
import { isApiError } from '../api/client.js';
import { useResetPassword } from '../api/use-password-reset.js';
import { ErrorAlert } from '../components/error-alert.js';
import { RouterAnchor } from '../components/router-link.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { AuthFrame, AuthHeading } from './auth-frame.js';
import { linkProblem, tokenFromFragment } from './reset-link.js';

/** The page a reset link opens: a new password twice; the link's secret stays in the fragment. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const reset = useResetPassword();
  // Read once, then taken out of the address bar so it is not left in history or a screenshot.
  const [token] = useState(() => {
    const found = tokenFromFragment(window.location.hash);
    if (found) window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useFormErrors({
    values: { password, repeat },
    validate: (v) => ({
      ...(v.password.length < PASSWORD_MIN_LENGTH
        ? { password: t('errors.fields.tooShort', { min: PASSWORD_MIN_LENGTH }) }
        : {}),
      ...(v.repeat !== v.password ? { repeat: t('passwordReset.mismatch') } : {}),
    }),
    serverError: reset.error,
  });
  const problem = token
    ? linkProblem(isApiError(reset.error) ? reset.error.fieldError('token') : undefined)
    : 'noToken';

  if (reset.isSuccess) {
    return (
      <AuthFrame>
        <Stack>
          <AuthHeading title={t('passwordReset.doneTitle')} />
          <Alert color="teal" variant="light" role="status">
            {t('passwordReset.done')}
          </Alert>
          <RouterAnchor to="/login">{t('passwordReset.backToSignIn')}</RouterAnchor>
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame>
      <form
        ref={form.formRef}
        onSubmit={form.handleSubmit(() => token && reset.mutate({ token, password }))}
        noValidate
      >
        <Stack>
          <AuthHeading title={t('passwordReset.resetTitle')} intro={t('passwordReset.resetIntro')} />
          {problem ? (
            <Alert color="orange" variant="light" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t(`passwordReset.${problem}`)}</Text>
                <RouterAnchor to="/forgot-password" size="sm">
                  {t('passwordReset.askAgain')}
                </RouterAnchor>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={reset.error} fields={['password', 'token']} />
          )}
          <PasswordInput
            label={t('passwordReset.newPassword')}
            description={t('passwordReset.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            autoFocus
            disabled={!token}
            value={password}
            error={form.errorOf('password')}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('passwordReset.confirmPassword')}
            autoComplete="new-password"
            required
            disabled={!token}
            value={repeat}
            error={form.errorOf('repeat')}
            onChange={(event) => setRepeat(event.currentTarget.value)}
          />
          <Button type="submit" loading={reset.isPending} disabled={!token} fullWidth>
            {t('passwordReset.save')}
          </Button>
          <RouterAnchor to="/login" size="sm">
            {t('passwordReset.backToSignIn')}
          </RouterAnchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
