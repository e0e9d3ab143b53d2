import {
  Button,
  CloseButton,
  FileButton,
  Group,
  Input,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons.js';
import { daysInMonth, draftKey, type HolidayDraft } from './calendar-form.js';

const MAX_HOLIDAYS = 500;

/**
 * Days the clock does not count: one-off dates and yearly ones (month and day), each with an
 * optional name; an iCalendar file can add many at once.
 */
export function HolidaysField({
  value,
  onChange,
  errorAt,
  onImportFile,
  importing,
  importBlocked,
}: {
  value: HolidayDraft[];
  onChange: (value: HolidayDraft[]) => void;
  errorAt: (path: string) => string | undefined;
  onImportFile: (file: File) => void;
  importing: boolean;
  /** Why the file cannot be imported yet (a calendar not saved), or null. */
  importBlocked: string | null;
}) {
  const { t, i18n } = useTranslation();
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => ({
      value: String(i + 1),
      label: format.format(new Date(Date.UTC(2024, i, 1))),
    }));
  }, [i18n.language]);
  const set = (i: number, patch: Partial<HolidayDraft>) =>
    onChange(value.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const add = () =>
    onChange([...value, { key: draftKey(), kind: 'yearly', date: '', month: null, day: null, name: '' }]);

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Input.Label>{t('slaAdmin.calendars.holidays')}</Input.Label>
          <Input.Description>{t('slaAdmin.calendars.holidaysHint')}</Input.Description>
        </div>
        <Group gap={6}>
          <FileButton onChange={(file) => file && onImportFile(file)} accept=".ics,text/calendar">
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="default"
                loading={importing}
                disabled={Boolean(importBlocked)}
                title={importBlocked ?? undefined}
              >
                {t('slaAdmin.calendars.import')}
              </Button>
            )}
          </FileButton>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={add}
            disabled={value.length >= MAX_HOLIDAYS}
          >
            {t('slaAdmin.calendars.addHoliday')}
          </Button>
        </Group>
      </Group>
      {importBlocked ? (
        <Text size="xs" c="dimmed">
          {importBlocked}
        </Text>
      ) : null}
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('slaAdmin.calendars.noHolidays')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <ScrollArea.Autosize mah={340} type="auto">
            <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {value.map((holiday, i) => {
                const n = i + 1;
                const message = [`holidays.${i}.date`, `holidays.${i}.day`, `holidays.${i}.name`, `holidays.${i}`]
                  .map(errorAt)
                  .find(Boolean);
                return (
                  <Stack
                    component="li"
                    key={holiday.key}
                    gap={2}
                    px="sm"
                    py={6}
                    style={{ borderTop: i > 0 ? '1px solid var(--mantine-color-default-border)' : undefined }}
                  >
                    <Group gap="xs" wrap="wrap">
                      <SegmentedControl
                        size="xs"
                        aria-label={t('slaAdmin.calendars.holidayKind', { n })}
                        value={holiday.kind}
                        onChange={(kind) => set(i, { kind: kind as HolidayDraft['kind'] })}
                        data={[
                          { value: 'yearly', label: t('slaAdmin.calendars.yearly') },
                          { value: 'date', label: t('slaAdmin.calendars.oneOff') },
                        ]}
                      />
                      {holiday.kind === 'date' ? (
                        <TextInput
                          type="date"
                          size="xs"
                          w={150}
                          aria-label={t('slaAdmin.calendars.holidayDate', { n })}
                          value={holiday.date}
                          onChange={(event) => set(i, { date: event.currentTarget.value })}
                          error={Boolean(errorAt(`holidays.${i}.date`) || errorAt(`holidays.${i}`))}
                        />
                      ) : (
                        <Group gap={4} wrap="nowrap">
                          <NumberInput
                            size="xs"
                            w={64}
                            aria-label={t('slaAdmin.calendars.holidayDay', { n })}
                            placeholder={t('slaAdmin.calendars.dayPlaceholder')}
                            min={1}
                            max={holiday.month ? daysInMonth(holiday.month) : 31}
                            allowDecimal={false}
                            value={holiday.day ?? ''}
                            onChange={(day) => set(i, { day: typeof day === 'number' ? day : null })}
                            error={Boolean(errorAt(`holidays.${i}.day`) || errorAt(`holidays.${i}`))}
                          />
                          <Select
                            size="xs"
                            w={130}
                            aria-label={t('slaAdmin.calendars.holidayMonth', { n })}
                            placeholder={t('slaAdmin.calendars.monthPlaceholder')}
                            data={months}
                            value={holiday.month ? String(holiday.month) : null}
                            onChange={(month) => set(i, { month: month ? Number(month) : null })}
                            allowDeselect={false}
                            error={Boolean(errorAt(`holidays.${i}.month`))}
                          />
                        </Group>
                      )}
                      <TextInput
                        size="xs"
                        style={{ flex: '1 1 10rem' }}
                        aria-label={t('slaAdmin.calendars.holidayName', { n })}
                        placeholder={t('slaAdmin.calendars.holidayNamePlaceholder')}
                        maxLength={100}
                        value={holiday.name}
                        onChange={(event) => set(i, { name: event.currentTarget.value })}
                      />
                      <CloseButton
                        size="sm"
                        aria-label={t('slaAdmin.calendars.removeHoliday', { n })}
                        onClick={() => onChange(value.filter((_, j) => j !== i))}
                      />
                    </Group>
                    {message ? (
                      <Text size="xs" c="red" role="alert">
                        {message}
                      </Text>
                    ) : null}
                  </Stack>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      )}
    </Stack>
  );
}
