import { Breadcrumbs, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCandidate } from '../../../domain/contracts/problem-jobs.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCandidateSettings, useDismissCandidate, useProblemCandidates } from '../api/use-problem-jobs.js';
import { useCurrentUser } from '../api/use-session.js';
import { ConfirmModal, useConfirmedDelete } from '../components/confirm-modal.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { AcceptCandidateModal } from './accept-candidate-modal.js';
import { CandidateCard } from './candidate-card.js';
import { CandidateSettingsPanel } from './candidate-settings-panel.js';

/**
 * The candidates inbox: recurring incidents the hourly job proposes as problems, each with its
 * evidence; whoever manages problems accepts one (a problem with its incidents) or dismisses it,
 * and tunes how they are found.
 */
export function CandidatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = rolesGrant(me.roles, 'problems.manage');
  const candidates = useProblemCandidates();
  const settings = useCandidateSettings();
  const dismiss = useConfirmedDelete<ProblemCandidate>(useDismissCandidate());
  const [accepting, setAccepting] = useState<ProblemCandidate | null>(null);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <RouterAnchor to="/workspace/problems" size="sm">
          {t('problems.title')}
        </RouterAnchor>
        <Text size="sm">{t('problemScreens.candidates.open')}</Text>
      </Breadcrumbs>
      <PageHeader
        title={t('problemScreens.candidates.title')}
        description={t('problemScreens.candidates.description')}
      />
      {settings.data ? <CandidateSettingsPanel settings={settings.data} canManage={canManage} /> : null}
      <QueryState
        query={candidates}
        empty={
          <EmptyMessage
            title={t('problemScreens.candidates.empty')}
            description={
              settings.data
                ? t('problemScreens.candidates.emptyDescription', {
                    days: settings.data.windowDays,
                    count: settings.data.minIncidents,
                    similarity: settings.data.similarity,
                  })
                : undefined
            }
          />
        }
      >
        {(data) => (
          <Stack gap="md" component="section" aria-label={t('problemScreens.candidates.listLabel')}>
            {data.items.map((candidate) => (
              <CandidateCard
                key={candidate.id}
                candidate={candidate}
                canManage={canManage}
                onAccept={() => setAccepting(candidate)}
                onDismiss={() => dismiss.ask(candidate)}
              />
            ))}
          </Stack>
        )}
      </QueryState>
      <ConfirmModal
        {...dismiss.modal}
        title={t('problemScreens.candidates.dismissTitle')}
        message={t('problemScreens.candidates.dismissMessage')}
        confirmLabel={t('problemScreens.candidates.dismissConfirm')}
      />
      {accepting ? <AcceptCandidateModal candidate={accepting} onClose={() => setAccepting(null)} /> : null}
    </Stack>
  );
}
