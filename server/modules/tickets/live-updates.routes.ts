import { isStaff } from '../../../domain/roles.js';
import { type ResolvePrincipal, SESSION_COOKIE } from '../../platform/access-control.js';
import type { Clock } from '../../platform/clock.js';
import type { CredentialsEnded, EventBus, TicketChange } from '../../platform/event-bus.js';
import type { App } from '../../platform/http.js';
import { canSeeTicketChange } from '../../platform/policies.js';
import type { Principal } from '../../platform/request-context.js';
import { systemContext } from '../../platform/request-context.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';

const HEARTBEAT_MS = 25_000;
/**
 * How stale the stream's view of its credentials may be before the next event re-resolves them:
 * a sign-out or deactivation elsewhere (another instance, the database directly) is noticed
 * within this much, at one query per stream at most this often.
 */
export const RECHECK_MS = 5_000;

/** Whether ended credentials are the ones a stream rests on. */
export function restsOn(principal: Principal, ended: CredentialsEnded): boolean {
  if (ended.scope === 'session') return principal.via === 'session' && principal.sessionId === ended.sessionId;
  if (principal.userId !== ended.userId) return false;
  if (ended.scope === 'tokens') return principal.via === 'token';
  return principal.via === 'session' && principal.sessionId !== ended.keepSessionId;
}

/**
 * Server-sent events: a line per ticket change the caller may see, so open views refresh themselves.
 * A stream lives only as long as its credentials: it closes when they end (sign-out, deactivation,
 * revoked tokens, told through the bus) and re-resolves them before an event when its last look
 * is older than RECHECK_MS, and at each heartbeat.
 */
export function registerLiveUpdateRoutes(
  app: App,
  {
    bus,
    organizations,
    auth,
    clock,
  }: { bus: EventBus; organizations: OrganizationsService; auth: { resolve: ResolvePrincipal }; clock: Clock },
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
      let principal = request.principal;
      if (!principal) return;
      // The credentials the stream was opened with, to look at again (a bearer wins, as on every request).
      const header = request.headers.authorization;
      const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
      const sessionSecret = bearer === undefined ? request.cookies[SESSION_COOKIE] : undefined;
      const credentials = { ...(bearer ? { bearer } : {}), ...(sessionSecret ? { sessionSecret } : {}) };
      const staff = isStaff(principal.roles);
      const organization =
        !staff && principal.organizationId
          ? await organizations.get(systemContext, principal.organizationId).catch(() => null)
          : null;
      const sharesTickets = organization?.requestersSeeAllTickets === true;

      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(request.id),
      });
      reply.raw.write('retry: 3000\n\n');

      let open = true;
      let checkedAt = clock.now().getTime();
      /** Whether the credentials still hold; a fresh principal also carries changed roles. */
      const stillValid = async (force = false): Promise<boolean> => {
        if (!open) return false;
        const now = clock.now().getTime();
        if (!force && now - checkedAt < RECHECK_MS) return true;
        checkedAt = now;
        const current = await auth.resolve(credentials).catch(() => null);
        if (!current || current.userId !== principal?.userId) {
          end();
          return false;
        }
        principal = current;
        return open;
      };
      // Events are written in the order they came, each after its check.
      let queue = Promise.resolve();
      const unsubscribe = bus.subscribe((change: TicketChange) => {
        queue = queue.then(async () => {
          if (!(await stillValid()) || !principal) return;
          if (!canSeeTicketChange(principal, sharesTickets, change)) return;
          const data = { ticketId: change.ticketId, number: change.number, version: change.version, kind: change.kind };
          reply.raw.write(`event: ticket\ndata: ${JSON.stringify(data)}\n\n`);
        });
      });
      const stopWatching = bus.onCredentialsEnded((ended) => {
        if (principal && restsOn(principal, ended)) end();
      });
      const heartbeat = setInterval(() => {
        void stillValid(true).then((valid) => valid && reply.raw.write(': keep-alive\n\n'));
      }, HEARTBEAT_MS);
      function end() {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        stopWatching();
        streams.delete(end);
        reply.raw.end();
      }
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
