import { Badge, Button, Group as Row, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../domain/contracts/sla.js';
import { useAgreements, useCalendars } from '../../api/use-agreements.js';
import { EditCell } from '../../components/edit-cell.js';
import { PlusIcon } from '../../components/icons.js';
import { OrganizationName, OrganizationSelect } from '../../components/organization-select.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage } from '../../components/query-states.js';
import { QueryTable } from '../../components/query-table.js';
import { RouterButton } from '../../components/router-link.js';
import { AgreementEditModal } from './agreement-edit-modal.js';
import { useMinutesText } from './sla-format.js';

const TARGET_LINES = 4;

/** Each organization's service agreement: its calendar, SLA targets and escalation matrix. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const agreements = useAgreements(organizationId);
  const calendars = useCalendars();
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const calendarName = (id: string) =>
    calendars.data?.find((c) => c.id === id)?.name ?? (calendars.isPending ? '…' : '—');
  const newButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
      {t('slaAdmin.agreements.new')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('slaAdmin.agreements.title')}
        description={t('slaAdmin.agreements.description')}
        actions={newButton}
      />
      <Stack gap="md">
        <OrganizationSelect
          label={t('fields.organization')}
          placeholder={t('slaAdmin.agreements.anyOrganization')}
          value={organizationId}
          onChange={setOrganizationId}
          includeInactive
          clearable
          maw={360}
        />
        <QueryTable
          query={agreements}
          label={t('slaAdmin.agreements.tableLabel')}
          minWidth={760}
          alignTop
          head={
            <>
              <Table.Th>{t('slaAdmin.agreements.organizationAndName')}</Table.Th>
              <Table.Th>{t('slaAdmin.agreements.calendar')}</Table.Th>
              <Table.Th>{t('slaAdmin.agreements.targetsColumn')}</Table.Th>
              <Table.Th w={110}>{t('slaAdmin.agreements.escalationColumn')}</Table.Th>
              <Table.Th w={100}>{t('surveys.settings.title')}</Table.Th>
              <Table.Th w={80} />
            </>
          }
          empty={
            <EmptyMessage
              title={organizationId ? t('slaAdmin.agreements.noneForOrganization') : t('slaAdmin.agreements.empty')}
              description={t('slaAdmin.agreements.emptyHint')}
              action={newButton}
            />
          }
        >
          {(agreement) => (
            <Table.Tr key={agreement.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  <OrganizationName id={agreement.organizationId} />
                </Text>
                <Text size="xs" c="dimmed">
                  {agreement.name}
                </Text>
              </Table.Td>
              <Table.Td maw={220}>{calendarName(agreement.calendarId)}</Table.Td>
              <Table.Td>
                <TargetsSummary agreement={agreement} />
              </Table.Td>
              <Table.Td>
                <EscalationCount agreement={agreement} />
              </Table.Td>
              <Table.Td>
                <RouterButton
                  size="compact-xs"
                  variant="light"
                  to="/admin/agreements/$agreementId/survey"
                  params={{ agreementId: agreement.id }}
                  aria-label={t('surveys.settings.openLabel', { name: agreement.name })}
                >
                  {t('surveys.settings.open')}
                </RouterButton>
              </Table.Td>
              <EditCell
                onEdit={() => setEditing(agreement)}
                label={t('slaAdmin.agreements.editTitle', { name: agreement.name })}
              />
            </Table.Tr>
          )}
        </QueryTable>
      </Stack>
      {editing ? (
        <AgreementEditModal
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          agreement={editing === 'new' ? null : editing}
          organizationId={organizationId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

/** "P1 · 30 min / 4 h" per target, general ones first; a long list ends in "and 3 more". */
function TargetsSummary({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const minutes = useMinutesText();
  const targets = [...agreement.targets].sort(
    (a, b) => a.priority - b.priority || (a.type ?? '').localeCompare(b.type ?? ''),
  );
  const shown = targets.slice(0, TARGET_LINES);
  return (
    <Stack gap={0}>
      {shown.map((target) => (
        <Text key={`${target.priority}/${target.type ?? ''}`} size="xs" style={{ whiteSpace: 'nowrap' }}>
          <Text span size="xs" fw={600}>
            P{target.priority}
            {target.type ? ` ${t(`tickets.types.${target.type}`)}` : ''}
          </Text>
          {' · '}
          {minutes(target.firstResponseMinutes)} / {minutes(target.resolutionMinutes)}
        </Text>
      ))}
      {targets.length > shown.length ? (
        <Text size="xs" c="dimmed">
          {t('slaAdmin.agreements.moreTargets', { count: targets.length - shown.length })}
        </Text>
      ) : null}
    </Stack>
  );
}

function EscalationCount({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const count = agreement.escalations?.length ?? 0;
  return (
    <Row gap={4}>
      <Badge size="sm" variant={count > 0 ? 'light' : 'outline'} color={count > 0 ? 'indigo' : 'gray'}>
        {t('slaAdmin.agreements.levels', { count })}
      </Badge>
    </Row>
  );
}
