import { DateTime } from 'luxon';
import { escapeHtml } from '../../platform/html.js';

const WORDING = {
  es: (date: string) => `Nos comprometemos a tener su caso resuelto a más tardar el <strong>${date}</strong>.`,
  en: (date: string) => `We commit to having your case resolved by <strong>${date}</strong>.`,
};

/** What the requester reads when a commitment is told to them: the date in their language and the desk's zone. */
export function commitmentMessage(locale: 'es' | 'en', promisedAt: string, timeZone: string, note: string): string {
  const date = DateTime.fromISO(promisedAt, { zone: timeZone })
    .setLocale(locale)
    .toLocaleString({ ...DateTime.DATETIME_FULL, timeZoneName: 'short' });
  return `<p>${WORDING[locale](escapeHtml(date))}</p><p>${escapeHtml(note)}</p>`;
}
