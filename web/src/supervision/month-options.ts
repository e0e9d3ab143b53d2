/**
 * The months a report can be read for, newest first, named in Mesa's language ("diciembre de
 * 2026", "December 2026") rather than the browser's, as a native month input would.
 */
export function monthOptions(current: string, locale: string, count = 24): { value: string; label: string }[] {
  const [year, month] = current.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return Array.from({ length: count }, (_, back) => {
    const at = new Date(Date.UTC(year, month - 1 - back, 1));
    const value = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
    const label = name.format(at);
    return { value, label: label.charAt(0).toUpperCase() + label.slice(1) };
  });
}
