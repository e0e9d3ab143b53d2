import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import { PENDING_REASONS, type PendingReason } from '../../../domain/tickets/ticket-lifecycle.js';
import { DateTime } from '../components/date-time.js';
import { useDuration } from '../components/sla-badge.js';
import { viewerTimeZone } from '../i18n/format.js';
import { Section, SlaMatrix } from './sla-why-matrix.js';

type Weekly = NonNullable<SlaExplanation['calendar']>['weekly'];
type Clock = NonNullable<SlaExplanation['firstResponse']>;

const ISO_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "lun–vie: 09:00–18:00" lines: consecutive weekdays with the same hours share a line. */
export function weeklySummary(weekly: Weekly, language: string): string[] {
  // 1 January 2024 was a Monday: ISO day d is 2024-01-0d.
  const dayName = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const name = (day: number) => dayName.format(Date.UTC(2024, 0, day)).replace(/\.$/, '');
  const hours = ISO_DAYS.map((day) => (weekly[day] ?? []).map((r) => `${r.start}–${r.end}`).join(', '));
  const lines: string[] = [];
  let start = 0;
  ISO_DAYS.forEach((_, i) => {
    if (i + 1 < ISO_DAYS.length && hours[i + 1] === hours[i]) return;
    if (hours[i]) {
      const days = start === i ? name(start + 1) : `${name(start + 1)}–${name(i + 1)}`;
      lines.push(`${days}: ${hours[i]}`);
    }
    start = i + 1;
  });
  return lines;
}

const isReason = (value: string | null): value is PendingReason =>
  (PENDING_REASONS as readonly (string | null)[]).includes(value);

/** The business calendar a deadline runs on: its zone, weekly hours and holidays (tickets and problems). */
export function CalendarSection({ calendar }: { calendar: NonNullable<SlaExplanation['calendar']> }) {
  const { t, i18n } = useTranslation();
  const zone = viewerTimeZone();
  const lines = weeklySummary(calendar.weekly, i18n.language);
  return (
    <Section title={t('supervision.sla.why.calendar')}>
      <Text size="sm">{t('supervision.sla.why.calendarLine', { name: calendar.name, zone: calendar.timeZone })}</Text>
      {lines.length ? (
        lines.map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))
      ) : (
        <Text size="sm">{t('supervision.sla.why.noHours')}</Text>
      )}
      <Text size="xs" c="dimmed">
        {calendar.holidays.length
          ? t('supervision.sla.why.holidays', { count: calendar.holidays.length })
          : t('supervision.sla.why.noHolidays')}
      </Text>
      {calendar.timeZone !== zone ? (
        <Text size="xs" c="dimmed">
          {t('supervision.sla.why.yourZone', { zone })}
        </Text>
      ) : null}
    </Section>
  );
}

/** "¿Por qué vence entonces?": the agreement and target, calendar, pauses, sums and matrix behind the deadlines. */
export function SlaWhy({ explanation }: { explanation: SlaExplanation }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const { target, calendar } = explanation;
  const reason = (value: string | null) => (isReason(value) ? t(`tickets.pendingReasons.${value}`) : (value ?? '—'));
  const list = (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  if (!target) return null;

  return (
    <Stack gap="sm" pt="xs">
      <Section title={t('supervision.sla.why.target')}>
        <Text size="sm">
          {explanation.agreement
            ? `${t('supervision.sla.why.agreementLine', { agreement: explanation.agreement.name })} `
            : null}
          {t('supervision.sla.why.targetLine', {
            priority: target.priority,
            type: target.type
              ? t(`tickets.types.${target.type}`).toLocaleLowerCase(i18n.language)
              : t('supervision.sla.why.anyType'),
            firstResponse: duration(target.firstResponseMinutes),
            resolution: duration(target.resolutionMinutes),
          })}
        </Text>
        {explanation.warnAt.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('supervision.sla.why.warnings', {
              percents: list([...explanation.warnAt].sort((a, b) => a - b).map((share) => percent.format(share))),
            })}
          </Text>
        ) : null}
      </Section>

      {calendar ? <CalendarSection calendar={calendar} /> : null}

      <Section title={t('supervision.sla.why.pauses')}>
        <Text size="xs" c="dimmed">
          {explanation.pausingReasons.length
            ? t('supervision.sla.why.pausingReasons', { reasons: list(explanation.pausingReasons.map(reason)) })
            : t('supervision.sla.why.noPausingReasons')}
        </Text>
        {explanation.pauses.length === 0 ? (
          <Text size="sm">{t('supervision.sla.why.noPauses')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {explanation.pauses.map((pause) => (
              <List.Item key={pause.from}>
                <DateTime value={pause.from} /> –{' '}
                {pause.to ? <DateTime value={pause.to} /> : t('supervision.sla.why.stillPaused')}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t('supervision.sla.why.pauseReason', { reason: reason(pause.reason) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section title={t('supervision.sla.why.deadline')}>
        {hasSum(explanation.firstResponse) ? (
          <Sum
            label={t('supervision.sla.targets.first_response')}
            createdAt={explanation.createdAt}
            minutes={target.firstResponseMinutes}
            clock={explanation.firstResponse}
          />
        ) : null}
        {hasSum(explanation.resolution) ? (
          <Sum
            label={t('supervision.sla.targets.resolution')}
            createdAt={explanation.createdAt}
            minutes={target.resolutionMinutes}
            clock={explanation.resolution}
          />
        ) : null}
      </Section>

      <SlaMatrix explanation={explanation} />
    </Stack>
  );
}

/** A met target whose deadline the API no longer gives (the ticket is paused) has nothing to add up. */
const hasSum = (clock: Clock | null): clock is Clock =>
  clock !== null && !(clock.state === 'met' && clock.deadline === null);

/** Created at X + N business minutes + P minutes paused = the deadline. */
function Sum({
  label,
  createdAt,
  minutes,
  clock,
}: {
  label: string;
  createdAt: string;
  minutes: number;
  clock: Clock;
}) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text
        size="xs"
        component="div"
        pl="xs"
        style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)', fontVariantNumeric: 'tabular-nums' }}
      >
        <div>
          {t('supervision.sla.why.createdAt')} <DateTime value={createdAt} />
        </div>
        <div>{t('supervision.sla.why.plusBusiness', { time: duration(minutes) })}</div>
        {clock.pausedMinutes > 0 ? (
          <div>{t('supervision.sla.why.plusPaused', { time: duration(clock.pausedMinutes) })}</div>
        ) : null}
        {clock.deadline === null ? (
          <div>{t('supervision.sla.why.pendingDeadline')}</div>
        ) : (
          <div>
            {t('supervision.sla.why.equals')}{' '}
            <Text span fw={700} inherit>
              <DateTime value={new Date(clock.deadline).toISOString()} />
            </Text>
          </div>
        )}
      </Text>
    </div>
  );
}
