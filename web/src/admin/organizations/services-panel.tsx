import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../domain/contracts/organizations.js';
import { isApiError } from '../../api/client.js';
import { useCreateService, useServices, useUpdateService } from '../../api/use-organizations.js';
import { StatusBadge } from '../../components/badges.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { ServiceEditModal } from './service-edit-modal.js';

/** The services an organization has contracted: add, rename, deactivate. */
export function ServicesPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const services = useServices(organizationId);
  const update = useUpdateService();
  const [editing, setEditing] = useState<Service | null>(null);
  const [conflict, setConflict] = useState(false);

  // Someone else changed a service meanwhile: show their version, and say so.
  const handleConflict = () => {
    setConflict(true);
    void services.refetch();
  };

  const toggle = (service: Service) => {
    setConflict(false);
    update.mutate(
      { id: service.id, version: service.version, status: service.status === 'active' ? 'inactive' : 'active' },
      { onError: (error) => isApiError(error) && error.code === 'version_conflict' && handleConflict() },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('services.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('services.description')}
          </Text>
        </div>
        {conflict ? (
          <Alert
            color="yellow"
            variant="light"
            title={t('conflict.title')}
            withCloseButton
            onClose={() => setConflict(false)}
          >
            {t('conflict.service')}
          </Alert>
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <QueryState
          query={services}
          empty={<EmptyMessage title={t('services.empty')} description={t('services.emptyHint')} />}
        >
          {(list) => (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.description')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((service) => (
                    <Table.Tr key={service.id}>
                      <Table.Td fw={500}>{service.name}</Table.Td>
                      <Table.Td c="dimmed">{service.description || '—'}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={service.status} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => {
                              setConflict(false);
                              setEditing(service);
                            }}
                          >
                            {t('services.rename')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={service.status === 'active' ? 'red' : 'teal'}
                            loading={update.isPending && update.variables?.id === service.id}
                            onClick={() => toggle(service)}
                          >
                            {service.status === 'active' ? t('services.deactivate') : t('services.activate')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <AddServiceForm organizationId={organizationId} />
      </Stack>
      <ServiceEditModal service={editing} onClose={() => setEditing(null)} onConflict={handleConflict} />
    </Paper>
  );
}

function AddServiceForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const create = useCreateService(organizationId);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [missingName, setMissingName] = useState(false);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingName(!name.trim());
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), description: description.trim() },
      {
        onSuccess: () => {
          setName('');
          setDescription('');
        },
      },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('services.add')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('services.add')}
        </Text>
        <ErrorAlert error={create.error} fields={['name', 'description']} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('services.newName')}
            placeholder={t('services.newName')}
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.currentTarget.value)}
            error={missingName ? t('errors.fields.required') : field(create.error, 'name')}
            style={{ flex: '1 1 12rem' }}
          />
          <TextInput
            aria-label={t('fields.description')}
            placeholder={t('services.newDescription')}
            value={description}
            maxLength={2000}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={field(create.error, 'description')}
            style={{ flex: '2 1 16rem' }}
          />
          <Button type="submit" variant="light" loading={create.isPending}>
            {t('services.addButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
