import { Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/contracts/users.js';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { AttachmentPicker } from '../components/attachment-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ImpactUrgencyFields } from '../components/impact-urgency-fields.js';
import { OrganizationName } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { RouterAnchor } from '../components/router-link.js';
import { ServiceCategoryFields } from '../components/service-category-fields.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { useNewTicketSubmit } from '../components/use-new-ticket-submit.js';
import { UserSelect } from '../components/user-select.js';

const FORM_FIELDS = [
  'requesterId',
  'type',
  'channel',
  'serviceId',
  'categoryId',
  'subject',
  'description',
  'impact',
  'urgency',
  'tags',
  'attachmentIds',
];

/** A ticket raised by the desk for a requester: a phone call, a visit, a chat. */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { submit, busy, queue, createError, error } = useNewTicketSubmit();
  const [requester, setRequester] = useState<User | null>(null);
  const [type, setType] = useState<TicketType>('incident');
  const [channel, setChannel] = useState<Channel>('phone');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState<Impact>('medium');
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const [tags, setTags] = useState<string[]>([]);
  const form = useFormErrors({
    values: {
      requesterId: requester?.id ?? null,
      type,
      channel,
      serviceId,
      categoryId,
      subject,
      description,
      impact,
      urgency,
      tags,
    },
    validate: (draft): Record<string, string> => {
      const issues: Record<string, string> = {};
      if (!draft.requesterId) issues.requesterId = t('errors.fields.required');
      if (!draft.subject.trim()) issues.subject = t('errors.fields.required');
      if (!draft.description.trim()) issues.description = t('errors.fields.required');
      return issues;
    },
    serverError: createError,
  });

  const send = () => {
    if (busy || !requester) return;
    void submit(
      { requesterId: requester.id, type, channel, serviceId, categoryId, subject, description, impact, urgency, tags },
      (ticket) => void navigate({ to: '/workspace/tickets/$ticketId', params: { ticketId: ticket.id } }),
    );
  };

  return (
    <Stack gap="md" maw={860}>
      <PageHeader title={t('newTicket.title')} description={t('newTicket.description')} />
      <Paper
        withBorder
        radius="md"
        p="lg"
        component="form"
        ref={form.formRef}
        onSubmit={form.handleSubmit(send)}
        noValidate
      >
        <Stack>
          <ErrorAlert error={error} fields={FORM_FIELDS} />
          <UserSelect
            label={t('newTicket.requester')}
            description={t('newTicket.requesterHint')}
            placeholder={t('newTicket.requesterPlaceholder')}
            required
            roles={['requester']}
            value={requester?.id ?? null}
            selected={requester}
            onChange={(_, user) => {
              setRequester(user);
              setServiceId(null);
              setCategoryId(null);
            }}
            error={form.errorOf('requesterId')}
            data-autofocus
          />
          {requester ? (
            <Text size="sm" c="dimmed" mt={-8}>
              {requester.email} · <OrganizationName id={requester.organizationId} />
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('tickets.fields.type')}
              data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
              value={type}
              allowDeselect={false}
              onChange={(value) => value && setType(value as TicketType)}
            />
            <Select
              label={t('tickets.fields.channel')}
              data={CHANNELS.map((value) => ({ value, label: t(`tickets.channels.${value}`) }))}
              value={channel}
              allowDeselect={false}
              onChange={(value) => value && setChannel(value as Channel)}
            />
            <ServiceCategoryFields
              organizationId={requester?.organizationId}
              serviceId={serviceId}
              categoryId={categoryId}
              onServiceChange={setServiceId}
              onCategoryChange={setCategoryId}
              errors={{ serviceId: form.errorOf('serviceId'), categoryId: form.errorOf('categoryId') }}
            />
          </SimpleGrid>
          <TextInput
            label={t('tickets.fields.subject')}
            required
            maxLength={200}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={form.errorOf('subject')}
          />
          <Textarea
            label={t('tickets.fields.description')}
            required
            autosize
            minRows={5}
            maxRows={20}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={form.errorOf('description')}
          />
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpactChange={setImpact}
            onUrgencyChange={setUrgency}
            hint={t('newTicket.expectedPriorityHint')}
          />
          <TagsInput
            label={t('tickets.fields.tags')}
            placeholder={t('ticketPage.addTag')}
            value={tags}
            onChange={(next) => setTags([...new Set(next.map((tag) => tag.trim()).filter(Boolean))])}
            maxTags={20}
            splitChars={[',', ' ']}
            clearable
          />
          <AttachmentPicker queue={queue} disabled={busy} />
          <Group justify="flex-end">
            <RouterAnchor to="/workspace/tickets" size="sm">
              {t('common.cancel')}
            </RouterAnchor>
            <Button type="submit" loading={busy}>
              {t('newTicket.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
