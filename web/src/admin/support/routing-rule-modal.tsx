import { Modal, NumberInput, Group as Row, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, RoutingRule } from '../../../../domain/contracts/support.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../../domain/tickets/ticket-types.js';
import { useServices } from '../../api/use-organizations.js';
import { useCreateRoutingRule, useUpdateRoutingRule } from '../../api/use-support.js';
import { CategorySelect } from '../../components/category-select.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { groupOptionLabel } from '../../components/group-options.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { useFormErrors } from '../../components/use-form-errors.js';

/** A rule: which tickets (every condition left empty matches anything) go to which group, tried at a position. */
export function RoutingRuleModal({
  rule,
  groups,
  nextPosition,
  onClose,
}: {
  rule: RoutingRule | null;
  groups: readonly Group[];
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const mutation = rule ? update : create;
  const [name, setName] = useState(rule?.name ?? '');
  const [position, setPosition] = useState<number>(rule?.position ?? nextPosition);
  const [organizationId, setOrganizationId] = useState<string | null>(rule?.organizationId ?? null);
  const [serviceId, setServiceId] = useState<string | null>(rule?.serviceId ?? null);
  const [categoryId, setCategoryId] = useState<string | null>(rule?.categoryId ?? null);
  const [type, setType] = useState<TicketType | null>(rule?.type ?? null);
  const [channel, setChannel] = useState<Channel | null>(rule?.channel ?? null);
  const [groupId, setGroupId] = useState<string | null>(rule?.groupId ?? null);
  const services = useServices(organizationId);
  const form = useFormErrors({
    values: { name, position, groupId },
    validate: (draft) => {
      const found: Record<string, string> = {};
      if (!draft.name.trim()) found.name = t('errors.fields.required');
      if (!draft.groupId) found.groupId = t('errors.fields.required');
      return found;
    },
    serverError: mutation.error,
  });

  const send = () => {
    if (!groupId) return;
    const fields = { name: name.trim(), position, organizationId, serviceId, categoryId, type, channel, groupId };
    if (rule) update.mutate({ id: rule.id, version: rule.version, ...fields }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={rule ? t('groupsAdmin.editRule') : t('groupsAdmin.newRule')}
      size="lg"
      centered
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} fields={['name', 'position', 'groupId']} />
          <Row grow align="flex-start">
            <TextInput
              label={t('groupsAdmin.ruleName')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={form.errorOf('name')}
              data-autofocus
            />
            <NumberInput
              label={t('groupsAdmin.position')}
              min={0}
              max={100000}
              value={position}
              onChange={(value) => setPosition(typeof value === 'number' ? value : 0)}
              maw={140}
              error={form.errorOf('position')}
            />
          </Row>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <OrganizationSelect
              label={t('fields.organization')}
              placeholder={t('groupsAdmin.any')}
              clearable
              value={organizationId}
              onChange={(id) => {
                setOrganizationId(id);
                setServiceId(null);
              }}
            />
            <Select
              label={t('tickets.fields.service')}
              placeholder={t('groupsAdmin.any')}
              disabled={!organizationId}
              data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={serviceId}
              onChange={setServiceId}
              clearable
            />
            <CategorySelect
              label={t('tickets.fields.category')}
              placeholder={t('groupsAdmin.any')}
              serviceId={serviceId}
              value={categoryId}
              onChange={setCategoryId}
              clearable
            />
            <Select
              label={t('tickets.fields.type')}
              placeholder={t('groupsAdmin.any')}
              data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
              value={type}
              onChange={(value) => setType(value as TicketType | null)}
              clearable
            />
            <Select
              label={t('tickets.fields.channel')}
              placeholder={t('groupsAdmin.any')}
              data={CHANNELS.map((value) => ({ value, label: t(`tickets.channels.${value}`) }))}
              value={channel}
              onChange={(value) => setChannel(value as Channel | null)}
              clearable
            />
            <Select
              label={t('groupsAdmin.target')}
              required
              data={groups
                .filter((g) => g.status === 'active')
                .map((g) => ({ value: g.id, label: groupOptionLabel(g) }))}
              value={groupId}
              onChange={setGroupId}
              error={form.errorOf('groupId')}
            />
          </SimpleGrid>
          <ModalFooter
            submitLabel={rule ? t('common.save') : t('groupsAdmin.createRule')}
            onCancel={onClose}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
