import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Weekly, weeklySummary } from './calendar-form.js';

/** "Lun–Vie 09:00–18:00 · Sáb 09:00–13:00", "24×7" or "No business hours", in the current language. */
export function useWeeklySummary() {
  const { t } = useTranslation();
  return useCallback(
    (weekly: Weekly) =>
      weeklySummary(weekly, {
        day: (key) => t(`slaAdmin.weekdays.short.${key}`),
        always: t('slaAdmin.calendars.always'),
        closed: t('slaAdmin.calendars.noHours'),
      }),
    [t],
  );
}

/** Business minutes as "45 min", "4 h", "1 h 30 min". */
export function useMinutesText() {
  const { t } = useTranslation();
  return useCallback(
    (minutes: number) => {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      if (hours === 0) return t('slaAdmin.duration.minutes', { minutes: rest });
      if (rest === 0) return t('slaAdmin.duration.hours', { hours });
      return t('slaAdmin.duration.hoursMinutes', { hours, minutes: rest });
    },
    [t],
  );
}
