import type { Procedure } from '../../../domain/contracts/procedures.js';
import type { Group } from '../../../domain/contracts/support.js';
import type { Channel, TicketType } from '../../../domain/tickets/ticket-types.js';
import type { Clock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';
import type { Services } from '../../services.js';
import { actingAs } from '../auth/auth.service.js';

/** Deterministic pseudo-random numbers (mulberry32), so every demo workspace tells the same story. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

type Case = [TicketType, string, string];

// What each client writes about, in its own language.
const CASES: Record<string, Case[]> = {
  es: [
    ['incident', 'No carga la ficha del paciente', 'Al abrir la ficha aparece "Error 500" desde las 8:00.'],
    [
      'incident',
      'La agenda no muestra las horas del día',
      'La agenda del policlínico aparece vacía aunque hay reservas.',
    ],
    ['incident', 'Error de configuración al imprimir recetas', 'La impresora del box 3 imprime las recetas en blanco.'],
    ['incident', 'El portal de pacientes está lento', 'Los pacientes reclaman que la página tarda más de un minuto.'],
    [
      'incident',
      'No llegan los correos de confirmación',
      'Los pacientes no reciben el correo de confirmación de hora.',
    ],
    [
      'request',
      'Crear cuenta para nueva enfermera',
      'Ingresa el lunes al servicio de urgencias; necesita acceso a la historia clínica.',
    ],
    ['request', 'Habilitar acceso remoto (VPN)', 'El Dr. Soto atenderá por telemedicina desde su casa.'],
    ['request', 'Aumentar espacio del buzón', 'El buzón de admisión está lleno.'],
    ['query', '¿Cómo exporto el informe de atenciones?', 'Necesito el informe mensual en Excel para la dirección.'],
    ['query', '¿Se puede recuperar una receta anulada?', 'Una receta se anuló por error esta mañana.'],
  ],
  en: [
    [
      'incident',
      'Scanner guns cannot log in to the WMS',
      'Since the update, handheld scanners in DC2 reject every login.',
    ],
    ['incident', 'Fleet map not refreshing', 'Truck positions on the map are stuck at 07:40.'],
    ['incident', 'Picking lists print without barcodes', 'Lists from printer PR-14 come out without barcodes.'],
    ['incident', 'Route planner times out', "Planning tomorrow's routes fails with a timeout after five minutes."],
    ['request', 'New user for warehouse supervisor', 'Maria Lopez starts Monday as night-shift supervisor in DC1.'],
    ['request', 'Add a geofence for the new depot', 'The new depot in Valencia needs a geofence for arrival alerts.'],
    ['request', "Export of last quarter's deliveries", 'Finance needs every delivery of Q3 with timestamps.'],
    ['query', 'How do I reprint a shipping label?', 'A label was damaged; how can we print it again?'],
    ['query', 'Can drivers see their own history?', 'Drivers ask whether the app can show their past routes.'],
  ],
};

const CHANNELS: Channel[] = ['phone', 'phone', 'phone', 'email', 'email', 'portal', 'portal', 'chat', 'walk_in'];
const DAY = 86_400_000;

/**
 * A few hundred tickets over the last months, raised, worked and closed through the same services
 * the desk uses, with the clock moved to each moment — so every screen has something true to show.
 */
export async function createDemoTickets(
  services: Services,
  clock: Clock & { set(at: Date): void },
  now: Date,
  desk: { l2: Group[]; procedures: Procedure[] },
  count = 300,
) {
  const rng = random(20261129);
  const staff = (await services.users.list({ limit: 50 })).items;
  const workers = staff.filter((u) => u.roles.includes('agent') || u.roles.includes('specialist'));
  const organizations = (await services.organizations.list(systemContext, { limit: 50 })).items;
  const worlds = [];
  for (const organization of organizations) {
    const requesters = (await services.users.list({ organizationId: organization.id, limit: 50 })).items;
    const orgServices = await services.organizations.listServices(systemContext, organization.id);
    worlds.push({
      organization,
      requesters,
      services: orgServices,
      cases: CASES[organization.code === 'NORTHWIND' ? 'en' : 'es'] as Case[],
    });
  }
  const start = now.getTime() - 120 * DAY;
  const moments = Array.from({ length: count }, () => start + rng.next() * (now.getTime() - start - DAY)).sort(
    (a, b) => a - b,
  );

  for (const moment of moments) {
    const world = rng.pick(worlds);
    const requester = rng.pick(world.requesters);
    const worker = rng.pick(workers);
    const [type, subject, description] = rng.pick(world.cases);
    const channel = rng.pick(CHANNELS);
    const at = new Date(moment);
    // Office hours, mostly.
    at.setUTCHours(12 + Math.floor(rng.next() * 9), Math.floor(rng.next() * 60));
    clock.set(at);
    const raisedBy = channel === 'portal' ? actingAs(requester) : actingAs(worker);
    // Level 1 resolves a good share of phone calls while the caller is on the line.
    const firstContact =
      channel === 'phone' && type !== 'request' && rng.next() < 0.45 && workers.some((w) => w.id === worker.id);
    const ticket = await services.tickets.create(raisedBy, {
      type,
      subject,
      description: `<p>${description}</p>`,
      serviceId: rng.pick(world.services).id,
      ...(channel === 'portal' ? {} : { requesterId: requester.id, channel }),
      impact: rng.pick(['high', 'medium', 'medium', 'low'] as const),
      urgency: rng.pick(['high', 'medium', 'medium', 'low'] as const),
      ...(firstContact
        ? {
            firstContactResolution: {
              resolutionCode: 'solved' as const,
              resolutionNotes: 'Resuelto en la llamada siguiendo el procedimiento.',
            },
          }
        : {}),
    });
    const age = now.getTime() - at.getTime();
    const step = async (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));
    const as = actingAs(worker);
    if (firstContact) {
      const procedure = desk.procedures.find((p) => p.audience === 'L1' && rng.next() < 0.6);
      if (procedure) await services.procedureApplications.apply(as, ticket.id, procedure.id);
      continue;
    }
    if (age < 4 * DAY && rng.next() < 0.5) continue; // still new, waiting in the queue
    await step(2 + rng.next() * 20);
    let version = (await services.tickets.apply(as, ticket.id, { version: ticket.version, assigneeId: worker.id }))
      .version;
    await step(3 + rng.next() * 30);
    await services.conversation.post(as, ticket.id, 'reply', {
      bodyHtml:
        world.cases === CASES.en ? '<p>Thanks, we are looking into it.</p>' : '<p>Gracias, lo estamos revisando.</p>',
    });
    version += 1;
    if (rng.next() < 0.3) {
      await step(20);
      await services.conversation.post(as, ticket.id, 'note', {
        bodyHtml: '<p>Revisado el registro del servidor; sin errores de red.</p>',
      });
      version += 1;
    }
    const l2 = rng.pick(desk.l2);
    if (l2 && rng.next() < 0.25) {
      // Needs a specialist: escalated with what L1 tried.
      await step(15);
      const moved = await services.escalations.escalate(as, ticket.id, {
        toGroupId: l2.id,
        summary: 'Se reprodujo el problema y se aplicó el procedimiento de N1 sin éxito.',
      });
      version = moved.version;
    }
    if (age < 6 * DAY && rng.next() < 0.6) {
      // Still being worked: some wait on the requester or a vendor.
      const waiting = rng.next();
      await step(30);
      await services.tickets.apply(as, ticket.id, {
        version,
        ...(waiting < 0.3
          ? { status: 'pending' as const, pendingReason: rng.pick(['requester', 'third_party'] as const) }
          : { status: 'in_progress' as const }),
      });
      continue;
    }
    // Most cases close within the day; some take longer and miss their target.
    await step(30 + rng.next() * (rng.next() < 0.85 ? 60 * 5 : 60 * 30));
    version = (
      await services.tickets.apply(as, ticket.id, {
        version,
        status: 'resolved',
        resolutionCode: rng.pick(['solved', 'solved', 'solved', 'workaround'] as const),
        resolutionNotes:
          world.cases === CASES.en
            ? 'Fixed and verified with the requester.'
            : 'Solucionado y verificado con el solicitante.',
      })
    ).version;
    if (age > 10 * DAY) {
      await step(60 * 24 * (1 + rng.next() * 3));
      await services.tickets.apply(actingAs(requester), ticket.id, { version, status: 'closed' });
    }
  }
  clock.set(now);
}
