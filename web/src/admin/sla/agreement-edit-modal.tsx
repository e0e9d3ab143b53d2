import {
  Alert,
  Checkbox,
  Divider,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../domain/contracts/sla.js';
import { PENDING_REASONS, type PendingReason } from '../../../../domain/tickets/ticket-lifecycle.js';
import { isApiError } from '../../api/client.js';
import { useAgreements, useCalendars, useCreateAgreement, useUpdateAgreement } from '../../api/use-agreements.js';
import { useServices } from '../../api/use-organizations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import {
  type AgreementDraft,
  agreementDraftOf,
  agreementFieldsOf,
  agreementIssues,
  newAgreementDraft,
} from './agreement-form.js';
import { EscalationMatrixField } from './escalation-matrix-field.js';
import { MinutesInput } from './minutes-input.js';
import { ProblemTargetsField } from './problem-targets-field.js';
import { useWeeklySummary } from './sla-format.js';
import { SlaTargetsField } from './sla-targets-field.js';
import { WarningThresholdsInput } from './warning-thresholds-input.js';

/** The field paths this form shows next to a field; any other error from the API is listed above it. */
const SHOWN_FIELD =
  /^(organizationId|name|calendarId|serviceIds|targets(\.\d+(\.(firstResponseMinutes|resolutionMinutes|updateMinutes))?)?|levelMinutes\.L[12]|escalations\.\d+(\.(percent|afterMinutes|notify|userIds))?)$/;

