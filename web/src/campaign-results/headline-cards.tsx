import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults, ResultChange } from '../../../domain/contracts/campaign-results.js';
import { ChangeNote } from './change-note.js';
import { formatFigure, formatNps, formatPercent } from './format.js';

/** The three figures a reader looks at first, each with the n it stands on and its change. */
export function HeadlineCards({ results }: { results: CampaignResults }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { nps } = results;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0 }}>
      <HeadlineCard
        title={t('campaignResults.cards.overallIndex')}
        hint={t('campaignResults.cards.overallIndexHint')}
        figure={formatFigure(results.overall.index, locale)}
        n={results.overall.respondents}
        change={results.overallIndexChange}
      />
      <HeadlineCard
        title={t('campaignResults.cards.topTwoBox')}
        hint={t('campaignResults.cards.topTwoBoxHint')}
        figure={formatPercent(results.overall.topTwoBox, locale)}
        n={results.overall.respondents}
        change={results.overallTopTwoBoxChange}
      />
      {nps ? (
        <HeadlineCard
          title={t('campaignResults.cards.nps')}
          hint={t('campaignResults.cards.npsHint')}
          figure={formatNps(nps.nps, locale)}
          n={nps.n}
          change={results.previous ? nps.change : null}
        />
      ) : null}
    </SimpleGrid>
  );
}

function HeadlineCard({
  title,
  hint,
  figure,
  n,
  change,
}: {
  title: string;
  hint: string;
  figure: string;
  n: number;
  change: ResultChange | null;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text fz={36} fw={700} lh={1.1}>
          {figure}
        </Text>
        <Text size="xs" c="dimmed">
          {t('campaignResults.cards.n', { count: n })}
        </Text>
        <ChangeNote change={change} />
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Stack>
    </Paper>
  );
}
