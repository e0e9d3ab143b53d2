import { describe, expect, it } from 'vitest';
import { holidaysFromICalendar, mergeHolidays } from './icalendar.js';

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//', ...events, 'END:VCALENDAR'].join('\r\n');

describe('holidays from iCalendar', () => {
  it('reads all-day dates, yearly rules, multi-day events and folded names', () => {
    const { holidays, skipped } = holidaysFromICalendar(
      ics(
        'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260918\r\nDTEND;VALUE=DATE:20260920\r\nSUMMARY:Fiestas Patrias\r\nEND:VEVENT',
        'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:A\r\n ño Nuevo\r\nEND:VEVENT',
        'BEGIN:VEVENT\r\nDTSTART:20260401T100000Z\r\nSUMMARY:Reunión\r\nEND:VEVENT',
        'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260525\r\nRRULE:FREQ=YEARLY;BYDAY=-1MO;BYMONTH=5\r\nSUMMARY:Memorial Day\r\nEND:VEVENT',
        'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261208\r\nSUMMARY:Inmaculada\\, Concepción\r\nEND:VEVENT',
      ),
    );
    expect(holidays).toEqual([
      { date: '2026-09-18', name: 'Fiestas Patrias' },
      { date: '2026-09-19', name: 'Fiestas Patrias' },
      { month: 1, day: 1, name: 'Año Nuevo' },
      { date: '2026-12-08', name: 'Inmaculada, Concepción' },
    ]);
    // A timed event and a rule that is not one date a year are not holidays.
    expect(skipped).toBe(2);
  });

  it('accepts LF line ends and events without DTEND, and merges without repeating a date', () => {
    const { holidays } = holidaysFromICalendar(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nSUMMARY:Navidad\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    expect(holidays).toEqual([{ date: '2026-12-25', name: 'Navidad' }]);
    expect(mergeHolidays([{ date: '2026-12-25' }, { month: 5, day: 1 }], holidays)).toEqual([
      { date: '2026-12-25' },
      { month: 5, day: 1 },
    ]);
  });

  it('finds nothing in what is not a calendar', () => {
    expect(holidaysFromICalendar('hello')).toEqual({ holidays: [], skipped: 0 });
  });
});
