import { Button, Paper, Group as Row, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailDomain } from '../../../../domain/contracts/mail.js';
import { isApiError } from '../../api/client.js';
import { useAddMailDomain, useMailboxes, useMailDomains, useRemoveMailDomain } from '../../api/use-mail.js';
import { useOrganization, useServices } from '../../api/use-organizations.js';
import { useGroups } from '../../api/use-support.js';
import { StatusBadge } from '../../components/badges.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { EditCell } from '../../components/edit-cell.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PlusIcon } from '../../components/icons.js';
import { OrganizationName, OrganizationSelect } from '../../components/organization-select.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage } from '../../components/query-states.js';
import { QueryTable } from '../../components/query-table.js';
import { RouterAnchor } from '../../components/router-link.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { MailAddress, MailInboundLog } from './mail-inbound-log.js';
import { MailOutboundLog } from './mail-outbound-log.js';
import { MailStatusCard } from './mail-status-card.js';
import { MailTemplatesTab } from './mail-templates-tab.js';
import { MailboxEditModal } from './mailbox-edit-modal.js';

const TABS = ['mailboxes', 'domains', 'inbound', 'outbound', 'templates'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: unknown): value is Tab => (TABS as readonly unknown[]).includes(value);

/** Same rule as the API's: labels of letters, digits and inner hyphens, at least two of them. */
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** How mail reaches the desk: the mailboxes it arrives at, the sender domains it knows, and the logs. */
export function MailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { tab?: string };
  const tab: Tab = isTab(search.tab) ? search.tab : 'mailboxes';
  const setTab = (value: string | null) =>
    void navigate({ to: '/admin/mail', search: isTab(value) && value !== 'mailboxes' ? { tab: value } : {} });
  return (
    <>
      <PageHeader title={t('mailAdmin.title')} description={t('mailAdmin.howItWorks')} />
      <MailStatusCard />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} px={{ base: 'xs', sm: 'md' }}>
              {t(`mailAdmin.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mailboxes">
          <MailboxesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="domains">
          <DomainsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="inbound">
          <MailInboundLog />
        </Tabs.Panel>
        <Tabs.Panel value="outbound">
          <MailOutboundLog />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <MailTemplatesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** One line of explanation and, on the right, the tab's action. */
function PanelIntro({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Row justify="space-between" align="flex-start" gap="sm" mb="md">
      <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
        {children}
      </Text>
      {action}
    </Row>
  );
}

function MailboxesPanel() {
  const { t } = useTranslation();
  const mailboxes = useMailboxes();
  const groups = useGroups();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const groupName = (id: string | null) =>
    id ? (groups.data?.find((g) => g.id === id)?.name ?? (groups.isPending ? '…' : id)) : null;
  const newButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
      {t('mailAdmin.mailboxes.new')}
    </Button>
  );
  return (
    <>
      <PanelIntro action={newButton}>{t('mailAdmin.mailboxes.intro')}</PanelIntro>
      <QueryTable
        query={mailboxes}
        label={t('mailAdmin.mailboxes.tableLabel')}
        minWidth={900}
        head={
          <>
            <Table.Th>{t('mailAdmin.mailboxes.address')}</Table.Th>
            <Table.Th>{t('mailAdmin.mailboxes.organization')}</Table.Th>
            <Table.Th>{t('mailAdmin.mailboxes.placement')}</Table.Th>
            <Table.Th>{t('mailRules.unknownSenders.column')}</Table.Th>
            <Table.Th w={100}>{t('fields.status')}</Table.Th>
            <Table.Th w={80} />
          </>
        }
        empty={<EmptyMessage title={t('mailAdmin.mailboxes.empty')} description={t('mailAdmin.mailboxes.emptyHint')} />}
      >
        {(mailbox) => (
          <Table.Tr key={mailbox.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                <MailAddress address={mailbox.address} />
              </Text>
              <Text size="xs" c="dimmed">
                {mailbox.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <OrganizationName id={mailbox.organizationId} />
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <ServiceName organizationId={mailbox.organizationId} serviceId={mailbox.serviceId} />
              </Text>
              <Text size="xs" c="dimmed">
                {groupName(mailbox.groupId) ?? t('mailAdmin.mailboxes.noGroup')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <UnknownSendersWords organizationId={mailbox.unknownSenderOrganizationId} />
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={mailbox.active ? 'active' : 'inactive'} />
            </Table.Td>
            <EditCell
              onEdit={() => setEditing(mailbox)}
              label={t('mailAdmin.mailboxes.editTitle', { address: mailbox.address })}
            />
          </Table.Tr>
        )}
      </QueryTable>
      {editing ? (
        <MailboxEditModal
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          mailbox={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

/** What the mailbox does with unknown senders, in a sentence. */
function UnknownSendersWords({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const organization = useOrganization(organizationId);
  if (!organizationId) return <>{t('mailRules.unknownSenders.waitsInWords')}</>;
  return (
    <>
      {t('mailRules.unknownSenders.joinInWords', {
        organization: organization.data?.name ?? (organization.isPending ? '…' : organizationId),
      })}
    </>
  );
}

/** A service's name from its organization's list (cached per organization). */
function ServiceName({ organizationId, serviceId }: { organizationId: string | null; serviceId: string | null }) {
  const { t } = useTranslation();
  const services = useServices(serviceId ? organizationId : null);
  if (!serviceId) return <>{t('mailAdmin.mailboxes.noService')}</>;
  return <>{services.data?.find((s) => s.id === serviceId)?.name ?? (services.isPending ? '…' : serviceId)}</>;
}

function DomainsPanel() {
  const { t } = useTranslation();
  const domains = useMailDomains();
  const remove = useRemoveMailDomain();
  const [removing, setRemoving] = useState<MailDomain | null>(null);
  const close = () => {
    setRemoving(null);
    remove.reset();
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('mailAdmin.domains.intro')}
      </Text>
      <AddDomainForm />
      <QueryTable
        query={domains}
        label={t('mailAdmin.domains.tableLabel')}
        minWidth={480}
        head={
          <>
            <Table.Th>{t('mailAdmin.domains.domain')}</Table.Th>
            <Table.Th>{t('mailAdmin.domains.organization')}</Table.Th>
            <Table.Th w={90} />
          </>
        }
        empty={<EmptyMessage title={t('mailAdmin.domains.empty')} description={t('mailAdmin.domains.emptyHint')} />}
      >
        {(mapping) => (
          <Table.Tr key={mapping.domain}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {mapping.domain}
              </Text>
            </Table.Td>
            <Table.Td>
              <RouterAnchor
                to="/admin/organizations/$organizationId"
                params={{ organizationId: mapping.organization.id }}
                size="sm"
              >
                {mapping.organization.name}
              </RouterAnchor>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setRemoving(mapping)}
                aria-label={t('mailAdmin.domains.removeLabel', { domain: mapping.domain })}
              >
                {t('mailAdmin.domains.remove')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      </QueryTable>
      <ConfirmModal
        opened={removing !== null}
        title={t('mailAdmin.domains.removeTitle', { domain: removing?.domain ?? '' })}
        message={t('mailAdmin.domains.removeMessage', {
          domain: removing?.domain ?? '',
          organization: removing?.organization.name ?? '',
        })}
        confirmLabel={t('mailAdmin.domains.removeConfirm')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.domain, { onSuccess: close })}
        onClose={close}
      />
    </Stack>
  );
}

function AddDomainForm() {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const add = useAddMailDomain();
  const [domain, setDomain] = useState('');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  // "@empresa.com" and "Empresa.COM" mean the same domain; say so rather than refuse them.
  const normalized = domain.trim().replace(/^@/, '').toLowerCase();

  const domainError = (): string | undefined => {
    if (checked && !normalized) return t('errors.fields.required');
    if (checked && !DOMAIN.test(normalized)) return t('mailAdmin.domains.badDomain');
    if (!isApiError(add.error) || !add.error.fieldError('domain')) return undefined;
    return add.error.code === 'conflict' ? t('mailAdmin.domains.domainTaken') : t('mailAdmin.domains.badDomain');
  };
  const organizationError = () =>
    checked && !organizationId ? t('errors.fields.required') : field(add.error, 'organizationId');
  // An error the fields already explain needs no box above them.
  const explainedByFields =
    isApiError(add.error) &&
    add.error.errors.length > 0 &&
    add.error.errors.every((e) => e.field === 'domain' || e.field === 'organizationId');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!DOMAIN.test(normalized) || !organizationId) return;
    add.mutate(
      { domain: normalized, organizationId },
      {
        onSuccess: () => {
          setDomain('');
          setChecked(false);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={handleSubmit} noValidate aria-label={t('mailAdmin.domains.add')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('mailAdmin.domains.add')}
          </Text>
          {explainedByFields ? null : <ErrorAlert error={add.error} fields={['domain', 'organizationId']} />}
          <Row align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              aria-label={t('mailAdmin.domains.domain')}
              placeholder={t('mailAdmin.domains.domainPlaceholder')}
              value={domain}
              maxLength={253}
              onChange={(event) => {
                setDomain(event.currentTarget.value);
                add.reset();
              }}
              error={domainError()}
              style={{ flex: '1 1 12rem' }}
            />
            <OrganizationSelect
              aria-label={t('mailAdmin.domains.organization')}
              placeholder={t('mailAdmin.domains.organizationPlaceholder')}
              value={organizationId}
              onChange={setOrganizationId}
              error={organizationError()}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('mailAdmin.domains.addButton')}
            </Button>
          </Row>
        </Stack>
      </form>
    </Paper>
  );
}
