import { Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import { useCreateProblem } from '../api/use-problems.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ImpactUrgencyFields } from '../components/impact-urgency-fields.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { UserSelect } from '../components/user-select.js';
import { OWNER_ROLES, useProblemOptions } from './problem-options.js';

const FIELDS = ['subject', 'description', 'organizationIds', 'serviceIds', 'impact', 'urgency', 'groupId', 'ownerId'];

/** Records a problem and opens it. */
export function NewProblemModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProblem();
  const options = useProblemOptions();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const form = useFormErrors({
    values: { subject, description, organizationIds, serviceIds, impact, urgency, groupId, ownerId },
    validate: (draft): Record<string, string> => (draft.subject.trim() ? {} : { subject: t('errors.fields.required') }),
    serverError: create.error,
  });

  const send = () =>
    create.mutate(
      {
        subject: subject.trim(),
        description: textToHtml(description),
        organizationIds,
        serviceIds,
        impact,
        urgency,
        groupId,
        ownerId,
      },
      {
        onSuccess: (created) => {
          onClose();
          void navigate({ to: '/workspace/problems/$problemId', params: { problemId: created.id } });
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('problems.web.new')} size="lg" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={FIELDS} />
          <TextInput
            label={t('problems.fields.subject')}
            required
            maxLength={200}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={form.errorOf('subject')}
            data-autofocus
          />
          <Textarea
            label={t('problems.fields.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={form.errorOf('description')}
          />
          <MultiSelect
            label={t('problems.fields.organizations')}
            data={options.organizations}
            value={organizationIds}
            onChange={setOrganizationIds}
            searchable
            error={form.errorOf('organizationIds')}
          />
          <MultiSelect
            label={t('problems.fields.services')}
            data={options.services}
            value={serviceIds}
            onChange={setServiceIds}
            searchable
            error={form.errorOf('serviceIds')}
          />
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpactChange={setImpact}
            onUrgencyChange={setUrgency}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('problems.fields.group')}
              data={options.groups}
              value={groupId}
              onChange={setGroupId}
              clearable
              searchable
              error={form.errorOf('groupId')}
            />
            <UserSelect
              label={t('problems.fields.owner')}
              roles={OWNER_ROLES}
              value={ownerId}
              onChange={(id) => setOwnerId(id)}
              clearable
              error={form.errorOf('ownerId')}
            />
          </SimpleGrid>
          <ModalFooter submitLabel={t('problems.web.create')} onCancel={onClose} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
