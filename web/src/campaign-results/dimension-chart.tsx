import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DimensionResult } from '../../../domain/contracts/campaign-results.js';
import { ChangeNote } from './change-note.js';
import { formatFigure, formatPercent } from './format.js';
import { TableScroll } from './table-scroll.js';

interface Bar {
  dimension: string;
  index: number;
  n: number;
}

/**
 * The index of each dimension (0–100) as bars, with n in the tooltip. The bars are one image with
 * a spoken summary; the table below carries every figure, so nothing lives only in the picture.
 */
export function DimensionChart({ dimensions, withChanges }: { dimensions: DimensionResult[]; withChanges: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const name = (d: DimensionResult) => t(`campaignResults.dimensions.names.${d.dimension}`);
  const bars: Bar[] = dimensions
    .filter((d) => d.index !== null)
    .map((d) => ({ dimension: name(d), index: Math.round(d.index ?? 0), n: d.respondents }));
  const summary = t('campaignResults.dimensions.chartSummary', {
    list: bars.map((b) => `${b.dimension} ${formatFigure(b.index, locale)}`).join(', '),
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="results-dimensions">
      <Title order={3} size="h4" id="results-dimensions" mb="sm">
        {t('campaignResults.dimensions.title')}
      </Title>
      {bars.length > 0 ? (
        <Box role="img" aria-label={summary} mb="md">
          <BarChart
            h={Math.max(160, bars.length * 44)}
            data={bars}
            dataKey="dimension"
            orientation="vertical"
            series={[{ name: 'index', color: 'indigo.7', label: t('campaignResults.dimensions.index') }]}
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 150 }}
            gridAxis="x"
            withBarValueLabel
            valueFormatter={(value) => formatFigure(value, locale)}
            tooltipProps={{ content: ({ payload }) => <BarTooltip bar={payload?.[0]?.payload as Bar | undefined} /> }}
          />
        </Box>
      ) : null}
      <TableScroll minWidth={480} label={t('campaignResults.dimensions.title')}>
        <Table striped fz="sm" horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('campaignResults.dimensions.dimension')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('campaignResults.dimensions.index')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('campaignResults.dimensions.topTwoBox')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('campaignResults.dimensions.n')}
              </Table.Th>
              {withChanges ? <Table.Th scope="col">{t('campaignResults.dimensions.change')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dimensions.map((d) => (
              <Table.Tr key={d.dimension}>
                <Table.Th scope="row" fw={500}>
                  {name(d)}
                </Table.Th>
                <Table.Td ta="right">{formatFigure(d.index, locale)}</Table.Td>
                <Table.Td ta="right">{formatPercent(d.topTwoBox, locale)}</Table.Td>
                <Table.Td ta="right">{d.respondents}</Table.Td>
                {withChanges ? (
                  <Table.Td>
                    <ChangeNote change={d.indexChange} size="xs" />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function BarTooltip({ bar }: { bar: Bar | undefined }) {
  const { t, i18n } = useTranslation();
  if (!bar) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Text size="sm" fw={600}>
        {bar.dimension}
      </Text>
      <Text size="sm">
        {t('campaignResults.dimensions.index')}: {formatFigure(bar.index, i18n.language)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('campaignResults.cards.n', { count: bar.n })}
      </Text>
    </Paper>
  );
}
