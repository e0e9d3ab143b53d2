import { Alert, Modal, Radio, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../../domain/contracts/mail.js';
import { isApiError } from '../../api/client.js';
import { useCreateMailbox, useUpdateMailbox } from '../../api/use-mail.js';
import { useServices } from '../../api/use-organizations.js';
import { useGroups } from '../../api/use-support.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { type UnknownSenders, unknownSenderOrganization, unknownSendersOf } from './unknown-senders.js';

const SHOWN_FIELDS = ['address', 'name', 'organizationId', 'serviceId', 'groupId', 'unknownSenderOrganizationId'];
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
  // A new mailbox keeps strangers waiting until the admin says otherwise.
  const [unknownSenders, setUnknownSenders] = useState<UnknownSenders>(
    unknownSendersOf(mailbox?.unknownSenderOrganizationId ?? null),
  );
  const [unknownOrganizationId, setUnknownOrganizationId] = useState<string | null>(
    mailbox?.unknownSenderOrganizationId ?? null,
  );
  const services = useServices(organizationId);
  const groups = useGroups();
  const form = useFormErrors({
    values: { address, name, organizationId, serviceId, groupId, unknownSenders, unknownOrganizationId },
    validate: (draft) => {
      const found: Record<string, string> = {};
      if (unknownSenderOrganization(draft.unknownSenders, draft.unknownOrganizationId) === undefined)
        found.unknownSenderOrganizationId = t('mailRules.unknownSenders.organizationRequired');
      if (!draft.name.trim()) found.name = t('errors.fields.required');
      if (!mailbox && !draft.address.trim()) found.address = t('errors.fields.required');
      else if (!mailbox && !LOOKS_LIKE_ADDRESS.test(draft.address.trim())) found.address = t('errors.fields.email');
      return found;
    },
    serverError: mutation.error,
  });
  /** The form's own check, or the server's word in the mailbox screen's terms while the field holds what it refused. */
  const errorAt = (field: string): string | undefined => {
    const local = form.errorOf(field);
    const refused = form.serverErrorAt(field);
    if (refused === undefined) return local;
    if (field === 'address' && isApiError(mutation.error) && mutation.error.code === 'conflict') {
      return t('mailAdmin.mailboxes.addressTaken');
    }
    if (field === 'serviceId') return t('mailAdmin.mailboxes.serviceNotOfOrganization');
    return local ?? fieldMessage(refused);
  };

  const send = () => {
    const placement = {
      name: name.trim(),
      organizationId,
      serviceId: organizationId ? serviceId : null,
      groupId,
      unknownSenderOrganizationId: unknownSenderOrganization(unknownSenders, unknownOrganizationId) ?? null,
    };
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
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
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
            error={errorAt('address')}
            data-autofocus={mailbox ? undefined : true}
          />
          <TextInput
            label={t('mailAdmin.mailboxes.name')}
            placeholder={t('mailAdmin.mailboxes.namePlaceholder')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorAt('name')}
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
          <Radio.Group
            label={t('mailRules.unknownSenders.label')}
            description={t('mailRules.unknownSenders.description')}
            value={unknownSenders}
            onChange={(value) => setUnknownSenders(value === 'join' ? 'join' : 'wait')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="wait"
                label={t('mailRules.unknownSenders.wait')}
                description={t('mailRules.unknownSenders.waitHint')}
              />
              <Radio
                value="join"
                label={t('mailRules.unknownSenders.join')}
                description={t('mailRules.unknownSenders.joinHint')}
              />
            </Stack>
          </Radio.Group>
          {unknownSenders === 'join' ? (
            <OrganizationSelect
              label={t('mailRules.unknownSenders.organization')}
              placeholder={t('mailRules.unknownSenders.organizationPlaceholder')}
              value={unknownOrganizationId}
              onChange={setUnknownOrganizationId}
              required
              error={errorAt('unknownSenderOrganizationId')}
            />
          ) : null}
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