/** Creates an organization's service agreement or edits it: scope, SLA targets, OLA and escalation matrix. */
export function AgreementEditModal({
  agreement,
  organizationId,
  onClose,
}: {
  agreement: Agreement | null;
  /** The organization to start a new agreement for (the page's filter), if any. */
  organizationId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // A phone gets the whole screen: the form has tables and rows that need the width.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const mutation = agreement ? update : create;
  const [draft, setDraft] = useState<AgreementDraft>(() =>
    agreement ? agreementDraftOf(agreement) : newAgreementDraft(organizationId ?? null),
  );
  const set = (patch: Partial<AgreementDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const calendars = useCalendars();
  const services = useServices(draft.organizationId);
  const existing = useAgreements(agreement ? null : draft.organizationId);
  const summary = useWeeklySummary();
  const taken = !agreement && Boolean(draft.organizationId) && (existing.data?.length ?? 0) > 0;

  const form = useFormErrors({
    values: draft,
    validate: (current): Record<string, string> =>
      Object.fromEntries(
        Object.entries(agreementIssues(current)).map(([path, issue]) => [path, t(`slaAdmin.issues.${issue}`)]),
      ),
    serverError: mutation.error,
  });
  const errorAt = (path: string): string | undefined => {
    if (path === 'organizationId') {
      if (taken) return t('slaAdmin.agreements.organizationTaken');
      const refused = isApiError(mutation.error) && mutation.error.code === 'conflict' && form.serverErrorAt(path);
      if (refused) return t('slaAdmin.agreements.organizationTaken');
    }
    return form.errorOf(path);
  };
  const shownFields = isApiError(mutation.error)
    ? mutation.error.errors.map((e) => e.field).filter((f) => SHOWN_FIELD.test(f))
    : [];

  const send = () => {
    if (taken) return;
    const fields = agreementFieldsOf(draft);
    if (agreement) update.mutate({ id: agreement.id, version: agreement.version, ...fields }, { onSuccess: onClose });
    else create.mutate({ organizationId: draft.organizationId ?? '', ...fields }, { onSuccess: onClose });
  };

  const calendar = calendars.data?.find((c) => c.id === draft.calendarId);
  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';
  const invalidCount = form.invalidCount;
  return (
    <Modal
      opened
      onClose={onClose}
      title={agreement ? t('slaAdmin.agreements.editTitle', { name: agreement.name }) : t('slaAdmin.agreements.new')}
      size="xl"
      centered
      fullScreen={narrow}
    >
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          {conflict ? (
            <Alert color="yellow" variant="light" title={t('conflict.title')}>
              {t('slaAdmin.agreements.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} fields={shownFields} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <OrganizationSelect
              label={t('fields.organization')}
              placeholder={t('slaAdmin.agreements.organizationPlaceholder')}
              required
              value={draft.organizationId}
              onChange={(id) => set({ organizationId: id, serviceIds: [] })}
              readOnly={Boolean(agreement)}
              description={agreement ? t('slaAdmin.agreements.organizationFixed') : undefined}
              error={errorAt('organizationId')}
              data-autofocus={agreement ? undefined : true}
            />
            <TextInput
              label={t('slaAdmin.agreements.name')}
              placeholder={t('slaAdmin.agreements.namePlaceholder')}
              required
              maxLength={200}
              value={draft.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={errorAt('name')}
              data-autofocus={agreement ? true : undefined}
            />
            <Select
              label={t('slaAdmin.agreements.calendar')}
              placeholder={t('slaAdmin.agreements.calendarPlaceholder')}
              description={calendar ? `${calendar.timeZone} · ${summary(calendar.weekly)}` : undefined}
              required
              searchable
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={draft.calendarId}
              onChange={(calendarId) => set({ calendarId })}
              nothingFoundMessage={calendars.isPending ? t('common.loading') : t('slaAdmin.agreements.noCalendars')}
              error={calendars.isError ? t('slaAdmin.agreements.calendarsFailed') : errorAt('calendarId')}
            />
            <MultiSelect
              label={t('slaAdmin.agreements.services')}
              description={t('slaAdmin.agreements.servicesHint')}
              placeholder={draft.serviceIds.length === 0 ? t('slaAdmin.agreements.allServices') : undefined}
              data={(services.data ?? []).map((s) => ({
                value: s.id,
                label: s.status === 'active' ? s.name : `${s.name} (${t('status.inactive')})`,
              }))}
              value={draft.serviceIds}
              onChange={(serviceIds) => set({ serviceIds })}
              disabled={!draft.organizationId}
              searchable
              clearable
              nothingFoundMessage={services.isPending ? t('common.loading') : t('slaAdmin.agreements.noServices')}
              error={services.isError ? t('slaAdmin.agreements.servicesFailed') : errorAt('serviceIds')}
            />
          </SimpleGrid>

          <Divider label={t('slaAdmin.agreements.targetsSection')} labelPosition="left" />
          <SlaTargetsField value={draft.targets} onChange={(targets) => set({ targets })} errorAt={errorAt} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Checkbox.Group
              label={t('slaAdmin.agreements.pausingReasons')}
              description={t('slaAdmin.agreements.pausingReasonsHint')}
              value={draft.pausingReasons}
              onChange={(reasons) => set({ pausingReasons: reasons as PendingReason[] })}
            >
              <Stack gap={6} mt={6}>
                {PENDING_REASONS.map((reason) => (
                  <Checkbox key={reason} value={reason} label={t(`tickets.pendingReasons.${reason}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <WarningThresholdsInput
              value={draft.warnPercents}
              onChange={(warnPercents) => set({ warnPercents })}
              error={errorAt('warnAt')}
            />
          </SimpleGrid>

          <Divider label={t('slaAdmin.agreements.olaSection')} labelPosition="left" />
          <Text size="sm" c="dimmed" mt={-8}>
            {t('slaAdmin.agreements.olaHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {(['L1', 'L2'] as const).map((level) => (
              <MinutesInput
                key={level}
                label={t(`slaAdmin.agreements.ola.${level}`)}
                placeholder={t('slaAdmin.agreements.noOla')}
                value={draft.levelMinutes[level]}
                onChange={(minutes) => set({ levelMinutes: { ...draft.levelMinutes, [level]: minutes } })}
                error={errorAt(`levelMinutes.${level}`)}
              />
            ))}
          </SimpleGrid>

          <Divider label={t('slaAdmin.agreements.problemSection')} labelPosition="left" />
          <ProblemTargetsField
            value={draft.problemMinutes}
            onChange={(problemMinutes) => set({ problemMinutes })}
            errorAt={errorAt}
          />

          <Divider label={t('slaAdmin.agreements.escalationSection')} labelPosition="left" />
          <EscalationMatrixField
            value={draft.escalations}
            onChange={(escalations) => set({ escalations })}
            errorAt={errorAt}
          />

          <ModalFooter
            submitLabel={agreement ? t('common.save') : t('slaAdmin.agreements.create')}
            onCancel={onClose}
            loading={mutation.isPending}
          >
            {invalidCount > 0 ? (
              <Text size="sm" c="red" role="alert" mr="auto">
                {t('slaAdmin.issues.count', { count: invalidCount })}
              </Text>
            ) : null}
          </ModalFooter>
        </Stack>
      </form>
    </Modal>
  );
}
