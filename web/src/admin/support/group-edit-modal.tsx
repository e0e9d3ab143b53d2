import {
  Modal,
  MultiSelect,
  Group as Row,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../domain/contracts/support.js';
import {
  ASSIGNMENT_STRATEGIES,
  type AssignmentStrategy,
  SUPPORT_LEVELS,
  type SupportLevel,
} from '../../../../domain/support/support-levels.js';
import { isApiError } from '../../api/client.js';
import { useCreateGroup, useUpdateGroup } from '../../api/use-support.js';
import { useUserSearch } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { type CoverageEntry, GroupCoverageField } from './group-coverage-field.js';

const STAFF_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** Creates a group, or edits one (with its version: someone else's newer change wins, and we say so). */
export function GroupEditModal({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const mutation = group ? update : create;
  const [name, setName] = useState(group?.name ?? '');
  const [level, setLevel] = useState<SupportLevel>(group?.level ?? 'L1');
  const [specialty, setSpecialty] = useState(group?.specialty ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(group?.members.map((m) => m.id) ?? []);
  const [leadId, setLeadId] = useState<string | null>(group?.lead?.id ?? null);
  const [assignment, setAssignment] = useState<AssignmentStrategy>(group?.assignment ?? 'manual');
  const [isDefault, setIsDefault] = useState(group?.isDefault ?? false);
  const [active, setActive] = useState(group ? group.status === 'active' : true);
  const [coverage, setCoverage] = useState<CoverageEntry[]>(group?.coverage ?? []);
  const [memberSearch, setMemberSearch] = useState('');
  const staff = useUserSearch(memberSearch.trim() || undefined, STAFF_ROLES);

  const people = new Map<string, string>((group?.members ?? []).map((m) => [m.id, m.name]));
  if (group?.lead) people.set(group.lead.id, group.lead.name);
  for (const user of staff.users) people.set(user.id, user.name);
  const memberData = [...people].map(([value, label]) => ({ value, label }));

  const form = useFormErrors({
    values: { name, level, specialty, leadId, assignment, isDefault, memberIds, coverage },
    validate: (draft): Record<string, string> => (draft.name.trim() ? {} : { name: t('errors.fields.required') }),
    serverError: mutation.error,
  });

  const send = () => {
    const fields = {
      name: name.trim(),
      level,
      specialty: specialty.trim() || null,
      leadId,
      assignment,
      isDefault,
      memberIds,
      coverage,
    };
    if (group)
      update.mutate(
        { id: group.id, version: group.version, ...fields, status: active ? 'active' : 'inactive' },
        { onSuccess: onClose },
      );
    else create.mutate(fields, { onSuccess: onClose });
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';
  return (
    <Modal
      opened
      onClose={onClose}
      title={group ? t('groupsAdmin.editGroup', { name: group.name }) : t('groupsAdmin.newGroup')}
      size="lg"
      centered
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          {conflict ? (
            <Text size="sm" c="yellow">
              {t('conflict.group')}
            </Text>
          ) : (
            <ErrorAlert error={mutation.error} fields={['name', 'specialty']} />
          )}
          <TextInput
            label={t('groupsAdmin.name')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errorOf('name')}
            data-autofocus
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('groupsAdmin.level')}
            </Text>
            <SegmentedControl
              aria-label={t('groupsAdmin.level')}
              fullWidth
              value={level}
              onChange={(value) => setLevel(value as SupportLevel)}
              data={SUPPORT_LEVELS.map((value) => ({ value, label: t(`support.levels.${value}`) }))}
            />
          </div>
          <TextInput
            label={t('groupsAdmin.specialty')}
            description={t('groupsAdmin.specialtyHint')}
            maxLength={100}
            value={specialty}
            onChange={(event) => setSpecialty(event.currentTarget.value)}
            error={form.errorOf('specialty')}
          />
          <MultiSelect
            label={t('groupsAdmin.members')}
            placeholder={t('groupsAdmin.membersPlaceholder')}
            data={memberData}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            searchValue={memberSearch}
            onSearchChange={setMemberSearch}
            clearable
          />
          <Row grow align="flex-start">
            <Select
              label={t('groupsAdmin.lead')}
              placeholder={t('groupsAdmin.noLead')}
              data={memberData}
              value={leadId}
              onChange={setLeadId}
              searchable
              clearable
            />
            <Select
              label={t('groupsAdmin.assignment')}
              data={ASSIGNMENT_STRATEGIES.map((value) => ({ value, label: t(`groupsAdmin.strategies.${value}`) }))}
              value={assignment}
              allowDeselect={false}
              onChange={(value) => value && setAssignment(value as AssignmentStrategy)}
            />
          </Row>
          <GroupCoverageField value={coverage} onChange={setCoverage} />
          <Switch
            label={t('groupsAdmin.isDefault')}
            description={t('groupsAdmin.isDefaultHint')}
            checked={isDefault}
            onChange={(event) => setIsDefault(event.currentTarget.checked)}
          />
          {group ? (
            <Switch
              label={t('groupsAdmin.active')}
              checked={active}
              onChange={(event) => setActive(event.currentTarget.checked)}
            />
          ) : null}
          <ModalFooter
            submitLabel={group ? t('common.save') : t('groupsAdmin.create')}
            onCancel={onClose}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
