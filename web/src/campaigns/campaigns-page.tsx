import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCampaigns } from '../api/use-campaigns.js';
import { useCurrentUser } from '../api/use-session.js';
import { DateTime } from '../components/date-time.js';
import { PlusIcon } from '../components/icons.js';
import { OrganizationName, OrganizationSelect } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { viewerTimeZone } from '../i18n/format.js';
import { CreateCampaignModal } from './campaign-create-form.js';
import { CampaignStateBadge, ResponseRateBar } from './campaign-parts.js';

/** The desk's survey campaigns: each organization's, its state, dates and how many answered so far. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const canManage = rolesGrant(useCurrentUser().roles, 'surveys.manage');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useCampaigns(organizationId);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        actions={
          canManage ? (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
              {t('campaigns.new')}
            </Button>
          ) : null
        }
      />
      <Group align="flex-end">
        <OrganizationSelect
          label={t('campaigns.filterOrganization')}
          placeholder={t('campaigns.allOrganizations')}
          value={organizationId}
          onChange={setOrganizationId}
          clearable
          w={300}
        />
      </Group>
      <QueryState
        query={list}
        empty={
          <EmptyMessage
            title={organizationId ? t('campaigns.noneForOrganization') : t('campaigns.none')}
            description={canManage ? t('campaigns.noneHint') : undefined}
          />
        }
      >
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>{t('campaigns.zoneNote', { zone: viewerTimeZone() })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.columns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.organization')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.state')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.opens')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.closes')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.responseRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((campaign) => (
                  <Table.Tr key={campaign.id}>
                    <Table.Td>
                      <RouterAnchor to="/workspace/campaigns/$campaignId" params={{ campaignId: campaign.id }}>
                        {campaign.name}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>
                      <OrganizationName id={campaign.organizationId} />
                    </Table.Td>
                    <Table.Td>
                      <CampaignStateBadge state={campaign.state} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" span>
                        <DateTime value={campaign.opensAt} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" span>
                        <DateTime value={campaign.closesAt} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ResponseRateBar rate={campaign.responseRate} state={campaign.state} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {canManage ? (
        <CreateCampaignModal
          opened={creating}
          onClose={() => setCreating(false)}
          initialOrganizationId={organizationId}
        />
      ) : null}
    </Stack>
  );
}
