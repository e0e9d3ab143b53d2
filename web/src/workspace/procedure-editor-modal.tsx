import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../domain/contracts/procedures.js';
import type { Category } from '../../../domain/contracts/tickets.js';
import { changesReaders, PROCEDURE_AUDIENCES, type ProcedureAudience } from '../../../domain/support/procedures.js';
import { useCategories } from '../api/use-categories.js';
import { useAllServices } from '../api/use-organizations.js';
import { useCreateProcedure, useUpdateProcedure } from '../api/use-procedures.js';
import { categoryOptions } from '../components/category-select.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PlusIcon } from '../components/icons.js';
import { ModalFooter } from '../components/modal-footer.js';
import { useFormErrors } from '../components/use-form-errors.js';

interface Step {
  key: number;
  text: string;
}

let nextKey = 0;
const stepOf = (text: string): Step => {
  nextKey += 1;
  return { key: nextKey, text };
};

const isActive = (list: readonly Category[] | undefined, id: string) =>
  list?.some((c) => c.id === id && c.status === 'active') ?? false;

/** Writes a procedure: a new draft, or a new version of an existing one (it needs review again). */
export function ProcedureEditorModal({
  procedure,
  opened,
  onClose,
}: {
  procedure?: Procedure;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProcedure();
  const update = useUpdateProcedure(procedure?.id ?? '');
  const mutation = procedure ? update : create;
  const [title, setTitle] = useState(procedure?.title ?? '');
  const [summary, setSummary] = useState(procedure?.summary ?? '');
  const [steps, setSteps] = useState<Step[]>(() => (procedure?.steps.length ? procedure.steps : ['']).map(stepOf));
  const [audience, setAudience] = useState<ProcedureAudience>(procedure?.audience ?? 'L1');
  const [specialty, setSpecialty] = useState(procedure?.specialty ?? '');
  const [serviceIds, setServiceIds] = useState<string[]>(procedure?.serviceIds ?? []);
  const [categoryIds, setCategoryIds] = useState<string[]>(procedure?.categoryIds ?? []);
  const services = useAllServices();
  const categories = useCategories(null, { includeInactive: true });
  // Inactive ones only while already linked, so saving does not drop them unnoticed.
  const serviceData = (services.data ?? [])
    .filter((s) => s.active || serviceIds.includes(s.value))
    .map(({ value, label }) => ({ value, label }));
  const categoryData = categoryOptions(categories.data ?? [])
    .filter((c) => isActive(categories.data, c.value) || categoryIds.includes(c.value))
    .map(({ value, label }) => ({ value, label }));
  // Linked ids the lists do not know (removed since) stay visible, so they can be taken off.
  const unknown = (ids: string[], known: { value: string }[]) =>
    ids
      .filter((id) => !known.some((o) => o.value === id))
      .map((id) => ({ value: id, label: t('procedures.unknownLink') }));
  if (services.isSuccess) serviceData.push(...unknown(serviceIds, serviceData));
  if (categories.isSuccess) categoryData.push(...unknown(categoryIds, categoryData));
  const form = useFormErrors({
    values: { title, summary, steps: steps.map((s) => s.text), audience, specialty, serviceIds, categoryIds },
    validate: (draft): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (draft.title.trim().length < 3) issues.title = t('errors.fields.required');
      if (!draft.steps.some((text) => text.trim())) issues.steps = t('procedures.editor.needSteps');
      return issues;
    },
    serverError: mutation.error,
  });
  const stepsError = form.errorOf('steps');

  const move = (index: number, by: number) =>
    setSteps((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const send = () => {
    const cleanSteps = steps.map((s) => s.text.trim()).filter(Boolean);
    const content = {
      title: title.trim(),
      summary: summary.trim(),
      steps: cleanSteps,
      audience,
      specialty: audience === 'L2' && specialty.trim() ? specialty.trim() : null,
      serviceIds,
      categoryIds,
    };
    if (procedure) update.mutate({ version: procedure.version, ...content }, { onSuccess: onClose });
    else
      create.mutate(content, {
        onSuccess: (created) => {
          onClose();
          void navigate({ to: '/workspace/procedures/$procedureId', params: { procedureId: created.id } });
        },
      });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={procedure ? t('procedures.editor.editTitle') : t('procedures.editor.createTitle')}
      size="lg"
      centered
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert
            error={mutation.error}
            fields={['title', 'summary', 'steps', 'audience', 'specialty', 'serviceIds', 'categoryIds']}
          />
          <TextInput
            label={t('procedures.fields.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={form.errorOf('title')}
            data-autofocus
          />
          <Textarea
            label={t('procedures.fields.summary')}
            autosize
            minRows={2}
            maxLength={2000}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={form.errorOf('summary')}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('procedures.fields.steps')}
            </Text>
            <Stack gap="xs">
              {steps.map((step, index) => (
                <Group key={step.key} gap="xs" align="flex-start" wrap="nowrap">
                  <Textarea
                    aria-label={t('procedures.editor.step', { number: index + 1 })}
                    placeholder={t('procedures.editor.step', { number: index + 1 })}
                    autosize
                    minRows={1}
                    maxLength={2000}
                    style={{ flex: 1 }}
                    // The first step is marked, so a submit without steps brings the cursor there.
                    error={index === 0 && stepsError !== undefined}
                    value={step.text}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      setSteps((list) => list.map((s) => (s.key === step.key ? { ...s, text } : s)));
                    }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0}
                    aria-label={t('procedures.editor.moveUp', { number: index + 1 })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === steps.length - 1}
                    aria-label={t('procedures.editor.moveDown', { number: index + 1 })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={steps.length === 1}
                    aria-label={t('procedures.editor.removeStep', { number: index + 1 })}
                    onClick={() => setSteps((list) => list.filter((s) => s.key !== step.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              {stepsError ? (
                <Text size="xs" c="red">
                  {stepsError}
                </Text>
              ) : null}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<PlusIcon size={14} />}
                disabled={steps.length >= 50}
                onClick={() => setSteps((list) => [...list, stepOf('')])}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('procedures.editor.addStep')}
              </Button>
            </Stack>
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('procedures.fields.audience')}
            </Text>
            <SegmentedControl
              aria-label={t('procedures.fields.audience')}
              fullWidth
              value={audience}
              onChange={(value) => setAudience(value as ProcedureAudience)}
              data={PROCEDURE_AUDIENCES.map((value) => ({ value, label: t(`procedures.audiences.${value}`) }))}
            />
          </div>
          {audience === 'L2' ? (
            <TextInput
              label={t('procedures.fields.specialty')}
              description={t('procedures.editor.specialtyHint')}
              maxLength={100}
              value={specialty}
              onChange={(event) => setSpecialty(event.currentTarget.value)}
              error={form.errorOf('specialty')}
            />
          ) : null}
          <MultiSelect
            label={t('procedures.fields.services')}
            description={t('procedures.editor.servicesHint')}
            placeholder={serviceIds.length ? undefined : t('procedures.editor.servicesPlaceholder')}
            searchable
            clearable
            maxValues={50}
            data={serviceData}
            value={serviceIds}
            onChange={setServiceIds}
            nothingFoundMessage={services.isPending ? t('common.loading') : t('procedures.editor.noServices')}
            disabled={services.isPending || services.isError}
            error={services.isError ? t('procedures.editor.servicesError') : form.errorOf('serviceIds')}
          />
          <MultiSelect
            label={t('procedures.fields.categories')}
            description={t('procedures.editor.categoriesHint')}
            placeholder={categoryIds.length ? undefined : t('procedures.editor.categoriesPlaceholder')}
            searchable
            clearable
            maxValues={50}
            data={categoryData}
            value={categoryIds}
            onChange={setCategoryIds}
            nothingFoundMessage={categories.isPending ? t('common.loading') : t('procedures.editor.noCategories')}
            disabled={categories.isPending || categories.isError}
            error={categories.isError ? t('procedures.editor.categoriesError') : form.errorOf('categoryIds')}
          />
          {procedure &&
          procedure.status !== 'draft' &&
          changesReaders(procedure, { audience, serviceIds, categoryIds }) ? (
            <Text size="xs" c="orange" role="status">
              {t('procedures.editor.audienceReview')}
            </Text>
          ) : null}
          <ModalFooter
            submitLabel={procedure ? t('common.save') : t('procedures.editor.create')}
            onCancel={onClose}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
