import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../domain/contracts/organizations.js';
import { useServices } from '../api/use-organizations.js';
import { StatusBadge } from '../components/badges.js';
import { OrganizationHeading } from '../components/organization-heading.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';

export function OrganizationServices({ organization, canManage }: { organization: Organization; canManage: boolean }) {
  const { t } = useTranslation();
  const services = useServices(organization.id);
  const panel = useRef<HTMLDivElement>(null);
  // On a phone the panel sits below the list: bring it into view when another organization is picked.
  useEffect(() => {
    if (organization.id) panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [organization.id]);
  return (
    <Paper withBorder radius="md" p="lg" ref={panel}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <OrganizationHeading organization={organization} order={3} />
          {canManage ? (
            <RouterAnchor
              to="/admin/organizations/$organizationId"
              params={{ organizationId: organization.id }}
              size="sm"
            >
              {t('directory.edit')}
            </RouterAnchor>
          ) : null}
        </Group>
        <Text fw={600}>{t('services.title')}</Text>
        <QueryState query={services} empty={<EmptyMessage title={t('services.empty')} />}>
          {(list) => (
            <Table.ScrollContainer minWidth={360}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.description')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
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
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
