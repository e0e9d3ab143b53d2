import { Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults } from '../../../domain/contracts/campaign-results.js';
import { isApiError } from '../api/client.js';
import { useCampaignResults } from '../api/use-campaign-results.js';
import { EmptyMessage, ErrorState, LoadingState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { BreakdownTable } from './breakdown-table.js';
import { DimensionChart } from './dimension-chart.js';
import { HeadlineCards } from './headline-cards.js';
import { QuestionDistributions } from './question-distributions.js';
import { PreviousNote, ResultsHeader } from './results-header.js';
import { TextThemesList } from './text-themes-list.js';

/** The desk's view of any campaign's results (the campaign's own page links here). */
export function DeskCampaignResultsPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  return (
    <CampaignResultsScreen
      campaignId={campaignId}
      back={
        <RouterAnchor to="/workspace/campaigns/$campaignId" params={{ campaignId }} size="sm">
          {t('campaignResults.backDesk')}
        </RouterAnchor>
      }
    />
  );
}

/** A client manager's view: the API answers only for their organization's campaigns. */
export function PortalCampaignResultsPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  return (
    <CampaignResultsScreen
      campaignId={campaignId}
      back={
        <RouterAnchor to="/portal/surveys/results" size="sm">
          {t('campaignResults.backPortal')}
        </RouterAnchor>
      }
    />
  );
}

/** Loading, not found (another organization's campaign reads as not found), error, or the dashboard. */
function CampaignResultsScreen({ campaignId, back }: { campaignId: string; back: ReactNode }) {
  const { t } = useTranslation();
  const query = useCampaignResults(campaignId);
  let body: ReactNode;
  if (query.isError) {
    body =
      isApiError(query.error) && (query.error.status === 404 || query.error.status === 403) ? (
        <EmptyMessage title={t('campaignResults.notFound')} description={t('campaignResults.notFoundHint')} />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      );
  } else if (!query.data) {
    body = <LoadingState />;
  } else {
    body = <CampaignResultsView results={query.data} />;
  }
  return (
    <Stack gap="lg">
      {body}
      {back}
    </Stack>
  );
}

/** The whole dashboard for one campaign's results; with no responses yet, the header and why it is empty. */
export function CampaignResultsView({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  if (results.respondents === 0) {
    return (
      <Stack gap="lg">
        <ResultsHeader results={results} />
        <EmptyMessage title={t('campaignResults.empty')} description={t('campaignResults.emptyHint')} />
      </Stack>
    );
  }
  const withPrevious = results.previous !== null;
  return (
    <Stack gap="lg">
      <ResultsHeader results={results} />
      <section aria-label={t('campaignResults.cards.title')}>
        <HeadlineCards results={results} />
      </section>
      <PreviousNote results={results} />
      {results.dimensions.length > 0 ? (
        <DimensionChart dimensions={results.dimensions} withChanges={withPrevious} />
      ) : null}
      <QuestionDistributions questions={results.questions} nps={results.nps} withPrevious={withPrevious} />
      {results.breakdowns.length > 0 ? (
        <BreakdownTable breakdowns={results.breakdowns} minGroupSize={results.minGroupSize} />
      ) : null}
      <TextThemesList textThemes={results.textThemes} />
    </Stack>
  );
}
