import { Group, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useKnownErrorSearch } from '../api/use-known-errors.js';
import { KnownErrorCard } from '../components/known-error-card.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { SearchInput } from '../components/search-input.js';
import { ProblemStatusBadge } from './problem-status-badge.js';

/**
 * The known-error base, searched in full text: each known error's problem, status, workaround (the
 * desk's wording) and how often it was applied. The words stay in the address, to share or go back to.
 */
export function KnownErrorsPage() {
  const { t } = useTranslation();
  const { q = '' } = useSearch({ strict: false }) as { q?: string };
  const navigate = useNavigate();
  const results = useKnownErrorSearch(q);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('problemScreens.knownErrors.title')}
        description={t('problemScreens.knownErrors.description')}
      />
      <SearchInput
        label={t('problemScreens.knownErrors.search')}
        description={t('problemScreens.knownErrors.searchHint')}
        initialValue={q}
        onSearch={(words) => {
          if (words !== q)
            void navigate({ to: '/workspace/known-errors', search: words ? { q: words } : {}, replace: true });
        }}
        maw={640}
      />
      <QueryState
        query={results}
        isEmpty={(data) => data.items.length === 0}
        empty={
          q ? (
            <EmptyMessage
              title={t('problemScreens.knownErrors.noResults', { q })}
              description={t('problemScreens.knownErrors.noResultsDescription')}
            />
          ) : (
            <EmptyMessage
              title={t('problemScreens.knownErrors.empty')}
              description={t('problemScreens.knownErrors.emptyDescription')}
            />
          )
        }
      >
        {(data) => (
          <Stack gap="sm" component="section" aria-labelledby="known-error-results">
            <Text id="known-error-results" size="xs" fw={700} c="dimmed" tt="uppercase">
              {q ? t('problemScreens.knownErrors.resultsLabel') : t('problemScreens.knownErrors.latest')}
            </Text>
            {data.items.map((knownError) => (
              <KnownErrorCard
                key={knownError.id}
                knownError={knownError}
                wording="desk"
                action={
                  <Group gap="xs">
                    <ProblemStatusBadge status={knownError.status} size="sm" />
                    <RouterAnchor
                      to="/workspace/problems/$problemId"
                      params={{ problemId: knownError.id }}
                      size="sm"
                      aria-label={t('problemScreens.knownErrors.open', { number: knownError.number })}
                    >
                      {knownError.number}
                    </RouterAnchor>
                  </Group>
                }
              />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
