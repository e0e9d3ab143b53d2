import { Badge, Button, Group as Row, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../domain/contracts/support.js';
import { useGroups } from '../../api/use-support.js';
import { StatusBadge } from '../../components/badges.js';
import { EditCell } from '../../components/edit-cell.js';
import { PlusIcon } from '../../components/icons.js';
import { LevelBadge } from '../../components/level-badge.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage } from '../../components/query-states.js';
import { QueryTable } from '../../components/query-table.js';
import { GroupEditModal } from './group-edit-modal.js';
import { RouteExplainPanel } from './route-explain-panel.js';
import { RoutingRulesPanel } from './routing-rules-panel.js';

/** Support groups (level, specialty, members, coverage) and the routing that feeds them. */
export function GroupsPage() {
  const { t } = useTranslation();
  const groups = useGroups();
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('groupsAdmin.title')}
        description={t('groupsAdmin.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
            {t('groupsAdmin.newGroup')}
          </Button>
        }
      />
      <Stack gap="xl">
        <QueryTable
          query={groups}
          label={t('groupsAdmin.tableLabel')}
          minWidth={820}
          head={
            <>
              <Table.Th>{t('groupsAdmin.name')}</Table.Th>
              <Table.Th w={70}>{t('groupsAdmin.level')}</Table.Th>
              <Table.Th>{t('groupsAdmin.members')}</Table.Th>
              <Table.Th w={130}>{t('groupsAdmin.assignment')}</Table.Th>
              <Table.Th w={100}>{t('fields.status')}</Table.Th>
              <Table.Th w={90} />
            </>
          }
          empty={<EmptyMessage title={t('groupsAdmin.empty')} />}
        >
          {(group) => (
            <Table.Tr key={group.id}>
              <Table.Td>
                <Row gap={6}>
                  <Text size="sm" fw={500}>
                    {group.name}
                  </Text>
                  {group.isDefault ? (
                    <Badge size="xs" variant="outline">
                      {t('groupsAdmin.defaultBadge')}
                    </Badge>
                  ) : null}
                </Row>
                <Text size="xs" c="dimmed">
                  {[group.specialty, group.lead?.name].filter(Boolean).join(' · ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <LevelBadge level={group.level} size="sm" />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="xs" lineClamp={2}>
                  {group.members
                    .map((m) => (m.presence === 'away' ? `${m.name} (${t('support.escalate.away')})` : m.name))
                    .join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>{t(`groupsAdmin.strategies.${group.assignment}`)}</Table.Td>
              <Table.Td>
                <StatusBadge status={group.status} />
              </Table.Td>
              <EditCell onEdit={() => setEditing(group)} />
            </Table.Tr>
          )}
        </QueryTable>
        <RoutingRulesPanel groups={groups.data ?? []} />
        <RouteExplainPanel />
      </Stack>
      {editing ? (
        <GroupEditModal
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          group={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
