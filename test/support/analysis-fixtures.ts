import type { TicketHistory } from '../../domain/analysis/ticket-facts.js';
import type { BusinessCalendar } from '../../domain/sla/business-calendar.js';

/**
 * Test fixtures for the analysis domain: office calendars in the two zones the tests cut months
 * in, and a ticket whose every field a test can override. Only tests import this file.
 */
export const officeHours = (timeZone: string): BusinessCalendar => ({
  timeZone,
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
});

export const SANTIAGO = officeHours('America/Santiago');
export const MADRID = officeHours('Europe/Madrid');

export const at = (iso: string) => Date.parse(iso);

/** A native L1 phone incident with no agreement, created at `createdAt` and still new. */
export function aTicket(createdAt: number, overrides: Partial<TicketHistory> = {}): TicketHistory {
  return {
    id: 't1',
    organizationId: 'northwind',
    type: 'incident',
    channel: 'phone',
    priority: 3,
    serviceId: 'email',
    categoryId: 'printers',
    groupId: 'service-desk',
    agentId: 'ana',
    createdAt,
    statusHistory: [{ at: createdAt, status: 'new' }],
    firstResponseAt: null,
    firstContact: false,
    levelAtCreation: 'L1',
    escalations: [],
    procedureAppliedAt: null,
    slaTargets: null,
    commitments: [],
    satisfaction: null,
    linkedToProblemAt: null,
    imported: false,
    ...overrides,
  };
}
