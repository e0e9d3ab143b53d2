import { Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../domain/contracts/campaign-results.js';
import { groupCells, groupName } from './format.js';
import { TableScroll } from './table-scroll.js';

/**
 * The figures per role, language or service. A group under the minimum size keeps its row (so
 * the reader knows it exists) but its figures are replaced by the reason they are withheld.
 */
export function BreakdownTable({ breakdowns, minGroupSize }: { breakdowns: Breakdown[]; minGroupSize: number }) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState(breakdowns[0]?.by ?? 'role');
  const shown = breakdowns.find((b) => b.by === by) ?? breakdowns[0];
  if (!shown) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="results-breakdowns">
      <Title order={3} size="h4" id="results-breakdowns" mb="sm">
        {t('campaignResults.breakdowns.title')}
      </Title>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="results-breakdown-by">
            {t('campaignResults.breakdowns.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="results-breakdown-by"
            value={shown.by}
            onChange={(value) => setBy(value as Breakdown['by'])}
            data={breakdowns.map((b) => ({ value: b.by, label: t(`campaignResults.breakdowns.fields.${b.by}`) }))}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        {shown.groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaignResults.breakdowns.none')}
          </Text>
        ) : (
          <TableScroll minWidth={280} label={t(`campaignResults.breakdowns.fields.${shown.by}`)}>
            <Table striped fz="sm" horizontalSpacing="xs" layout="fixed" aria-labelledby="results-breakdowns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="32%">
                    {t(`campaignResults.breakdowns.fields.${shown.by}`)}
                  </Table.Th>
                  <Table.Th scope="col" ta="right" aria-label={t('campaignResults.breakdowns.respondents')}>
                    {t('campaignResults.dimensions.n')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaignResults.dimensions.index')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaignResults.dimensions.topTwoBox')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('campaignResults.cards.nps')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.groups.map((group) => {
                  const cells = groupCells(group, minGroupSize, t, i18n.language);
                  return (
                    <Table.Tr key={group.key} data-suppressed={cells.suppressed || undefined}>
                      <Table.Th scope="row" fw={500}>
                        {groupName(shown.by, group, t)}
                      </Table.Th>
                      <Table.Td ta="right">{cells.suppressed ? '—' : group.respondents}</Table.Td>
                      {cells.suppressed ? (
                        <Table.Td colSpan={3}>
                          <Text size="sm" c="dimmed" fs="italic">
                            {cells.text}
                          </Text>
                        </Table.Td>
                      ) : (
                        <>
                          <Table.Td ta="right">{cells.index}</Table.Td>
                          <Table.Td ta="right">{cells.topTwoBox}</Table.Td>
                          <Table.Td ta="right">{cells.nps}</Table.Td>
                        </>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Paper>
  );
}
