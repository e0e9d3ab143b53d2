import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../domain/contracts/campaigns.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCampaign, useCampaignAction, useRemindCampaign } from '../api/use-campaigns.js';
import { useQuestionnaires } from '../api/use-questionnaires.js';
import { useCurrentUser } from '../api/use-session.js';
import { ConfirmModal } from '../components/confirm-modal.js';
import { DateTime } from '../components/date-time.js';
import { OrganizationName } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { useDateFormat, viewerTimeZone } from '../i18n/format.js';
import { actionsFor, type CampaignAction, versionPlace } from './campaign-form.js';
import { CampaignStateBadge, ResponseRateBar } from './campaign-parts.js';

/**
 * One campaign: its state, dates, the questionnaire version it froze, whether answers are anonymous,
 * and the response rate, read again every few seconds while the campaign is open. The desk opens,
 * schedules, reminds and closes it from here, each after a confirmation.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams({ from: '/app/workspace/campaigns/$campaignId' });
  const campaign = useCampaign(campaignId);
  return (
    <Stack gap="lg">
      <RouterAnchor to="/workspace/campaigns" size="sm">
        {t('campaigns.page.back')}
      </RouterAnchor>
      <QueryState query={campaign}>
        {(found) => <CampaignDetail campaign={found} updatedAt={campaign.dataUpdatedAt} />}
      </QueryState>
    </Stack>
  );
}

function CampaignDetail({ campaign, updatedAt }: { campaign: Campaign; updatedAt: number }) {
  const { t, i18n } = useTranslation();
  // With seconds: a refresh every 10 s should visibly move the clock.
  const updated = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(new Date(updatedAt));
  const canManage = rolesGrant(useCurrentUser().roles, 'surveys.manage');
  const actions = canManage ? actionsFor(campaign.state) : [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={campaign.name}
        description={<OrganizationName id={campaign.organizationId} />}
        actions={
          <Group gap="xs">
            <CampaignStateBadge state={campaign.state} />
            <RouterAnchor to="/workspace/campaigns/$campaignId/results" params={{ campaignId: campaign.id }} fw={600}>
              {t('campaigns.page.results')}
            </RouterAnchor>
          </Group>
        }
      />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="campaign-rate-title">
        <Stack gap="xs">
          <Title order={3} size="h5" id="campaign-rate-title">
            {t('campaigns.page.responseRate')}
          </Title>
          <ResponseRateBar rate={campaign.responseRate} state={campaign.state} />
          {/* Polite: the figure changes while someone reads, and must not interrupt them. */}
          <Text size="xs" c="dimmed" aria-live="polite">
            {campaign.state === 'open'
              ? t('campaigns.page.live', { time: updated })
              : t('campaigns.page.updatedAt', { time: updated })}
          </Text>
        </Stack>
      </Paper>
      {actions.length > 0 ? <CampaignActions campaign={campaign} actions={actions} /> : null}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="campaign-facts-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="campaign-facts-title">
            {t('campaigns.page.details')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
            <Fact label={t('campaigns.page.opensAt')}>
              <DateTime value={campaign.opensAt} />
            </Fact>
            <Fact label={t('campaigns.page.closesAt')}>
              <DateTime value={campaign.closesAt} />
            </Fact>
            <Fact label={t('campaigns.page.version')}>
              <FrozenVersion versionId={campaign.questionnaireVersionId} />
            </Fact>
            <Fact label={t('campaigns.page.anonymous')}>
              {campaign.anonymous ? t('campaigns.page.anonymousYes') : t('campaigns.page.anonymousNo')}
            </Fact>
            <Fact label={t('campaigns.page.reminder')}>
              {campaign.reminderDaysBeforeClose === null
                ? t('campaigns.page.reminderNone')
                : t('campaigns.page.reminderDays', { days: campaign.reminderDaysBeforeClose })}
              {campaign.remindedAt ? (
                <Text size="xs" c="dimmed" span>
                  {' '}
                  {t('campaigns.page.remindedAt')} <DateTime value={campaign.remindedAt} />
                </Text>
              ) : null}
            </Fact>
            <Fact label={t('campaigns.page.audience')}>
              {campaign.audience.onlyUserIds
                ? t('campaigns.page.audienceOnly', { count: campaign.audience.onlyUserIds.length })
                : campaign.audience.excludeUserIds?.length
                  ? t('campaigns.page.audienceExclude', { count: campaign.audience.excludeUserIds.length })
                  : t('campaigns.page.audienceAll')}
            </Fact>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('campaigns.zoneNote', { zone: viewerTimeZone() })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** The frozen version, linked to its questionnaire when the viewer may read questionnaires. */
function FrozenVersion({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const canManage = rolesGrant(useCurrentUser().roles, 'surveys.manage');
  const questionnaires = useQuestionnaires({ enabled: canManage });
  const place = versionPlace(questionnaires.data?.items ?? [], versionId);
  if (!place) return <>{t('campaigns.page.versionUnknown')}</>;
  return (
    <RouterAnchor
      to="/workspace/questionnaires/$questionnaireId"
      params={{ questionnaireId: place.questionnaireId }}
      search={{ version: place.number }}
    >
      {t('campaigns.form.versionOption', { title: place.title, number: place.number })}
    </RouterAnchor>
  );
}

const ACTION_COLORS: Record<CampaignAction, string> = {
  open: 'teal',
  schedule: 'violet',
  remind: 'blue',
  close: 'red',
};

/** Each action asks first: opening mails everyone, reminding mails again, closing cannot be undone. */
function CampaignActions({ campaign, actions }: { campaign: Campaign; actions: CampaignAction[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [asking, setAsking] = useState<CampaignAction | null>(null);
  const open = useCampaignAction(campaign.id, 'open');
  const schedule = useCampaignAction(campaign.id, 'schedule');
  const close = useCampaignAction(campaign.id, 'close');
  const remind = useRemindCampaign(campaign.id);
  const mutations = { open, schedule, close, remind };
  const current = asking ? mutations[asking] : null;
  const finish = () => {
    current?.reset();
    setAsking(null);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="campaign-actions-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="campaign-actions-title">
          {t('campaigns.page.actionsTitle')}
        </Title>
        <Group gap="sm">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'close' ? 'light' : 'filled'}
              color={ACTION_COLORS[action]}
              onClick={() => setAsking(action)}
            >
              {t(`campaigns.page.actions.${action}`)}
            </Button>
          ))}
        </Group>
        {remind.isSuccess ? (
          <Text size="sm" c="teal.8" role="status">
            {t('campaigns.page.reminded', { count: remind.data.reminded })}
          </Text>
        ) : null}
      </Stack>
      {asking && current ? (
        <ConfirmModal
          opened
          title={t(`campaigns.page.actions.${asking}`)}
          message={t(`campaigns.page.confirm.${asking}`, {
            opensAt: format.dateTime(campaign.opensAt),
            closesAt: format.dateTime(campaign.closesAt),
          })}
          confirmLabel={t(`campaigns.page.actions.${asking}`)}
          color={ACTION_COLORS[asking]}
          loading={current.isPending}
          error={current.error}
          onConfirm={() =>
            asking === 'remind'
              ? remind.mutate(undefined, { onSuccess: () => setAsking(null) })
              : mutations[asking].mutate(undefined, { onSuccess: finish })
          }
          onClose={finish}
        />
      ) : null}
    </Paper>
  );
}
