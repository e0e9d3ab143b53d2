import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Drawer,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreatedWebhook,
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookDelivery,
  type WebhookEventName,
} from '../../../../domain/contracts/webhooks.js';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhooks,
} from '../../api/use-webhooks.js';
import { ConfirmModal, useConfirmedDelete } from '../../components/confirm-modal.js';
import { DateTime } from '../../components/date-time.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { useFormErrors } from '../../components/use-form-errors.js';

const STATUS_COLORS: Record<WebhookDelivery['status'], string> = {
  pending: 'yellow',
  sending: 'blue',
  delivered: 'teal',
  failed: 'red',
};

/** Administración → Webhooks: the endpoints, a new one (its secret shown once), each one's deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const deletion = useConfirmedDelete<Webhook>(useDeleteWebhook());

  return (
    <Stack>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('webhooks.create')}</Button>}
      />
      <QueryState
        query={webhooks}
        empty={<EmptyMessage title={t('webhooks.empty')} description={t('webhooks.emptyHint')} />}
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" aria-label={t('webhooks.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('webhooks.url')}</Table.Th>
                    <Table.Th>{t('webhooks.events')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((webhook) => (
                    <Table.Tr key={webhook.id}>
                      <Table.Td ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
                        {webhook.url}
                        {webhook.description ? (
                          <Text size="xs" c="dimmed">
                            {webhook.description}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {webhook.events.map((event) => t(`webhooks.eventNames.${event}`)).join(', ')}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={webhook.active ? 'teal' : 'gray'}>
                          {webhook.active ? t('webhooks.active') : t('webhooks.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Button size="compact-sm" variant="subtle" onClick={() => setViewing(webhook)}>
                          {t('webhooks.deliveries')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={webhook.active ? 'red' : 'teal'}
                          loading={update.isPending && update.variables?.id === webhook.id}
                          onClick={() => update.mutate({ id: webhook.id, body: { active: !webhook.active } })}
                        >
                          {webhook.active ? t('webhooks.deactivate') : t('webhooks.activate')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('webhooks.deleteOne', { url: webhook.url })}
                          onClick={() => deletion.ask(webhook)}
                        >
                          {t('webhooks.delete')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <ConfirmModal
        {...deletion.modal}
        title={t('webhooks.deleteTitle')}
        message={t('webhooks.deleteMessage', { url: deletion.target?.url ?? '' })}
        confirmLabel={t('webhooks.delete')}
      />
      <ErrorAlert error={update.error} />
      <CreateWebhookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
      <DeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}

function CreateWebhookModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventName[]>(['ticket.created']);
  const form = useFormErrors({ values: { url, description, events }, serverError: create.error });

  const close = () => {
    create.reset();
    onClose();
  };
  const send = () =>
    create.mutate(
      { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) },
      {
        onSuccess: (result) => {
          setUrl('');
          setDescription('');
          onCreated(result);
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title={t('webhooks.createTitle')} size="lg" centered>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack>
          <ErrorAlert error={create.error} fields={['url', 'events', 'description']} />
          <TextInput
            label={t('webhooks.url')}
            placeholder="https://"
            required
            maxLength={2000}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={form.errorOf('url')}
          />
          <TextInput
            label={t('webhooks.descriptionField')}
            maxLength={200}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={form.errorOf('description')}
          />
          <Checkbox.Group
            label={t('webhooks.events')}
            value={events}
            onChange={(value) => setEvents(value as WebhookEventName[])}
            error={form.errorOf('events')}
          >
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENTS.map((event) => (
                <Checkbox key={event} value={event} label={t(`webhooks.eventNames.${event}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ModalFooter
            submitLabel={t('webhooks.create')}
            onCancel={close}
            loading={create.isPending}
            disabled={events.length === 0 || !url.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** The endpoint's secret, shown this once. */
function SecretModal({ created, onClose }: { created: CreatedWebhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('webhooks.secretTitle')}
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      <Stack>
        <Alert color="yellow" variant="light">
          {t('webhooks.secretOnce')}
        </Alert>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="webhook-secret">
          {created?.secret ?? ''}
        </Code>
        <ModalFooter submitLabel={t('common.done')} onCancel={onClose} onConfirm={onClose} />
      </Stack>
    </Modal>
  );
}

function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveries(webhook?.id ?? null);
  return (
    <Drawer
      opened={webhook !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('webhooks.deliveriesTitle', { url: webhook?.url ?? '' })}
    >
      <QueryState query={deliveries} empty={<EmptyMessage title={t('webhooks.noDeliveries')} />}>
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.columns.created')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.event')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.status')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.attempts')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.response')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.lastError')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td fz="sm">
                      <DateTime value={delivery.createdAt} />
                    </Table.Td>
                    <Table.Td fz="sm">{t(`webhooks.eventNames.${delivery.event}`)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={STATUS_COLORS[delivery.status]}>
                        {t(`webhooks.statuses.${delivery.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{delivery.attempts}</Table.Td>
                    <Table.Td fz="sm">{delivery.responseStatus ?? '—'}</Table.Td>
                    <Table.Td fz="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {delivery.lastError ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Drawer>
  );
}
