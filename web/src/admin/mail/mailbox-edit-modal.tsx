import { Alert, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../../domain/contracts/mail.js';
import { isApiError } from '../../api/client.js';
import { useCreateMailbox, useUpdateMailbox } from '../../api/use-mail.js';
import { useServices } from '../../api/use-organizations.js';
import { useGroups } from '../../api/use-support.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { useErrorText } from '../../i18n/error-messages.js';

const SHOWN_FIELDS = ['address', 'name', 'organizationId', 'serviceId', 'groupId'];
const LOOKS_LIKE_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a mailbox, or edits one (with its version: someone else's newer change wins, and we say so). */
export function MailboxEditModal({ mailbox, onClose }: { mailbox: Mailbox | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { fieldMessage } = useErrorText();
  const create = useCreateMailbox();
  const update = useUpdateMailbox();
  const mutation = mailbox ? update : create;
  const [address, setAddress] = useState(mailbox?.address ?? '');
  const [name, setName] = useState(mailbox?.name ?? '');
  const [organizationId, setOrganizationId] = useState<string | null>(mailbox?.organizationId ?? null);
  const [serviceId, setServiceId] = useState<string | null>(mailbox?.serviceId ?? null);
  const [groupId, setGroupId] = useState<string | null>(mailbox?.groupId ?? null);
  const [active, setActive] = useState(mailbox?.active ?? true);
  const [checked, setChecked] = useState(false);
  const services = useServices(organizationId);
  const groups = useGroups();

  const localIssue = (field: 'address' | 'name'): string | undefined => {
    if (!checked) return undefined;
    if (field === 'name') return name.trim() ? undefined : t('errors.fields.required');
    if (mailbox) return undefined;
    if (!address.trim()) return t('errors.fields.required');
    return LOOKS_LIKE_ADDRESS.test(address.trim()) ? undefined : t('errors.fields.email');
  };
  const errorAt = (field: string): string | undefined => {
    const error = mutation.error;
    if (!isApiError(error)) return undefined;
    const found = error.errors.find((e) => e.field === field);
    if (!found) return undefined;
    if (field === 'address' && error.code === 'conflict') return t('mailAdmin.mailboxes.addressTaken');
    if (field === 'serviceId') return t('mailAdmin.mailboxes.serviceNotOfOrganization');
    return fieldMessage(found.message);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const invalid = !name.trim() || (!mailbox && !LOOKS_LIKE_ADDRESS.test(address.trim()));
    if (invalid) return;
    const placement = { name: name.trim(), organizationId, serviceId: organizationId ? serviceId : null, groupId };
    if (mailbox)
      update.mutate({ id: mailbox.id, version: mailbox.version, ...placement, active }, { onSuccess: onClose });
    else create.mutate({ address: address.trim(), ...placement }, { onSuccess: onClose });
  };

  const serviceData = (services.data ?? []).map((s) => ({
    value: s.id,
    label: s.status === 'active' ? s.name : `${s.name} (${t('status.inactive')})`,
  }));
  const groupData = (groups.data ?? []).map((g) => ({
    value: g.id,
    label: g.status === 'active' ? g.name : t('mailAdmin.mailboxes.inactiveGroup', { name: g.name }),
  }));
  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';
  return (
    <Modal
      opened
      onClose={onClose}
      title={mailbox ? t('mailAdmin.mailboxes.editTitle', { address: mailbox.address }) : t('mailAdmin.mailboxes.new')}
      size="lg"
      centered
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {conflict ? (
            <Alert color="yellow" variant="light" title={t('conflict.title')}>
              {t('mailAdmin.mailboxes.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} fields={SHOWN_FIELDS} />
          )}
          <TextInput
            label={t('mailAdmin.mailboxes.address')}
            placeholder={t('mailAdmin.mailboxes.addressPlaceholder')}
            description={mailbox ? t('mailAdmin.mailboxes.addressFixed') : t('mailAdmin.mailboxes.addressHint')}
            type="email"
            required={!mailbox}
            readOnly={Boolean(mailbox)}
            variant={mailbox ? 'filled' : 'default'}
            maxLength={320}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={localIssue('address') ?? errorAt('address')}
            data-autofocus={mailbox ? undefined : true}
          />
          <TextInput
            label={t('mailAdmin.mailboxes.name')}
            placeholder={t('mailAdmin.mailboxes.namePlaceholder')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={localIssue('name') ?? errorAt('name')}
            data-autofocus={mailbox ? true : undefined}
          />
          <OrganizationSelect
            label={t('mailAdmin.mailboxes.organization')}
            description={t('mailAdmin.mailboxes.organizationHint')}
            placeholder={t('mailAdmin.mailboxes.noOrganization')}
            value={organizationId}
            onChange={(id) => {
              setOrganizationId(id);
              if (id !== organizationId) setServiceId(null);
            }}
            clearable
            error={errorAt('organizationId')}
          />
          <Select
            label={t('mailAdmin.mailboxes.service')}
            description={
              organizationId ? t('mailAdmin.mailboxes.serviceHint') : t('mailAdmin.mailboxes.pickOrganizationFirst')
            }
            placeholder={t('mailAdmin.mailboxes.noService')}
            data={serviceData}
            value={organizationId ? serviceId : null}
            onChange={setServiceId}
            disabled={!organizationId}
            searchable
            clearable
            nothingFoundMessage={services.isPending ? t('common.loading') : t('mailAdmin.mailboxes.noServices')}
            error={services.isError ? t('mailAdmin.mailboxes.servicesFailed') : errorAt('serviceId')}
          />
          <Select
            label={t('mailAdmin.mailboxes.group')}
            description={t('mailAdmin.mailboxes.groupHint')}
            placeholder={t('mailAdmin.mailboxes.noGroup')}
            data={groupData}
            value={groupId}
            onChange={setGroupId}
            searchable
            clearable
            nothingFoundMessage={groups.isPending ? t('common.loading') : undefined}
            error={groups.isError ? t('mailAdmin.mailboxes.groupsFailed') : errorAt('groupId')}
          />
          {mailbox ? (
            <Switch
              label={t('mailAdmin.mailboxes.active')}
              description={t('mailAdmin.mailboxes.activeHint')}
              checked={active}
              onChange={(event) => setActive(event.currentTarget.checked)}
            />
          ) : null}
          <ModalFooter
            submitLabel={mailbox ? t('common.save') : t('mailAdmin.mailboxes.create')}
            onCancel={onClose}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
