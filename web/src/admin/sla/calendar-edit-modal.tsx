import { Alert, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../domain/contracts/sla.js';
import { isApiError } from '../../api/client.js';
import { useCreateCalendar, useImportHolidays, useUpdateCalendar } from '../../api/use-agreements.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { useErrorText } from '../../i18n/error-messages.js';
import { viewerTimeZone } from '../../i18n/format.js';
import {
  type CalendarIssue,
  calendarIssues,
  type Holiday,
  holidayDraftsOf,
  holidayKeyOf,
  holidaysOf,
  PRESETS,
  weeklyDraftOf,
  weeklyOf,
} from './calendar-form.js';
import { HolidaysField } from './holidays-field.js';
import { WeeklyHoursField } from './weekly-hours-field.js';

const MAX_ICS_LENGTH = 1_000_000;
/** The field paths this form shows next to a field; any other error from the API is listed above it. */
const SHOWN_FIELD = /^(name|timeZone|weekly\.\d\.\d+(\.(start|end))?|holidays\.\d+(\.(date|month|day|name))?)$/;

function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

/** Creates a business calendar or edits one: time zone, weekly hours and holidays. */
export function CalendarEditModal({ calendar, onClose }: { calendar: Calendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { fieldMessage } = useErrorText();
  // A phone gets the whole screen: the form has tables and rows that need the width.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const importHolidays = useImportHolidays();
  const mutation = calendar ? update : create;
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(calendar?.timeZone ?? viewerTimeZone());
  const [weekly, setWeekly] = useState(() => (calendar ? weeklyDraftOf(calendar.weekly) : PRESETS.office()));
  const [holidays, setHolidays] = useState(() => holidayDraftsOf(calendar?.holidays ?? []));
  // An import saves on the server at once: later saves go with the version and holidays it answered.
  const [version, setVersion] = useState(calendar?.version ?? 0);
  const [savedHolidays, setSavedHolidays] = useState<Holiday[]>(calendar?.holidays ?? []);
  const [importNote, setImportNote] = useState<string | null>(null);
  const [fileIssue, setFileIssue] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const zones = useMemo(() => timeZoneOptions(calendar?.timeZone ?? ''), [calendar?.timeZone]);

  const issues: Record<string, CalendarIssue> = checked ? calendarIssues({ name, timeZone, weekly, holidays }) : {};
  const errorAt = (path: string): string | undefined => {
    const local = issues[path];
    if (local) return t(`slaAdmin.issues.${local}`);
    const error = mutation.error;
    if (!isApiError(error)) return undefined;
    const found = error.errors.find((e) => e.field === path);
    if (!found) return undefined;
    return error.code === 'conflict' && path === 'name'
      ? t('slaAdmin.calendars.nameTaken')
      : fieldMessage(found.message);
  };
  const shownFields = isApiError(mutation.error)
    ? mutation.error.errors.map((e) => e.field).filter((f) => SHOWN_FIELD.test(f))
    : [];

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!timeZone || Object.keys(calendarIssues({ name, timeZone, weekly, holidays })).length > 0) return;
    const fields = { name: name.trim(), timeZone, weekly: weeklyOf(weekly), holidays: holidaysOf(holidays) };
    if (calendar) update.mutate({ id: calendar.id, version, ...fields }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  const handleImportFile = async (file: File) => {
    setImportNote(null);
    setFileIssue(null);
    importHolidays.reset();
    if (!calendar) return;
    const ics = await file.text();
    if (ics.length > MAX_ICS_LENGTH) return setFileIssue(t('slaAdmin.calendars.importTooLarge'));
    if (!ics.includes('BEGIN:VCALENDAR')) return setFileIssue(t('slaAdmin.calendars.importNotIcs'));
    importHolidays.mutate(
      { id: calendar.id, version, ics },
      {
        onSuccess: (saved) => {
          // Keep what was edited here; add only the days the file brought.
          const before = new Set(savedHolidays.map(holidayKeyOf));
          const here = new Set(holidays.map((h) => (h.kind === 'date' ? h.date : `${h.month}/${h.day}`)));
          const added = saved.holidays.filter((h) => !before.has(holidayKeyOf(h)) && !here.has(holidayKeyOf(h)));
          setHolidays([...holidays, ...holidayDraftsOf(added)]);
          setVersion(saved.version);
          setSavedHolidays(saved.holidays);
          setImportNote(t('slaAdmin.calendars.imported', { count: added.length, file: file.name }));
        },
      },
    );
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';
  return (
    <Modal
      opened
      onClose={onClose}
      title={calendar ? t('slaAdmin.calendars.editTitle', { name: calendar.name }) : t('slaAdmin.calendars.new')}
      size="lg"
      centered
      fullScreen={narrow}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {conflict ? (
            <Alert color="yellow" variant="light" title={t('conflict.title')}>
              {t('slaAdmin.calendars.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} fields={shownFields} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('slaAdmin.calendars.name')}
              placeholder={t('slaAdmin.calendars.namePlaceholder')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errorAt('name')}
              data-autofocus
            />
            <Select
              label={t('slaAdmin.calendars.timeZone')}
              description={t('slaAdmin.calendars.timeZoneHint')}
              required
              searchable
              data={zones}
              value={timeZone}
              onChange={setTimeZone}
              nothingFoundMessage={t('slaAdmin.calendars.noTimeZone')}
              error={errorAt('timeZone')}
            />
          </SimpleGrid>
          <WeeklyHoursField value={weekly} onChange={setWeekly} errorAt={errorAt} />
          <HolidaysField
            value={holidays}
            onChange={setHolidays}
            errorAt={errorAt}
            onImportFile={(file) => void handleImportFile(file)}
            importing={importHolidays.isPending}
            importBlocked={calendar ? null : t('slaAdmin.calendars.importAfterSave')}
          />
          {importNote ? (
            <Text size="sm" c="teal" role="status">
              {importNote}
            </Text>
          ) : null}
          {fileIssue ? (
            <Text size="sm" c="red" role="alert">
              {fileIssue}
            </Text>
          ) : null}
          {importHolidays.error ? (
            <ErrorAlert error={importHolidays.error} title={t('slaAdmin.calendars.importFailed')} />
          ) : null}
          <ModalFooter
            submitLabel={calendar ? t('common.save') : t('slaAdmin.calendars.create')}
            onCancel={onClose}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
