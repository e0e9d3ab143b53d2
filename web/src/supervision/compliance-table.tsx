import { Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../../domain/contracts/supervision.js';
import { useCompliance } from '../api/use-supervision.js';
import { QueryState } from '../components/query-states.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { monthOptions } from './month-options.js';
import { currentMonth } from './supervision-search.js';

type Outcome = Compliance['items'][number]['firstResponse'];

/**
 * The share of first-response and resolution targets met per organization in a month, and problem
 * reports apart: per priority, those resolved in the month and the share resolved in time.
 */
export function ComplianceCard({ month, onMonthChange }: { month: string; onMonthChange: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const compliance = useCompliance(month);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="supervision-compliance">
      <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 12rem' }}>
          <Title order={3} size="h5" id="supervision-compliance">
            {t('supervision.compliance.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('supervision.compliance.hint')}
          </Text>
        </Stack>
        <Select
          size="xs"
          w={190}
          aria-label={t('supervision.compliance.month')}
          data={monthOptions(currentMonth(), i18n.language)}
          value={month}
          allowDeselect={false}
          onChange={(value) => value && onMonthChange(value)}
        />
      </Group>
      <QueryState query={compliance}>
        {(report) => (
          <>
            {report.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('supervision.compliance.empty')}
              </Text>
            ) : (
              <OrganizationTable items={report.items} />
            )}
            <ProblemCompliance rows={report.problems} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}

function OrganizationTable({ items }: { items: Compliance['items'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('supervision.compliance.organization')}</Table.Th>
            <Table.Th w="32%">{t('supervision.compliance.firstResponse')}</Table.Th>
            <Table.Th w="32%">{t('supervision.compliance.resolution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.organization.id}>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {item.organization.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <OutcomeCell outcome={item.firstResponse} />
              </Table.Td>
              <Table.Td>
                <OutcomeCell outcome={item.resolution} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Problem reports, a block of their own: one line per priority. */
function ProblemCompliance({ rows }: { rows: Compliance['problems'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt="md" component="section" aria-labelledby="supervision-compliance-problems">
      <Title order={4} size="h6" id="supervision-compliance-problems">
        {t('supervision.compliance.problems.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('supervision.compliance.problems.hint')}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supervision.compliance.problems.priority')}</Table.Th>
              <Table.Th w="20%">{t('supervision.compliance.problems.resolved')}</Table.Th>
              <Table.Th w="44%">{t('supervision.compliance.problems.resolution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.priority}>
                <Table.Td>
                  <PriorityBadge priority={row.priority} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.resolved}</Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeCell outcome={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function OutcomeCell({ outcome }: { outcome: Outcome }) {
  const { t, i18n } = useTranslation();
  if (outcome.percent === null)
    return (
      <Text size="xs" c="dimmed">
        {t('supervision.compliance.nothing')}
      </Text>
    );
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
    outcome.percent / 100,
  );
  // The figures come without the agreement's KPI target: these bands only help the eye.
  const color = outcome.percent >= 95 ? 'teal' : outcome.percent >= 80 ? 'orange' : 'red';
  return (
    <Stack gap={2}>
      <Group gap={4} justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {percent}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('supervision.compliance.counts', { met: outcome.met, total: outcome.met + outcome.breached })}
        </Text>
      </Group>
      <Progress value={outcome.percent} color={color} size="sm" aria-hidden />
    </Stack>
  );
}
