import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The viewer's own time zone, as the browser reports it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Dates and times in the viewer's time zone, written the way the current language writes them. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'long' });
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      full: (iso: string) => full.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
    };
  }, [i18n.language]);
}
