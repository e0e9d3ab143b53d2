import { Alert, Button, Paper, Group as Row, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteExplanationQuery } from '../../../../domain/contracts/support.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../../domain/tickets/ticket-types.js';
import { useServices } from '../../api/use-organizations.js';
import { useRouteExplanation } from '../../api/use-support.js';
import { CategorySelect } from '../../components/category-select.js';
import { LevelBadge } from '../../components/level-badge.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { QueryState } from '../../components/query-states.js';

/** The routing tester: a ticket described by its traits, and the group it would land in, with the reason. */
export function RouteExplainPanel() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [type, setType] = useState<TicketType>('incident');
  const [channel, setChannel] = useState<Channel>('phone');
  const [query, setQuery] = useState<RouteExplanationQuery | null>(null);
  const [missing, setMissing] = useState(false);
  const services = useServices(organizationId);
  const explanation = useRouteExplanation(query);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!organizationId);
    if (!organizationId) return;
    setQuery({
      organizationId,
      ...(serviceId ? { serviceId } : {}),
      ...(categoryId ? { categoryId } : {}),
      type,
      channel,
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('groupsAdmin.explain')}</Text>
          <Text size="sm" c="dimmed">
            {t('groupsAdmin.explainHint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <OrganizationSelect
            label={t('fields.organization')}
            required
            value={organizationId}
            onChange={(id) => {
              setOrganizationId(id);
              setServiceId(null);
              setCategoryId(null);
              setMissing(false);
            }}
            error={missing ? t('groupsAdmin.needOrganization') : undefined}
          />
          <Select
            label={t('tickets.fields.service')}
            placeholder={t('ticketPage.noService')}
            disabled={!organizationId}
            data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={serviceId}
            onChange={(id) => {
              setServiceId(id);
              setCategoryId(null);
            }}
            clearable
          />
          <CategorySelect
            label={t('tickets.fields.category')}
            placeholder={t('ticketPage.noCategory')}
            serviceId={serviceId}
            value={categoryId}
            onChange={setCategoryId}
            clearable
          />
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
          <Button type="submit" style={{ alignSelf: 'flex-end' }} variant="light">
            {t('groupsAdmin.explainSubmit')}
          </Button>
        </SimpleGrid>
        {!query ? null : (
          <QueryState query={explanation}>
            {(found) => (
              <Alert color={found.group ? 'teal' : 'yellow'} variant="light" role="status">
                {found.group ? (
                  <Row gap="xs">
                    <LevelBadge level={found.group.level} size="sm" />
                    <Text fw={600}>{t('groupsAdmin.explainResult', { group: found.group.name })}</Text>
                  </Row>
                ) : (
                  <Text fw={600}>{t('groupsAdmin.explainNone')}</Text>
                )}
                <Text size="sm" c="dimmed" mt={4}>
                  {found.reason}
                </Text>
              </Alert>
            )}
          </QueryState>
        )}
      </Stack>
    </Paper>
  );
}
