import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../domain/contracts/campaigns.js';
import { useCampaignsForResults } from '../api/use-campaign-results.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { useDateFormat } from '../i18n/format.js';
import { responseRateText } from './format.js';
import { TableScroll } from './table-scroll.js';

/** Drafts have nothing to read yet; a client manager sees the campaigns that reached their people. */
const hasReachedPeople = (campaign: Campaign) => campaign.state === 'open' || campaign.state === 'closed';

/** A client manager's list of their organization's campaigns, each linking to its results. */
export function PortalCampaignsPage() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const list = useCampaignsForResults();
  return (
    <>
      <PageHeader title={t('campaignResults.portal.title')} description={t('campaignResults.portal.description')} />
      <QueryState
        query={list}
        isEmpty={(data) => !data.items.some(hasReachedPeople)}
        empty={<EmptyMessage title={t('campaignResults.portal.none')} />}
      >
        {(data) => (
          <TableScroll minWidth={560} label={t('campaignResults.portal.title')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('campaignResults.portal.name')}</Table.Th>
                  <Table.Th scope="col">{t('campaignResults.portal.dates')}</Table.Th>
                  <Table.Th scope="col">{t('campaignResults.portal.state')}</Table.Th>
                  <Table.Th scope="col">{t('campaignResults.portal.responses')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...data.items]
                  .filter(hasReachedPeople)
                  .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
                  .map((campaign) => (
                    <Table.Tr key={campaign.id}>
                      <Table.Th scope="row" fw={500}>
                        <RouterAnchor
                          to="/portal/surveys/results/$campaignId"
                          params={{ campaignId: campaign.id }}
                          aria-label={`${t('campaignResults.portal.view')}: ${campaign.name}`}
                        >
                          {campaign.name}
                        </RouterAnchor>
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">
                          {t('campaignResults.dates', {
                            opens: dates.date(campaign.opensAt),
                            closes: dates.date(campaign.closesAt),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={campaign.state === 'closed' ? 'gray' : 'teal'}>
                          {t(`campaignResults.states.${campaign.state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{responseRateText(campaign.responseRate, t, i18n.language)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </QueryState>
    </>
  );
}
