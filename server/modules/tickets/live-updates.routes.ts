import { isStaff } from '../../../domain/roles.js';
import type { EventBus, TicketChange } from '../../platform/event-bus.js';
import type { App } from '../../platform/http.js';
import { canSeeTicketChange } from '../../platform/policies.js';
import { systemContext } from '../../platform/request-context.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';

const HEARTBEAT_MS = 25_000;

/** Server-sent events: a line per ticket change the caller may see, so open views refresh themselves. */
export function registerLiveUpdateRoutes(
  app: App,
  { bus, organizations }: { bus: EventBus; organizations: OrganizationsService },
) {
  // Streams never finish on their own; a shutdown ends them so it does not wait forever.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  app.get(
    '/events',
    {
      config: { permission: 'tickets.read' },
      schema: { tags: ['tickets'], description: 'text/event-stream of `ticket` events' },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) return;
      const staff = isStaff(principal.roles);
      const organization =
        !staff && principal.organizationId
          ? await organizations.get(systemContext, principal.organizationId).catch(() => null)
          : null;
      const sharesTickets = organization?.requestersSeeAllTickets === true;
      const visible = (change: TicketChange) => canSeeTicketChange(principal, sharesTickets, change);

      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(request.id),
      });
      reply.raw.write('retry: 3000\n\n');
      const unsubscribe = bus.subscribe((change) => {
        if (!visible(change)) return;
        const data = { ticketId: change.ticketId, number: change.number, version: change.version, kind: change.kind };
        reply.raw.write(`event: ticket\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        reply.raw.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
