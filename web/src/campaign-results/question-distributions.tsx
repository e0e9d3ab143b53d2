import { Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NpsResult, QuestionResult } from '../../../domain/contracts/campaign-results.js';
import { formatFigure, formatPercent, inLanguage, shareOf } from './format.js';
import { TableScroll } from './table-scroll.js';

type ValueCount = QuestionResult['distribution'][number];

/** Every question with how its answers spread: bars per value, the NPS split, a matrix's items. */
export function QuestionDistributions({
  questions,
  nps,
  withPrevious,
}: {
  questions: QuestionResult[];
  nps: NpsResult | null;
  withPrevious: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="results-questions">
      <Title order={3} size="h4" id="results-questions" mb="sm">
        {t('campaignResults.questions.title')}
      </Title>
      <Stack gap="lg" component="ol" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
        {questions.map((q) => (
          <li key={q.questionId}>
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{inLanguage(q.text, i18n.language)}</Text>
                <Text size="sm" c="dimmed">
                  {t('campaignResults.questions.n', { count: q.n })}
                </Text>
                {withPrevious && !q.shared ? (
                  <Badge variant="light" color="gray" size="sm">
                    {t('campaignResults.questions.notShared')}
                  </Badge>
                ) : null}
              </Group>
              <QuestionBody question={q} nps={nps?.questionId === q.questionId ? nps : null} />
            </Stack>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

function QuestionBody({ question, nps }: { question: QuestionResult; nps: NpsResult | null }) {
  const { t } = useTranslation();
  if (question.kind === 'text') {
    return (
      <Text size="sm" c="dimmed">
        {t('campaignResults.questions.textSeeThemes')}
      </Text>
    );
  }
  if (question.kind === 'matrix') return <MatrixItems question={question} />;
  return (
    <>
      {question.kind === 'nps' && nps ? <NpsSplit nps={nps} /> : null}
      <DistributionBars distribution={question.distribution} total={question.n} />
    </>
  );
}

/**
 * One row per value: its count and its share of the question's answers, as a bar and as a figure.
 * A number sits beside its bar; a worded choice ("Not applicable" included) goes above it, so a
 * phone shows the whole wording instead of cutting it.
 */
function DistributionBars({ distribution, total }: { distribution: ValueCount[]; total: number }) {
  const { t, i18n } = useTranslation();
  const wordOf = (v: ValueCount) =>
    v.label
      ? inLanguage(v.label, i18n.language)
      : v.value === 'na'
        ? t('campaignResults.questions.notApplicable')
        : null;
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {distribution.map((v) => {
        const share = shareOf(v.count, total);
        const word = wordOf(v);
        const figure = `${v.count} · ${formatPercent(share, i18n.language)}`;
        const bar = (
          <Group gap="sm" wrap="nowrap">
            {word === null ? (
              <Text size="sm" w="2rem" ta="right" aria-hidden>
                {v.value}
              </Text>
            ) : null}
            <Progress
              value={share}
              color="indigo.7"
              style={{ flex: 1 }}
              aria-label={`${word ?? v.value}: ${v.count} (${formatPercent(share, i18n.language)})`}
            />
            <Text size="sm" w="5.5rem" ta="right" aria-hidden style={{ whiteSpace: 'nowrap' }}>
              {figure}
            </Text>
          </Group>
        );
        return (
          <li key={v.value}>
            {word === null ? (
              bar
            ) : (
              <>
                <Text size="sm" aria-hidden>
                  {word}
                </Text>
                {bar}
              </>
            )}
          </li>
        );
      })}
    </Stack>
  );
}

/** Detractors, passives and promoters side by side in one bar, with the counts written out. */
function NpsSplit({ nps }: { nps: NpsResult }) {
  const { t, i18n } = useTranslation();
  const parts = [
    { key: 'detractors', count: nps.detractors, color: 'red.8' },
    { key: 'passives', count: nps.passives, color: 'gray.6' },
    { key: 'promoters', count: nps.promoters, color: 'teal.8' },
  ] as const;
  const percent = (count: number) => formatPercent(shareOf(count, nps.n), i18n.language);
  return (
    <Stack gap={4}>
      <Progress.Root size="xl">
        {parts.map((p) => (
          <Progress.Section
            key={p.key}
            value={shareOf(p.count, nps.n)}
            color={p.color}
            aria-label={`${t(`campaignResults.questions.${p.key}`)}: ${percent(p.count)}`}
          />
        ))}
      </Progress.Root>
      <Group gap="md" wrap="wrap">
        {parts.map((p) => (
          <Text key={p.key} size="xs">
            {t(`campaignResults.questions.${p.key}`)}: {p.count} ({percent(p.count)})
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

function MatrixItems({ question }: { question: QuestionResult }) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll minWidth={320} label={inLanguage(question.text, i18n.language)}>
      <Table fz="sm" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaignResults.questions.item')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaignResults.questions.index')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaignResults.dimensions.topTwoBox')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaignResults.dimensions.n')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {question.items.map((item) => (
            <Table.Tr key={item.itemId}>
              <Table.Th scope="row" fw={400}>
                {inLanguage(item.label, i18n.language)}
              </Table.Th>
              <Table.Td ta="right">{formatFigure(item.index, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatPercent(item.topTwoBox, i18n.language)}</Table.Td>
              <Table.Td ta="right">{item.respondents}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
