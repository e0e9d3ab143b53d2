import { Alert, Badge, Button, Code, Group, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../../domain/contracts/mfa.js';
import { isApiError } from '../api/client.js';
import { useConfirmTotp, useDisableTotp, useMfaStatus, useStartTotp } from '../api/use-mfa.js';
import { ErrorAlert } from '../components/error-alert.js';

/** Two-step verification on one's account: enrol (QR, first code, recovery codes shown once) or turn off. */
export function MfaPanel() {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');

  const wrong = (error: unknown) => isApiError(error) && error.code === 'validation_failed';

  const handleConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), {
      onSuccess: (answer) => {
        setRecoveryCodes(answer.recoveryCodes);
        setEnrolment(null);
        setCode('');
      },
    });
  };

  const handleDisable = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(code.trim(), { onSuccess: () => setCode('') });
  };

  const enabled = status.data?.enabled ?? false;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('mfa.title')}
          </Title>
          <Badge color={enabled ? 'green' : 'gray'}>{enabled ? t('mfa.on') : t('mfa.off')}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('mfa.description')}
        </Text>
        {status.data?.required ? (
          <Alert color="orange" variant="light" role="alert">
            {t('mfa.required')}
          </Alert>
        ) : null}
        {recoveryCodes ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('mfa.recoveryTitle')}
            </Title>
            <Text size="sm">{t('mfa.recoveryHint')}</Text>
            <List spacing={2} listStyleType="none">
              {recoveryCodes.map((recovery) => (
                <List.Item key={recovery}>
                  <Code>{recovery}</Code>
                </List.Item>
              ))}
            </List>
            <Group>
              <Button onClick={() => setRecoveryCodes(null)}>{t('mfa.done')}</Button>
            </Group>
          </Stack>
        ) : enabled ? (
          <Stack component="form" onSubmit={handleDisable} gap="xs">
            <Text size="sm">{t('mfa.recoveryLeft', { count: status.data?.recoveryCodesLeft ?? 0 })}</Text>
            <Text size="sm">{t('mfa.disableHint')}</Text>
            {disable.error ? (
              wrong(disable.error) ? (
                <Alert color="red" variant="light" role="alert">
                  {t('mfa.wrongCode')}
                </Alert>
              ) : (
                <ErrorAlert error={disable.error} />
              )
            ) : null}
            <Group align="end">
              <TextInput
                label={t('mfa.code')}
                autoComplete="one-time-code"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
              />
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                {t('mfa.disable')}
              </Button>
            </Group>
          </Stack>
        ) : enrolment ? (
          <Stack component="form" onSubmit={handleConfirm} gap="xs">
            <Text size="sm">{t('mfa.scan')}</Text>
            <Image src={enrolment.qrCode} alt={t('mfa.qrAlt')} w={200} h={200} />
            <Text size="sm">
              {t('mfa.secretLabel')}: <Code>{enrolment.secret}</Code>
            </Text>
            {confirm.error ? (
              wrong(confirm.error) ? (
                <Alert color="red" variant="light" role="alert">
                  {t('mfa.wrongCode')}
                </Alert>
              ) : (
                <ErrorAlert error={confirm.error} />
              )
            ) : null}
            <Group align="end">
              <TextInput
                label={t('mfa.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
              />
              <Button type="submit" loading={confirm.isPending}>
                {t('mfa.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            {start.error ? <ErrorAlert error={start.error} /> : null}
            <Button loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
              {t('mfa.start')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
