import { Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROCEDURE_AUDIENCES,
  PROCEDURE_STATUSES,
  type ProcedureAudience,
  type ProcedureStatus,
} from '../../../domain/support/procedures.js';
import { useProcedureList } from '../api/use-procedures.js';
import { PlusIcon } from '../components/icons.js';
import { LoadMore } from '../components/load-more.js';
import { PageHeader } from '../components/page-header.js';
import { AudienceBadge, ProcedureStatusBadge } from '../components/procedure-badges.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import { RouterAnchor } from '../components/router-link.js';
import { SearchInput } from '../components/search-input.js';
import { ProcedureEditorModal } from './procedure-editor-modal.js';

/** The desk's procedures: search, filter by status and audience, and write a new one. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProcedureStatus | null>(null);
  const [audience, setAudience] = useState<ProcedureAudience | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useProcedureList({ q: q || undefined, status: status ?? undefined, audience: audience ?? undefined });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || status || audience);

  return (
    <>
      <PageHeader
        title={t('procedures.title')}
        description={t('procedures.description')}
        actions={
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('procedures.new')}
          </Button>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <SearchInput
          placeholder={t('procedures.search')}
          aria-label={t('procedures.search')}
          onSearch={setQ}
          style={{ flex: '1 1 18rem' }}
        />
        <Select
          aria-label={t('procedures.fields.status')}
          placeholder={t('procedures.allStatuses')}
          data={PROCEDURE_STATUSES.map((value) => ({ value, label: t(`procedures.statuses.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as ProcedureStatus | null)}
          clearable
          w={200}
        />
        <Select
          aria-label={t('procedures.fields.audience')}
          placeholder={t('procedures.allAudiences')}
          data={PROCEDURE_AUDIENCES.map((value) => ({ value, label: t(`procedures.audiences.${value}`) }))}
          value={audience}
          onChange={(value) => setAudience(value as ProcedureAudience | null)}
          clearable
          w={200}
        />
      </Group>
      <QueryState
        query={list}
        empty={<EmptyMessage title={filtered ? t('procedures.emptyFiltered') : t('procedures.empty')} />}
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('procedures.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('procedures.fields.title')}</Table.Th>
                      <Table.Th w={170}>{t('procedures.fields.audience')}</Table.Th>
                      <Table.Th w={130}>{t('procedures.fields.status')}</Table.Th>
                      <Table.Th w={90}>{t('procedures.version')}</Table.Th>
                      <Table.Th w={140}>{t('procedures.updated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((procedure) => (
                      <Table.Tr key={procedure.id}>
                        <Table.Td maw={420}>
                          <RouterAnchor
                            to="/workspace/procedures/$procedureId"
                            params={{ procedureId: procedure.id }}
                            size="sm"
                            fw={500}
                            lineClamp={1}
                          >
                            {procedure.title}
                          </RouterAnchor>
                          <Text size="xs" c="dimmed" truncate>
                            {[procedure.specialty, t('procedures.timesApplied', { count: procedure.timesApplied })]
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AudienceBadge audience={procedure.audience} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <ProcedureStatusBadge status={procedure.status} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{procedure.latestVersion}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            <RelativeTime value={procedure.updatedAt} />
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <LoadMore
              shown={items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
      {creating ? <ProcedureEditorModal opened onClose={() => setCreating(false)} /> : null}
    </>
  );
}
