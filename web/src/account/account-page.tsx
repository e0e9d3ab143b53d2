import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../api/use-session.js';
import { PageHeader } from '../components/page-header.js';
import { MfaPanel } from './mfa-panel.js';
import { PasswordForm } from './password-form.js';
import { ProfileForm } from './profile-form.js';
import { TokensPanel } from './tokens-panel.js';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      {/* Changed elsewhere (the header's language switch): start the form again from the saved values. */}
      <ProfileForm key={`${me.name}|${me.locale ?? ''}`} />
      <MfaPanel />
      <PasswordForm />
      <TokensPanel />
    </Stack>
  );
}
