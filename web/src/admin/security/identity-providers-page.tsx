import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../../domain/contracts/mfa.js';
import {
  useDeleteIdentityProvider,
  useIdentityProviders,
  useUpdateIdentityProvider,
} from '../../api/use-identity-providers.js';
import { ConfirmModal, useConfirmedDelete } from '../../components/confirm-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { OrganizationName } from '../../components/organization-select.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage } from '../../components/query-states.js';
import { QueryTable } from '../../components/query-table.js';
import { IdentityProviderModal } from './identity-provider-modal.js';
import { MfaPolicyPanel } from './mfa-policy-panel.js';

/**
 * Administración → Proveedores de identidad: the OpenID Connect providers people sign in with
 * (one for staff or one per client organization), and which roles must use a second factor.
 */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const update = useUpdateIdentityProvider();
  const deletion = useConfirmedDelete<IdentityProvider>(useDeleteIdentityProvider());
  // null: closed; 'new': creating; a provider: editing it.
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);

  return (
    <Stack>
      <PageHeader
        title={t('identityProviders.title')}
        description={t('identityProviders.description')}
        actions={<Button onClick={() => setEditing('new')}>{t('identityProviders.create')}</Button>}
      />
      <ErrorAlert error={update.error} />
      <QueryTable
        query={providers}
        label={t('identityProviders.tableLabel')}
        minWidth={860}
        alignTop
        empty={<EmptyMessage title={t('identityProviders.empty')} description={t('identityProviders.emptyHint')} />}
        head={
          <>
            <Table.Th>{t('identityProviders.columns.name')}</Table.Th>
            <Table.Th>{t('identityProviders.columns.issuer')}</Table.Th>
            <Table.Th>{t('identityProviders.columns.scope')}</Table.Th>
            <Table.Th>{t('identityProviders.columns.roles')}</Table.Th>
            <Table.Th>{t('identityProviders.columns.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {(provider) => (
          <Table.Tr key={provider.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {provider.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('identityProviders.clientId')}: {provider.clientId}
              </Text>
            </Table.Td>
            <Table.Td ff="monospace" fz="xs" miw={200} style={{ overflowWrap: 'anywhere' }}>
              {provider.issuer}
            </Table.Td>
            <Table.Td>
              {provider.organizationId ? (
                <OrganizationName id={provider.organizationId} />
              ) : (
                t('identityProviders.staff')
              )}
            </Table.Td>
            <Table.Td>
              <ProviderRoles provider={provider} />
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={provider.enabled ? 'teal' : 'gray'}>
                {provider.enabled ? t('identityProviders.active') : t('identityProviders.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={t('identityProviders.editLabel', { name: provider.name })}
                  onClick={() => setEditing(provider)}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  loading={update.isPending && update.variables?.id === provider.id}
                  onClick={() =>
                    update.mutate({ id: provider.id, body: { version: provider.version, enabled: !provider.enabled } })
                  }
                >
                  {provider.enabled ? t('identityProviders.disable') : t('identityProviders.enable')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('identityProviders.deleteLabel', { name: provider.name })}
                  onClick={() => deletion.ask(provider)}
                >
                  {t('identityProviders.delete')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </QueryTable>
      <MfaPolicyPanel />
      <IdentityProviderModal
        provider={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        {...deletion.modal}
        title={t('identityProviders.deleteTitle')}
        message={t('identityProviders.deleteMessage', { name: deletion.target?.name ?? '' })}
        confirmLabel={t('identityProviders.delete')}
      />
    </Stack>
  );
}

/** The default role and each mapped claim value, in words. */
function ProviderRoles({ provider }: { provider: IdentityProvider }) {
  const { t } = useTranslation();
  const mapped = Object.entries(provider.roleMapping);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('identityProviders.defaultRole')}: {t(`roles.${provider.defaultRole}`)}
      </Text>
      {mapped.length > 0 ? (
        <Text size="xs" c="dimmed">
          {provider.roleClaim}: {mapped.map(([claim, role]) => `${claim} → ${t(`roles.${role}`)}`).join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}
