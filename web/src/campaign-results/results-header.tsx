import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignResults } from '../../../domain/contracts/campaign-results.js';
import { campaignExportUrl } from '../api/use-campaign-results.js';
import { PageHeader } from '../components/page-header.js';
import { useDateFormat } from '../i18n/format.js';
import { responseRateText } from './format.js';

type CampaignState = 'draft' | 'scheduled' | 'open' | 'closed';
const isCampaignState = (state: string): state is CampaignState =>
  state === 'draft' || state === 'scheduled' || state === 'open' || state === 'closed';

/** Campaign, organization, dates in the viewer's zone, the response rate and the export links. */
export function ResultsHeader({ results }: { results: CampaignResults }) {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { campaign } = results;
  const withExport = results.respondents > 0;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${campaign.organizationName} · ${t('campaignResults.dates', {
          opens: dates.dateTime(campaign.opensAt),
          closes: dates.dateTime(campaign.closesAt),
        })}`}
        actions={
          withExport ? (
            <Group gap="xs" role="group" aria-label={t('campaignResults.exportLabel')}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={campaignExportUrl(campaign.id, format)}
                  download
                  variant="light"
                  size="sm"
                >
                  {t(format === 'csv' ? 'campaignResults.exportCsv' : 'campaignResults.exportXlsx')}
                </Button>
              ))}
            </Group>
          ) : null
        }
      />
      <Group gap="sm" mt="-md" wrap="wrap">
        {isCampaignState(campaign.state) ? (
          <Badge variant="light" color={campaign.state === 'closed' ? 'gray' : 'teal'}>
            {t(`campaignResults.states.${campaign.state}`)}
          </Badge>
        ) : null}
        {campaign.anonymous ? (
          <Badge variant="outline" color="gray">
            {t('campaignResults.anonymous')}
          </Badge>
        ) : null}
        <Text fw={600} data-testid="response-rate">
          {responseRateText(results.responseRate, t, i18n.language)}
        </Text>
      </Group>
    </>
  );
}

/** Which campaign the changes are against, and whether only shared questions were compared. */
export function PreviousNote({ results }: { results: CampaignResults }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const { previous } = results;
  if (!previous) {
    return (
      <Text size="sm" c="dimmed">
        {t('campaignResults.previous.none')}
      </Text>
    );
  }
  return previous.partial ? (
    <Alert color="blue" variant="light" data-testid="partial-comparison">
      {t('campaignResults.previous.partial', { name: previous.name, count: previous.sharedQuestionIds.length })}
    </Alert>
  ) : (
    <Text size="sm" c="dimmed">
      {t('campaignResults.previous.compared', {
        name: previous.name,
        date: dates.date(previous.closesAt),
        count: previous.respondents,
      })}
    </Text>
  );
}
