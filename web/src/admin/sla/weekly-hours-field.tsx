import { ActionIcon, Button, CloseButton, Group, Input, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons.js';
import {
  draftKey,
  ISO_DAYS,
  type IsoDay,
  normalizeClock,
  PRESETS,
  type RangeDraft,
  runsPastMidnight,
  type WeeklyDraft,
} from './calendar-form.js';

const MAX_RANGES_PER_DAY = 6;

/**
 * The business hours of each ISO weekday, as one or more ranges per day, with presets for the
 * usual shapes. A range whose end is not after its start runs past midnight (a night shift).
 */
export function WeeklyHoursField({
  value,
  onChange,
  errorAt,
}: {
  value: WeeklyDraft;
  onChange: (value: WeeklyDraft) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setDay = (day: IsoDay, ranges: RangeDraft[]) => onChange({ ...value, [day]: ranges });
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Input.Label>{t('slaAdmin.calendars.weekly')}</Input.Label>
          <Input.Description>{t('slaAdmin.calendars.weeklyHint')}</Input.Description>
        </div>
        <Group gap={6}>
          <Button size="compact-sm" variant="default" onClick={() => onChange(PRESETS.always())}>
            {t('slaAdmin.calendars.presetAlways')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => onChange(PRESETS.office())}>
            {t('slaAdmin.calendars.presetOffice')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onChange(PRESETS.none())}>
            {t('slaAdmin.calendars.presetNone')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="md" px="sm" py={6}>
        <Stack gap={0}>
          {ISO_DAYS.map(([day, key]) => (
            <DayRow
              key={day}
              day={day}
              dayName={t(`slaAdmin.weekdays.long.${key}`)}
              ranges={value[day]}
              onChange={(ranges) => setDay(day, ranges)}
              errorAt={errorAt}
            />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function DayRow({
  day,
  dayName,
  ranges,
  onChange,
  errorAt,
}: {
  day: IsoDay;
  dayName: string;
  ranges: RangeDraft[];
  onChange: (ranges: RangeDraft[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<RangeDraft>) =>
    onChange(ranges.map((range, j) => (j === i ? { ...range, ...patch } : range)));
  const add = () => {
    const last = ranges.at(-1);
    onChange([...ranges, { key: draftKey(), start: last ? last.end : '09:00', end: last ? '' : '18:00' }]);
  };
  const messages = ranges
    .flatMap((_, i) => [`weekly.${day}.${i}.start`, `weekly.${day}.${i}.end`, `weekly.${day}.${i}`])
    .map(errorAt)
    .filter((m): m is string => Boolean(m));
  return (
    <Group
      gap="xs"
      py={6}
      align="flex-start"
      style={{ borderBottom: day < 7 ? '1px solid var(--mantine-color-default-border)' : undefined }}
    >
      <Text size="sm" fw={500} w={92} pt={4} style={{ flex: 'none' }}>
        {dayName}
      </Text>
      <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
        <Group gap="xs">
          {ranges.length === 0 ? (
            <Text size="sm" c="dimmed" pt={4}>
              {t('slaAdmin.calendars.closed')}
            </Text>
          ) : null}
          {ranges.map((range, i) => {
            const label = { day: dayName, n: i + 1 };
            const invalid = Boolean(errorAt(`weekly.${day}.${i}`));
            return (
              <Group key={range.key} gap={4} wrap="nowrap">
                <ClockInput
                  aria-label={t('slaAdmin.calendars.rangeStart', label)}
                  value={range.start}
                  onChange={(start) => set(i, { start })}
                  invalid={invalid || Boolean(errorAt(`weekly.${day}.${i}.start`))}
                />
                <Text size="sm" c="dimmed" aria-hidden>
                  –
                </Text>
                <ClockInput
                  aria-label={t('slaAdmin.calendars.rangeEnd', label)}
                  value={range.end}
                  onChange={(end) => set(i, { end })}
                  invalid={invalid || Boolean(errorAt(`weekly.${day}.${i}.end`))}
                />
                {runsPastMidnight(range) ? (
                  <Text size="xs" c="indigo" title={t('slaAdmin.calendars.nextDayHint')}>
                    {t('slaAdmin.calendars.nextDay')}
                  </Text>
                ) : null}
                <CloseButton
                  size="sm"
                  aria-label={t('slaAdmin.calendars.removeRange', label)}
                  onClick={() => onChange(ranges.filter((_, j) => j !== i))}
                />
              </Group>
            );
          })}
          {ranges.length < MAX_RANGES_PER_DAY ? (
            <ActionIcon
              variant="subtle"
              size="md"
              aria-label={t('slaAdmin.calendars.addRange', { day: dayName })}
              title={t('slaAdmin.calendars.addRange', { day: dayName })}
              onClick={add}
            >
              <PlusIcon size={16} />
            </ActionIcon>
          ) : null}
        </Group>
        {messages.length > 0 ? (
          <Text size="xs" c="red" role="alert">
            {[...new Set(messages)].join(' ')}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** HH:MM typed freely ("9", "930", "18.30") and tidied when the field is left; 24:00 ends the day. */
function ClockInput({
  value,
  onChange,
  invalid,
  'aria-label': ariaLabel,
}: {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  'aria-label': string;
}) {
  return (
    <TextInput
      aria-label={ariaLabel}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => onChange(normalizeClock(value))}
      placeholder="hh:mm"
      inputMode="numeric"
      maxLength={5}
      size="xs"
      w={64}
      style={{ flex: 'none' }}
      error={invalid}
      styles={{ input: { textAlign: 'center', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
