import { Button, Group, Input, Paper, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../domain/tickets/priority.js';
import type { TicketType } from '../../../domain/tickets/ticket-types.js';
import { useServices } from '../api/use-organizations.js';
import { useCurrentUser } from '../api/use-session.js';
import { AttachmentPicker } from '../components/attachment-picker.js';
import { CategorySelect } from '../components/category-select.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { useNewTicketSubmit } from '../components/use-new-ticket-submit.js';
import { ProcedureSuggestions } from './procedure-suggestions.js';
import { TicketTypeChoice } from './ticket-type-choice.js';

const FORM_FIELDS = ['type', 'subject', 'description', 'serviceId', 'categoryId', 'urgency', 'attachmentIds'];

/** "Levanta tu ticket": what happened, where, and how much it hurts; the desk takes it from there. */
export function NewTicketForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { submit, busy, queue, createError, error } = useNewTicketSubmit();
  const services = useServices(me.organizationId);
  const activeServices = (services.data ?? []).filter((s) => s.status === 'active');

  const [type, setType] = useState<TicketType | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  // With one service only, there is nothing to choose.
  const chosenService = serviceId ?? (activeServices.length === 1 ? (activeServices[0]?.id ?? null) : null);
  // Three long choices side by side do not fit a phone; there they stack.
  const narrow = useMediaQuery('(max-width: 30em)');

  const form = useFormErrors({
    values: { type, serviceId: chosenService, categoryId, subject, description, urgency },
    validate: (draft): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (!draft.type) issues.type = t('portalForm.pickType');
      if (!draft.subject.trim()) issues.subject = t('errors.fields.required');
      if (!draft.description.trim()) issues.description = t('errors.fields.required');
      return issues;
    },
    serverError: createError,
  });

  const send = () => {
    if (busy || !type) return;
    void submit(
      { type, subject, description, serviceId: chosenService, categoryId, urgency },
      (ticket) =>
        void navigate({
          to: '/portal/tickets/$ticketId',
          params: { ticketId: ticket.id },
          search: { created: ticket.number },
        }),
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="form"
      ref={form.formRef}
      onSubmit={form.handleSubmit(send)}
      noValidate
    >
      <Stack gap="md">
        <ErrorAlert error={error} title={t('portalForm.notSent')} fields={FORM_FIELDS} />
        <TicketTypeChoice value={type} onChange={setType} error={form.errorOf('type')} />
        {activeServices.length > 1 ? (
          <Select
            label={t('portalForm.serviceLabel')}
            description={t('portalForm.serviceHint')}
            placeholder={t('portalForm.servicePlaceholder')}
            data={activeServices.map((s) => ({ value: s.id, label: s.name }))}
            value={serviceId}
            onChange={(id) => {
              setServiceId(id);
              setCategoryId(null);
            }}
            clearable
            searchable
            error={form.errorOf('serviceId')}
          />
        ) : null}
        <CategorySelect
          label={t('portalForm.categoryLabel')}
          placeholder={t('portalForm.categoryPlaceholder')}
          serviceId={chosenService}
          value={categoryId}
          onChange={setCategoryId}
          error={form.errorOf('categoryId')}
        />
        <TextInput
          label={t('portalForm.subjectLabel')}
          placeholder={t('portalForm.subjectPlaceholder')}
          required
          maxLength={200}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={form.errorOf('subject')}
        />
        <ProcedureSuggestions subject={subject} serviceId={chosenService} categoryId={categoryId} />
        <Textarea
          label={t('portalForm.descriptionLabel')}
          description={t('portalForm.descriptionHint')}
          required
          autosize
          minRows={5}
          maxRows={20}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={form.errorOf('description')}
        />
        <Stack gap={6}>
          <Input.Label id="portal-urgency-label">{t('portalForm.urgencyLabel')}</Input.Label>
          <SegmentedControl
            aria-labelledby="portal-urgency-label"
            fullWidth
            orientation={narrow ? 'vertical' : 'horizontal'}
            value={urgency}
            onChange={(value) => setUrgency(value as Urgency)}
            data={(['low', 'medium', 'high'] as const).map((level) => ({
              value: level,
              label: t(`portalForm.urgency.${level}`),
            }))}
          />
          <Input.Description>{t(`portalForm.urgencyHint.${urgency}`)}</Input.Description>
        </Stack>
        <AttachmentPicker queue={queue} disabled={busy} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={busy}>
            {t('portalForm.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
