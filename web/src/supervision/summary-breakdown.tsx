import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionSummary } from '../../../domain/contracts/supervision.js';
import { SUPPORT_LEVELS, type SupportLevel } from '../../../domain/support/support-levels.js';
import type { SupervisionSearch } from './supervision-search.js';

const DIMENSIONS = ['group', 'agent', 'organization', 'level'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Bucket = SupervisionSummary['byGroup'][number];

const BUCKETS: Record<Dimension, keyof Omit<SupervisionSummary, 'totals'>> = {
  group: 'byGroup',
  agent: 'byAgent',
  organization: 'byOrganization',
  level: 'byLevel',
};

const isLevel = (id: string | null): id is SupportLevel => (SUPPORT_LEVELS as readonly (string | null)[]).includes(id);

/** Which filter a bucket of each breakdown sets when picked. */
function filterFor(dimension: Dimension, id: string): Partial<SupervisionSearch> | null {
  if (dimension === 'group') return { groupId: id };
  if (dimension === 'agent') return { assigneeId: id };
  if (dimension === 'organization') return { organizationId: id };
  return isLevel(id) ? { level: id } : null;
}

/** Where the trouble is: at risk, breached and paused counts by group, agent, organization or level. */
export function SummaryBreakdown({
  summary,
  onFilter,
}: {
  summary: SupervisionSummary;
  onFilter: (patch: Partial<SupervisionSearch>) => void;
}) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('group');
  const buckets = summary[BUCKETS[dimension]];

  const nameOf = (bucket: Bucket) => {
    if (dimension === 'level' && isLevel(bucket.id)) return t(`support.levelNames.${bucket.id}`);
    if (bucket.id !== null) return bucket.name ?? bucket.id;
    if (dimension === 'agent') return t('supervision.breakdown.unassigned');
    return dimension === 'level' ? t('supervision.breakdown.noLevel') : t('supervision.breakdown.noGroup');
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="supervision-breakdown">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5" id="supervision-breakdown">
          {t('supervision.breakdown.title')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('supervision.breakdown.by.label')}
          value={dimension}
          onChange={(value) => setDimension(value as Dimension)}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`supervision.breakdown.by.${d}`) }))}
        />
      </Group>
      {buckets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('supervision.breakdown.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table fz="sm" verticalSpacing={4} horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervision.breakdown.name')}</Table.Th>
                <Table.Th ta="right" w="1%" style={{ whiteSpace: 'nowrap' }}>
                  {t('supervision.views.at_risk')}
                </Table.Th>
                <Table.Th ta="right" w="1%" style={{ whiteSpace: 'nowrap' }}>
                  {t('supervision.views.breached')}
                </Table.Th>
                <Table.Th ta="right" w="1%" style={{ whiteSpace: 'nowrap' }}>
                  {t('supervision.views.paused')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {buckets.map((bucket) => {
                const name = nameOf(bucket);
                const patch = bucket.id === null ? null : filterFor(dimension, bucket.id);
                return (
                  <Table.Tr key={bucket.id ?? 'none'}>
                    <Table.Td maw={240}>
                      {patch ? (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => onFilter(patch)}
                          title={t('supervision.breakdown.filterBy', { name })}
                          style={{ textAlign: 'start' }}
                        >
                          {name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {name}
                        </Text>
                      )}
                    </Table.Td>
                    <CountCell value={bucket.atRisk} color="orange" />
                    <CountCell value={bucket.breached} color="red" />
                    <CountCell value={bucket.paused} color="gray" />
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function CountCell({ value, color }: { value: number; color: string }) {
  return (
    <Table.Td ta="right">
      {value > 0 ? (
        <Badge variant="light" color={color} size="sm">
          {value}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          0
        </Text>
      )}
    </Table.Td>
  );
}
