import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../../domain/contracts/auth.js';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/use-tokens.js';
import { ConfirmModal } from '../components/confirm-modal.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { TokenCreatedModal } from './token-created-modal.js';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATE_COLORS: Record<TokenState, string> = { active: 'teal', revoked: 'gray', expired: 'orange' };

/** Personal API tokens: for scripts and integrations that act as this person. */
export function TokensPanel() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const now = Date.now();

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tokens.description')}
          </Text>
        </div>
        <QueryState
          query={tokens}
          empty={<EmptyMessage title={t('tokens.empty')} description={t('tokens.emptyHint')} />}
        >
          {(list) => (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('tokens.prefix')}</Table.Th>
                    <Table.Th>{t('tokens.created')}</Table.Th>
                    <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                    <Table.Th>{t('tokens.expires')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((token) => {
                    const state = stateOf(token, now);
                    return (
                      <Table.Tr key={token.id}>
                        <Table.Td fw={500}>{token.name}</Table.Td>
                        <Table.Td ff="monospace" fz="sm">{`${token.prefix}…`}</Table.Td>
                        <Table.Td fz="sm">
                          <DateTime value={token.createdAt} dateOnly />
                        </Table.Td>
                        <Table.Td fz="sm">
                          {token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t('tokens.never')}
                          {token.lastUsedIp ? (
                            <Text span size="xs" c="dimmed" ff="monospace">
                              {` · ${token.lastUsedIp}`}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td fz="sm">
                          {token.expiresAt ? <DateTime value={token.expiresAt} dateOnly /> : t('tokens.noExpiry')}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATE_COLORS[state]}>
                            {t(`tokens.states.${state}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">
                          {state === 'active' ? (
                            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(token)}>
                              {t('tokens.revoke')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <CreateTokenForm onCreated={setCreated} />
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        message={t('tokens.revokeBody')}
        confirmLabel={t('tokens.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
      <TokenCreatedModal created={created} onClose={() => setCreated(null)} />
    </Paper>
  );
}

const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');

  const form = useFormErrors({
    values: { name, expiresInDays: expiry },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: create.error,
  });

  const send = () =>
    create.mutate(
      { name: name.trim(), ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) },
      {
        onSuccess: (created) => {
          setName('');
          form.reset();
          onCreated(created);
        },
      },
    );

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('tokens.create')}
        </Text>
        <ErrorAlert error={create.error} fields={['name', 'expiresInDays']} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errorOf('name')}
            style={{ flex: '2 1 14rem' }}
          />
          <Select
            aria-label={t('tokens.expires')}
            data={EXPIRY_CHOICES.map((choice) => ({
              value: choice,
              label: choice === 'never' ? t('tokens.noExpiry') : t('tokens.expiresIn', { count: Number(choice) }),
            }))}
            value={expiry}
            allowDeselect={false}
            onChange={(value) => setExpiry(value ?? '90')}
            style={{ flex: '1 1 10rem' }}
          />
          <Button type="submit" variant="light" loading={create.isPending}>
            {t('tokens.createButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
