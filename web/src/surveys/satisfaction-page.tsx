import { Button, Group, Menu, Paper, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_DIMENSIONS, type SatisfactionFigures } from '../../../domain/contracts/surveys.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useAgreements } from '../api/use-agreements.js';
import { useCurrentUser } from '../api/use-session.js';
import { useSatisfactionFigures } from '../api/use-surveys.js';
import { OrganizationSelect } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { monthOptions } from '../supervision/month-options.js';
import { currentMonth } from '../supervision/supervision-search.js';

type Dimension = (typeof SATISFACTION_DIMENSIONS)[number];
type Row = SatisfactionFigures['items'][number];
type Figures = SatisfactionFigures['total'];

const CHANNELS = ['phone', 'email', 'portal', 'chat', 'walk_in', 'api'] as const;

/**
 * Satisfaction after tickets in a month, by agent, group, organization, service or channel: n
 * beside every figure, the mean, the index ((mean − 1) / 4 × 100) as a bar, the top-2-box and the
 * low ratings, with the month's total and the response rate.
 */
export function SatisfactionPage() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(currentMonth());
  const [by, setBy] = useState<Dimension>('agent');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  // The month the viewer picks is their own month, not UTC's.
  const zone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const figures = useSatisfactionFigures({ by, month, organizationId: organizationId ?? undefined, zone });
  return (
    <>
      <PageHeader
        title={t('surveys.figures.title')}
        description={t('surveys.figures.description')}
        actions={<AgreementSurveysMenu />}
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('surveys.figures.month')}
            w={200}
            data={monthOptions(currentMonth(), i18n.language)}
            value={month}
            allowDeselect={false}
            onChange={(value) => value && setMonth(value)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="satisfaction-by">
              {t('surveys.figures.by')}
            </Text>
            <SegmentedControl
              aria-labelledby="satisfaction-by"
              value={by}
              onChange={(value) => setBy(value as Dimension)}
              data={SATISFACTION_DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.figures.dimensions.${d}`) }))}
            />
          </Stack>
          <OrganizationSelect
            label={t('fields.organization')}
            placeholder={t('surveys.figures.anyOrganization')}
            value={organizationId}
            onChange={setOrganizationId}
            includeInactive
            clearable
            w={280}
          />
        </Group>
        <QueryState query={figures}>{(report) => <FiguresTable report={report} by={by} />}</QueryState>
      </Stack>
    </>
  );
}

function FiguresTable({ report, by }: { report: SatisfactionFigures; by: Dimension }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rate = report.sent === 0 ? null : (100 * report.total.answered) / report.sent;
  const nameOf = (row: Row) => {
    if (row.key === null) return t(`surveys.figures.none.${by}`);
    if (by === 'channel' && (CHANNELS as readonly string[]).includes(row.key))
      return t(`tickets.channels.${row.key as (typeof CHANNELS)[number]}`);
    return row.name;
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('surveys.figures.totalTitle')}>
        <Group gap="xl" wrap="wrap">
          <Stat label={t('surveys.figures.answered')} value={String(report.total.answered)} />
          <Stat label={t('surveys.figures.sent')} value={String(report.sent)} />
          <Stat
            label={t('surveys.figures.responseRate')}
            value={rate === null ? '—' : `${percent.format(rate)} %`}
            hint={t('surveys.figures.ofSent', { answered: report.total.answered, sent: report.sent })}
          />
          <Stat
            label={t('surveys.figures.mean')}
            value={report.total.mean === null ? '—' : decimal.format(report.total.mean)}
            hint={t('surveys.figures.n', { n: report.total.answered })}
          />
          <Stat
            label={t('surveys.figures.index')}
            value={report.total.index === null ? '—' : percent.format(report.total.index)}
            hint={t('surveys.figures.n', { n: report.total.answered })}
          />
          <Stat
            label={t('surveys.figures.topTwoBox')}
            value={report.total.topTwoBox === null ? '—' : `${percent.format(report.total.topTwoBox)} %`}
            hint={t('surveys.figures.n', { n: report.total.answered })}
          />
          <Stat label={t('surveys.figures.low')} value={String(report.total.low)} />
        </Group>
      </Paper>
      {report.items.length === 0 ? (
        <EmptyMessage title={t('surveys.figures.empty')} description={t('surveys.figures.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('surveys.figures.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`surveys.figures.dimensions.${by}`)}</Table.Th>
                <Table.Th ta="right">{t('surveys.figures.nColumn')}</Table.Th>
                <Table.Th ta="right">{t('surveys.figures.mean')}</Table.Th>
                <Table.Th w={220}>{t('surveys.figures.index')}</Table.Th>
                <Table.Th ta="right">{t('surveys.figures.topTwoBox')}</Table.Th>
                <Table.Th ta="right">{t('surveys.figures.low')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.items.map((row) => (
                <FiguresRow key={row.key ?? '-'} name={nameOf(row)} row={row} percent={percent} decimal={decimal} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function FiguresRow({
  name,
  row,
  percent,
  decimal,
}: {
  name: string;
  row: Figures;
  percent: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
}) {
  const { t } = useTranslation();
  const n = t('surveys.figures.n', { n: row.answered });
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td ta="right">{row.answered}</Table.Td>
      <Table.Td ta="right">{row.mean === null ? '—' : decimal.format(row.mean)}</Table.Td>
      <Table.Td>
        {row.index === null ? (
          '—'
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={row.index}
              color={row.index >= 75 ? 'teal' : row.index >= 50 ? 'yellow' : 'red'}
              style={{ flex: 1 }}
              aria-label={t('surveys.figures.indexOf', { name })}
            />
            <Text size="sm" w={72} ta="right">
              {percent.format(row.index)}{' '}
              <Text span size="xs" c="dimmed">
                ({n})
              </Text>
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td ta="right">{row.topTwoBox === null ? '—' : `${percent.format(row.topTwoBox)} %`}</Table.Td>
      <Table.Td ta="right">{row.low}</Table.Td>
    </Table.Tr>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Where whoever runs the surveys (an analyst has no agreements page) opens an agreement's survey. */
function AgreementSurveysMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canManage = rolesGrant(me.roles, 'surveys.manage');
  const agreements = useAgreements(null);
  if (!canManage) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" loading={agreements.isPending}>
          {t('surveys.figures.agreementSurveys')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        {(agreements.data ?? []).length === 0 ? (
          <Menu.Label>{t('surveys.figures.noAgreements')}</Menu.Label>
        ) : (
          (agreements.data ?? []).map((agreement) => (
            <Menu.Item
              key={agreement.id}
              onClick={() =>
                navigate({ to: '/admin/agreements/$agreementId/survey', params: { agreementId: agreement.id } })
              }
            >
              {agreement.name}
            </Menu.Item>
          ))
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
