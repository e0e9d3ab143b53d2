import { DateTime } from 'luxon';

/** Semiannual by default: May and November, away from the year's end and the summer holidays. */
export const DEFAULT_CAMPAIGN_MONTHS: readonly number[] = [5, 11];
/** How long a suggested campaign stays open. */
export const CAMPAIGN_OPEN_DAYS = 21;
/** The suggested opening hour, in the zone given: people read the invitation at the start of their day. */
const OPENING_HOUR = 9;

/** Problems with a list of campaign months, as messages (empty when fine): 1–12, no repeats, at least one. */
export function checkCampaignMonths(months: readonly number[]): string[] {
  const issues: string[] = [];
  if (months.length === 0) issues.push('choose at least one month');
  if (months.some((month) => !Number.isInteger(month) || month < 1 || month > 12))
    issues.push('months are numbers from 1 to 12');
  if (new Set(months).size !== months.length) issues.push('a month appears twice');
  return issues;
}

/**
 * The next campaign's suggested window: it opens at 09:00 (in `zone`) on the first working day
 * (Monday to Friday) of the next campaign month whose opening is still ahead of `now`, and closes
 * 21 days later at the same local time. Holidays are not known here: the desk moves the date.
 */
export function nextCampaignWindow(
  months: readonly number[],
  now: Date,
  zone: string,
): { opensAt: string; closesAt: string } {
  const wanted = months.length > 0 ? new Set(months) : new Set(DEFAULT_CAMPAIGN_MONTHS);
  const today = DateTime.fromJSDate(now, { zone });
  if (!today.isValid) throw new RangeError(`not a time zone: ${zone}`);
  // Thirteen months ahead always meets every month once, including this one again next year.
  for (let ahead = 0; ahead <= 13; ahead++) {
    const month = today.startOf('month').plus({ months: ahead });
    if (!wanted.has(month.month)) continue;
    let opens = month.set({ hour: OPENING_HOUR });
    while (opens.weekday > 5) opens = opens.plus({ days: 1 });
    if (opens.toMillis() <= now.getTime()) continue;
    const closes = opens.plus({ days: CAMPAIGN_OPEN_DAYS });
    return { opensAt: opens.toUTC().toISO() ?? '', closesAt: closes.toUTC().toISO() ?? '' };
  }
  throw new RangeError('no campaign month'); // unreachable with months in 1..12
}
