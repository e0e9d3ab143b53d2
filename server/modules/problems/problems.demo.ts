import type { DemoMoment } from '../../platform/module.js';
import { systemContext } from '../../platform/request-context.js';
import { actingAs } from '../auth/auth.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { UsersService } from '../users/users.service.js';
import type { ProblemCandidatesService } from './problem-candidates.service.js';
import type { ProblemIncidentsService } from './problem-incidents.service.js';
import type { ProblemsService } from './problems.service.js';

const HOUR = 3_600_000;

/**
 * Problems in each state with incidents of two clients, a known error whose workaround the first
 * line applied, and a pending candidate: six alike incidents, then the candidates job run once.
 */
export async function createProblemShowcase(
  services: {
    organizations: OrganizationsService;
    users: UsersService;
    tickets: TicketsService;
    problems: ProblemsService;
    problemIncidents: ProblemIncidentsService;
    problemCandidates: ProblemCandidatesService;
  },
  { clock, now }: DemoMoment,
) {
  const organizations = (await services.organizations.list(systemContext, { limit: 50 })).items;
  const clients = ['NORTHWIND', 'CLINAND'].map((code) => organizations.find((o) => o.code === code));
  const staff = (await services.users.list({ limit: 50 })).items;
  const agent = staff.find((u) => u.roles.includes('agent'));
  const manager = staff.find((u) => u.roles.includes('supervisor') || u.roles.includes('specialist'));
  if (!agent || !manager || clients.some((c) => !c)) return;
  const requesters: { id: string }[] = [];
  for (const client of clients) {
    const [requester] = (await services.users.list({ organizationId: client?.id ?? '', limit: 1 })).items;
    if (!requester) return;
    requesters.push(requester);
  }
  const asAgent = actingAs(agent);
  const asManager = actingAs(manager);
  const at = (hoursAgo: number) => clock.set(new Date(now.getTime() - hoursAgo * HOUR));
  const raise = async (hoursAgo: number, client: number, subject: string, description: string) => {
    at(hoursAgo);
    const ticket = await services.tickets.create(asAgent, {
      type: 'incident',
      subject,
      description: `<p>${description}</p>`,
      requesterId: requesters[client]?.id ?? '',
      channel: 'phone',
    });
    return ticket.id;
  };
  const record = async (
    hoursAgo: number,
    subject: string,
    incidents: string[],
    moves: Parameters<ProblemsService['update']>[2][],
  ) => {
    at(hoursAgo);
    const id = await services.problemIncidents.createWithIncidents(
      asManager,
      { subject, description: `<p>${subject}</p>`, organizationIds: clients.map((c) => c?.id ?? '') },
      incidents,
    );
    let version = 1;
    for (const [i, move] of moves.entries()) {
      at(hoursAgo - 2 * (i + 1));
      version = (await services.problems.update(asManager, id, { ...move, version })).version;
    }
    return id;
  };

  const mail = [
    await raise(200, 0, 'Outlook asks for the password again', 'Every hour.'),
    await raise(190, 1, 'Outlook pide la contraseña', 'Cada hora.'),
  ];
  await record(180, 'Mail clients ask for the password every hour', mail, []);
  const vpn = [
    await raise(170, 0, 'VPN drops', 'Disconnects every few minutes.'),
    await raise(160, 1, 'La VPN se cae', 'Se desconecta.'),
  ];
  await record(150, 'VPN sessions drop after the gateway update', vpn, [{ version: 1, status: 'investigating' }]);
  const printing = [
    await raise(140, 0, 'Labels print blank', 'Since Monday.'),
    await raise(130, 1, 'Etiquetas en blanco', 'Desde el lunes.'),
  ];
  const known = await record(120, 'Label printers print blank labels after the driver update', printing, [
    {
      version: 1,
      status: 'known_error',
      workaroundDesk: '<p>Roll the driver back to 5.2 from the print console.</p>',
      workaroundPublic: '<p>Print from the second tray until we fix it.</p>',
    },
  ]);
  const later = await raise(100, 0, 'Blank labels again', 'Same as last week.');
  at(99);
  await services.problemIncidents.applyWorkaround(asAgent, known, { ticketId: later, as: 'reply' });
  const erp = [
    await raise(90, 0, 'ERP invoice export fails', 'Error 500.'),
    await raise(80, 1, 'Falla la exportación de facturas', 'Error 500.'),
  ];
  const fix = { cause: '<p>A certificate expired.</p>', permanentFix: '<p>Certificate renewed and monitored.</p>' };
  await record(70, 'Invoice export fails: expired certificate', erp, [
    { version: 1, status: 'investigating' },
    { version: 2, status: 'resolved', ...fix },
  ]);
  const wifi = [
    await raise(60, 0, 'Wi-Fi slow in meeting rooms', 'Slow.'),
    await raise(55, 1, 'Wi-Fi lenta en salas', 'Lenta.'),
  ];
  await record(50, 'Meeting-room Wi-Fi saturates at 10:00', wifi, [
    { version: 1, status: 'investigating' },
    { version: 2, status: 'resolved', ...fix },
    { version: 3, status: 'closed' },
  ]);
  const dup = [await raise(45, 1, 'Teams no arranca', 'Pantalla blanca.')];
  await record(44, 'Teams shows a white screen (duplicate)', dup, [{ version: 1, status: 'cancelled' }]);

  // A recurring cluster for the candidates job: six alike incidents of one client in two days.
  for (let i = 0; i < 6; i++)
    await raise(
      40 - i * 5,
      0,
      `Scanner at reception does not send to e-mail (${i + 1})`,
      'The reception scanner fails to send scans to e-mail with an SMTP authentication error.',
    );
  clock.set(now);
  await services.problemCandidates.refresh();
}
