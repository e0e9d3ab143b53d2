import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../domain/contracts/sla.js';
import { useAgreements, useCalendars } from '../../api/use-agreements.js';
import { EditCell } from '../../components/edit-cell.js';
import { PlusIcon } from '../../components/icons.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage } from '../../components/query-states.js';
import { QueryTable } from '../../components/query-table.js';
import { CalendarEditModal } from './calendar-edit-modal.js';
import { useWeeklySummary } from './sla-format.js';

/** The business calendars: the hours and holidays each agreement's SLA clock counts against. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const agreements = useAgreements();
  const summary = useWeeklySummary();
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const usedBy = (id: string) => agreements.data?.filter((a) => a.calendarId === id).length;
  const newButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
      {t('slaAdmin.calendars.new')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('slaAdmin.calendars.title')}
        description={t('slaAdmin.calendars.description')}
        actions={newButton}
      />
      <QueryTable
        query={calendars}
        label={t('slaAdmin.calendars.tableLabel')}
        minWidth={640}
        head={
          <>
            <Table.Th>{t('slaAdmin.calendars.name')}</Table.Th>
            <Table.Th>{t('slaAdmin.calendars.timeZone')}</Table.Th>
            <Table.Th>{t('slaAdmin.calendars.weekly')}</Table.Th>
            <Table.Th w={90}>{t('slaAdmin.calendars.holidays')}</Table.Th>
            <Table.Th w={90}>{t('slaAdmin.calendars.agreements')}</Table.Th>
            <Table.Th w={80} />
          </>
        }
        empty={
          <EmptyMessage
            title={t('slaAdmin.calendars.empty')}
            description={t('slaAdmin.calendars.emptyHint')}
            action={newButton}
          />
        }
      >
        {(calendar) => (
          <Table.Tr key={calendar.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {calendar.name}
              </Text>
            </Table.Td>
            <Table.Td>{calendar.timeZone}</Table.Td>
            <Table.Td maw={340}>
              <Text size="sm">{summary(calendar.weekly)}</Text>
            </Table.Td>
            <Table.Td>{calendar.holidays.length}</Table.Td>
            <Table.Td>{agreements.isError ? '—' : (usedBy(calendar.id) ?? '…')}</Table.Td>
            <EditCell
              onEdit={() => setEditing(calendar)}
              label={t('slaAdmin.calendars.editTitle', { name: calendar.name })}
            />
          </Table.Tr>
        )}
      </QueryTable>
      {editing ? (
        <CalendarEditModal
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          calendar={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
