import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** The viewer's own time zone, as the browser reports it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Dates and times in the viewer's time zone, written the way the current language writes them. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'long' });
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
    // For dense columns: "in 27 min", "dentro de 27 min".
    const relativeShort = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto', style: 'short' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      full: (iso: string) => full.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      /** "5 minutes ago", "yesterday", "now": the largest unit that fits; `short`: "5 min ago". */
      relative: (iso: string, now: number, short = false) => {
        const format = short ? relativeShort : relative;
        const seconds = (Date.parse(iso) - now) / 1000;
        for (const [unit, size] of RELATIVE_UNITS) {
          if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
        }
        return format.format(0, 'second');
      },
    };
  }, [i18n.language]);
}

/** A file size the way the current language writes it: "70 B", "820 kB", "2,4 MB". */
export function useFileSize() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const unit = (name: 'kilobyte' | 'megabyte') =>
      new Intl.NumberFormat(i18n.language, { style: 'unit', unit: name, maximumFractionDigits: 1 });
    const [kilobytes, megabytes] = [unit('kilobyte'), unit('megabyte')];
    return (size: number) => {
      if (size < 1000) return `${size} B`;
      if (size < 1_000_000) return kilobytes.format(size / 1000);
      return megabytes.format(size / 1_000_000);
    };
  }, [i18n.language]);
}
