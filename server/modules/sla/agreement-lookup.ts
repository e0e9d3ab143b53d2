import type { Kysely } from 'kysely';
import type { BusinessCalendar } from '../../../domain/sla/business-calendar.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { AgreementTable, CalendarTable, DB } from '../../db/schema.js';
import * as repo from './agreements.repository.js';

/** What tickets' and problems' clocks both start from: an organization's agreement and its calendar. */

// Calendar rows come from the configuration cache, so each is parsed once while it lasts.
const parsedCalendars = new WeakMap<CalendarTable, BusinessCalendar>();

export function toBusinessCalendar(row: CalendarTable): BusinessCalendar {
  let calendar = parsedCalendars.get(row);
  if (!calendar) {
    calendar = { timeZone: row.time_zone, weekly: JSON.parse(row.weekly), holidays: JSON.parse(row.holidays) };
    parsedCalendars.set(row, calendar);
  }
  return calendar;
}

/** The organization's agreement and its calendar, from the configuration kept in memory. */
export function agreementOf(
  config: ConfigCache,
  db: Kysely<DB>,
  organizationId: string,
): Promise<{ agreement: AgreementTable | undefined; calendar: CalendarTable | null }> {
  return config.read(db, `agreement:${organizationId}`, async () => {
    const [agreement] = await repo.listAgreements(db, organizationId);
    const calendar = agreement ? ((await repo.findCalendar(db, agreement.calendar_id)) ?? null) : null;
    return { agreement, calendar };
  });
}

/** The calendar as the explanation shows it. */
export const calendarSummary = (calendar: CalendarTable) => ({
  id: calendar.id,
  name: calendar.name,
  timeZone: calendar.time_zone,
  weekly: JSON.parse(calendar.weekly),
  holidays: JSON.parse(calendar.holidays),
});
