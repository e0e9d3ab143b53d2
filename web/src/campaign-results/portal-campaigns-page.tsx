import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../domain/contracts/campaigns.js';
import { useCampaigns } from '../api/use-campaigns.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { useDateFormat } from '../i18n/format.js';
import { responseRateText } from './format.js';

/** Drafts have nothing to read yet; a client manager sees the campaigns that reached their people. */
const hasReachedPeople = (campaign: Campaign) => campaign.state === 'open' || campaign.state === 'closed';

/** A client manager's list of their organization's campaigns, each linking to its results. */
export function PortalCampaignsPage() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const list = useCampaigns(null);
  return (
    <>
      <PageHeader title={t('campaignResults.portal.title')} description={t('campaignResults.portal.description')} />
      <QueryState
        query={list}
        isEmpty={(data) => !data.items.some(hasReachedPeople)}
        empty={<EmptyMessage title={t('campaignResults.portal.none')} />}
      >
        {(data) => (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...data.items]
              .filter(hasReachedPeople)
              .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
              .map((campaign) => (
                <Paper key={campaign.id} component="li" withBorder radius="md" p="md">
                  <Stack gap={6}>
                    <Group gap="xs" justify="space-between" wrap="wrap">
                      <RouterAnchor
                        to="/portal/surveys/results/$campaignId"
                        params={{ campaignId: campaign.id }}
                        fw={600}
                        aria-label={`${t('campaignResults.portal.view')}: ${campaign.name}`}
                      >
                        {campaign.name}
                      </RouterAnchor>
                      <Badge variant="light" color={campaign.state === 'closed' ? 'gray' : 'teal'}>
                        {t(`campaignResults.states.${campaign.state}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('campaignResults.dates', {
                        opens: dates.date(campaign.opensAt),
                        closes: dates.date(campaign.closesAt),
                      })}
                    </Text>
                    <Text size="sm">{responseRateText(campaign.responseRate, t, i18n.language)}</Text>
                  </Stack>
                </Paper>
              ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
