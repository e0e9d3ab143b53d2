import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '../../../../domain/contracts/settings.js';
import { ROLES, type Role } from '../../../../domain/roles.js';
import { useSaveSecuritySettings, useSecuritySettings } from '../../api/use-security-settings.js';
import { useCurrentUser } from '../../api/use-session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { QueryState } from '../../components/query-states.js';
import { useErrorText } from '../../i18n/error-messages.js';

/** Which roles must sign in with a second factor: the desk setting, or what the server's environment fixes. */
export function MfaPolicyPanel() {
  const { t } = useTranslation();
  const settings = useSecuritySettings();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('mfaPolicy.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mfaPolicy.description')}
          </Text>
        </div>
        <QueryState query={settings}>{(current) => <MfaPolicyForm current={current} />}</QueryState>
      </Stack>
    </Paper>
  );
}

function MfaPolicyForm({ current }: { current: SecuritySettings }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const me = useCurrentUser();
  const save = useSaveSecuritySettings();
  const [roles, setRoles] = useState<Role[]>(current.mfaRequiredFor);
  const fixed = current.setByEnvironment;
  const includesMe = roles.some((role) => me.roles.includes(role));
  const names = (list: readonly Role[]) =>
    list.length > 0 ? list.map((role) => t(`roles.${role}`)).join(', ') : t('mfaPolicy.none');

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ mfaRequiredFor: roles });
      }}
    >
      <Stack gap="sm">
        {fixed ? (
          <Alert color="blue" variant="light">
            {t('mfaPolicy.fromEnvironment', { roles: names(current.mfaRequiredFor) })}
          </Alert>
        ) : null}
        <Checkbox.Group
          label={t('mfaPolicy.roles')}
          value={roles}
          onChange={(value) => setRoles(ROLES.filter((role) => value.includes(role)))}
          error={field(save.error, 'mfaRequiredFor')}
        >
          <Group gap="md" mt={6}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} disabled={fixed} />
            ))}
          </Group>
        </Checkbox.Group>
        {!fixed && includesMe ? (
          <Text size="sm" c="orange.9">
            {t('mfaPolicy.selfWarning')}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} fields={['mfaRequiredFor']} />
        {save.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('mfaPolicy.saved')}
          </Text>
        ) : null}
        {fixed ? null : (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('mfaPolicy.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
