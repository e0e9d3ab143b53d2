import type { JobCounts } from '../../platform/jobs.js';
import type { DemoMoment } from '../../platform/module.js';
import { systemContext } from '../../platform/request-context.js';
import { actingAs } from '../auth/auth.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { CommitmentsService } from '../supervision/commitments.service.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { UsersService } from '../users/users.service.js';

const MINUTE = 60_000;

/**
 * A few tickets on the around-the-clock agreement placed so the supervisor's console has each SLA
 * state to show whenever the demo starts: one at risk, one breached with a commitment, one paused.
 * Then the SLA job runs once at "now", firing what the demo's history left due.
 */
export async function createServiceLevelShowcase(
  services: {
    organizations: OrganizationsService;
    users: UsersService;
    tickets: TicketsService;
    ticketReads: TicketReadsService;
    conversation: ConversationService;
    commitments: CommitmentsService;
    watchServiceLevels(): Promise<JobCounts>;
  },
  { clock, now }: DemoMoment,
) {
  const organizations = (await services.organizations.list(systemContext, { limit: 50 })).items;
  const northwind = organizations.find((o) => o.code === 'NORTHWIND');
  const staff = (await services.users.list({ limit: 50 })).items;
  const agent = staff.find((u) => u.roles.includes('agent'));
  const supervisor = staff.find((u) => u.roles.includes('supervisor'));
  if (!northwind || !agent || !supervisor) return;
  const [requester] = (await services.users.list({ organizationId: northwind.id, limit: 1 })).items;
  const [service] = await services.organizations.listServices(systemContext, northwind.id);
  if (!requester || !service) return;
  const as = actingAs(agent);
  const raise = async (minutesAgo: number, subject: string, description: string) => {
    clock.set(new Date(now.getTime() - minutesAgo * MINUTE));
    const ticket = await services.tickets.create(as, {
      type: 'incident',
      subject,
      description: `<p>${description}</p>`,
      serviceId: service.id,
      requesterId: requester.id,
      channel: 'phone',
      impact: 'high',
      urgency: 'high',
    });
    clock.set(new Date(now.getTime() - (minutesAgo - 10) * MINUTE));
    await services.conversation.post(as, ticket.id, 'reply', { bodyHtml: '<p>We are on it.</p>' });
    return services.ticketReads.findVisible(systemContext, ticket.id);
  };

  // Priority 1 resolves in two hours around the clock: 95 minutes in, it is past 75 %.
  await raise(95, 'Label printer queue stuck at the Rotterdam hub', 'Nothing prints since the night shift.');
  const late = await raise(
    200,
    'Tracking page returns 502 for all customers',
    'Customers cannot see their parcels; calls are piling up.',
  );
  const waiting = await raise(60, 'Carrier API rejects our token', 'The carrier says the token expired.');
  clock.set(new Date(now.getTime() - 30 * MINUTE));
  await services.tickets.apply(as, waiting.id, {
    version: waiting.version,
    status: 'pending',
    pendingReason: 'third_party',
  });

  clock.set(now);
  await services.watchServiceLevels();
  // The breached one: the supervisor promises a date, and tells the requester.
  await services.commitments.create(actingAs(supervisor), late.id, {
    promisedAt: new Date(now.getTime() + 3 * 60 * MINUTE).toISOString(),
    note: 'The hosting provider is replacing the failed load balancer; we will confirm once traffic is back.',
    tellRequester: true,
  });
}
