import { Badge, Button, Paper, Group as Row, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, RoutingRule } from '../../../../domain/contracts/support.js';
import { useCategories } from '../../api/use-categories.js';
import { useServices } from '../../api/use-organizations.js';
import { useRoutingRules, useUpdateRoutingRule } from '../../api/use-support.js';
import { EditCell } from '../../components/edit-cell.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PlusIcon } from '../../components/icons.js';
import { GroupLabel } from '../../components/level-badge.js';
import { OrganizationName } from '../../components/organization-select.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RoutingRuleModal } from './routing-rule-modal.js';

/** The routing rules in the order they are tried; each can be edited or switched off. */
export function RoutingRulesPanel({ groups }: { groups: readonly Group[] }) {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const toggle = useUpdateRoutingRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const groupOf = (id: string) => groups.find((g) => g.id === id);
  const nextPosition = ((rules.data ?? []).at(-1)?.position ?? 0) + 10;
  return (
    <Stack gap="sm">
      <Row justify="space-between" align="flex-end">
        <div>
          <Text fw={600}>{t('groupsAdmin.rules')}</Text>
          <Text size="sm" c="dimmed">
            {t('groupsAdmin.rulesHint')}
          </Text>
        </div>
        <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {t('groupsAdmin.newRule')}
        </Button>
      </Row>
      <ErrorAlert error={toggle.error} />
      <QueryState query={rules} empty={<EmptyMessage title={t('groupsAdmin.noRules')} />}>
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing={6} fz="sm" aria-label={t('groupsAdmin.rulesLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('groupsAdmin.position')}</Table.Th>
                    <Table.Th>{t('groupsAdmin.ruleName')}</Table.Th>
                    <Table.Th>{t('groupsAdmin.conditions')}</Table.Th>
                    <Table.Th>{t('groupsAdmin.target')}</Table.Th>
                    <Table.Th w={110}>{t('groupsAdmin.ruleActive')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((rule) => {
                    const group = groupOf(rule.groupId);
                    return (
                      <Table.Tr key={rule.id} c={rule.active ? undefined : 'dimmed'}>
                        <Table.Td>{rule.position}</Table.Td>
                        <Table.Td>{rule.name}</Table.Td>
                        <Table.Td>
                          <RuleConditions rule={rule} />
                        </Table.Td>
                        <Table.Td>
                          <GroupLabel group={group ?? null} level={group?.level ?? null} size="xs" />
                        </Table.Td>
                        <Table.Td>
                          <Switch
                            size="xs"
                            aria-label={rule.active ? t('groupsAdmin.deactivate') : t('groupsAdmin.activate')}
                            checked={rule.active}
                            disabled={toggle.isPending}
                            onChange={(event) =>
                              toggle.mutate({ id: rule.id, version: rule.version, active: event.currentTarget.checked })
                            }
                          />
                        </Table.Td>
                        <EditCell onEdit={() => setEditing(rule)} />
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      {editing ? (
        <RoutingRuleModal
          rule={editing === 'new' ? null : editing}
          groups={groups}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

function RuleConditions({ rule }: { rule: RoutingRule }) {
  const { t } = useTranslation();
  const services = useServices(rule.serviceId ? rule.organizationId : null);
  const categories = useCategories(rule.serviceId, { includeInactive: true });
  const service = services.data?.find((s) => s.id === rule.serviceId)?.name;
  const category = categories.data?.find((c) => c.id === rule.categoryId)?.name;
  const any = !rule.organizationId && !rule.serviceId && !rule.categoryId && !rule.type && !rule.channel;
  if (any)
    return (
      <Text size="xs" c="dimmed">
        {t('groupsAdmin.anything')}
      </Text>
    );
  return (
    <Row gap={4}>
      {rule.organizationId ? (
        <Badge size="xs" variant="light" color="gray">
          <OrganizationName id={rule.organizationId} />
        </Badge>
      ) : null}
      {rule.serviceId ? (
        <Badge size="xs" variant="light" color="gray">
          {service ?? '…'}
        </Badge>
      ) : null}
      {rule.categoryId ? (
        <Badge size="xs" variant="light" color="gray">
          {category ?? '…'}
        </Badge>
      ) : null}
      {rule.type ? (
        <Badge size="xs" variant="light" color="gray">
          {t(`tickets.types.${rule.type}`)}
        </Badge>
      ) : null}
      {rule.channel ? (
        <Badge size="xs" variant="light" color="gray">
          {t(`tickets.channels.${rule.channel}`)}
        </Badge>
      ) : null}
    </Row>
  );
}
