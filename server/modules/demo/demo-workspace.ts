import { randomBytes } from 'node:crypto';
import type { Role } from '../../../domain/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/connect.js';
import { demoOfModules } from '../../modules.js';
import { fixedClock } from '../../platform/clock.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import { buildServices } from '../../services.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { UsersService } from '../users/users.service.js';
import { createDemoDesk } from './demo-desk.js';
import { createDemoTickets } from './demo-tickets.js';

export interface DemoCredential {
  email: string;
  password: string;
  roles: Role[];
  organization: string | null;
}

/** Readable but random: four groups of four letters and digits, about 80 bits. */
function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const ORGANIZATIONS = [
  {
    name: 'Clínica Andina',
    code: 'CLINAND',
    services: [
      ['Historia clínica electrónica', 'Plataforma de registros clínicos'],
      ['Portal de pacientes', 'Reservas de hora y resultados en línea'],
      ['Correo corporativo', 'Correo y calendario del personal'],
    ],
    requester: { name: 'Lucía Fernández', email: 'lucia.fernandez@clinica-andina.demo' },
    colleagues: [
      { name: 'Jorge Paredes', email: 'jorge.paredes@clinica-andina.demo' },
      { name: 'Valentina Ríos', email: 'valentina.rios@clinica-andina.demo' },
    ],
  },
  {
    name: 'Northwind Logistics',
    code: 'NORTHWIND',
    services: [
      ['Warehouse management', 'WMS for the three distribution centres'],
      ['Fleet tracking', 'GPS tracking and route planning'],
    ],
    requester: { name: 'Oliver Grant', email: 'oliver.grant@northwind.demo' },
    colleagues: [{ name: 'Priya Natarajan', email: 'priya.natarajan@northwind.demo' }],
  },
] as const;

const STAFF: { name: string; email: string; roles: Role[] }[] = [
  { name: 'Admin Mesa', email: 'admin@mesa.demo', roles: ['admin'] },
  { name: 'Ana Torres', email: 'ana.torres@mesa.demo', roles: ['agent'] },
  { name: 'Diego Rojas', email: 'diego.rojas@mesa.demo', roles: ['specialist'] },
  { name: 'Carmen Vidal', email: 'carmen.vidal@mesa.demo', roles: ['supervisor'] },
  { name: 'Pablo Méndez', email: 'pablo.mendez@mesa.demo', roles: ['analyst'] },
];

/**
 * A small workspace to try Mesa with: two client organizations with services, one requester
 * each, and one person per staff role. Every password is random and returned once to print.
 */
export async function createDemoWorkspace(
  services: { organizations: OrganizationsService; users: UsersService },
  ctx: RequestContext = systemContext,
): Promise<DemoCredential[]> {
  const credentials: DemoCredential[] = [];
  for (const person of STAFF) {
    const password = randomPassword();
    await services.users.create(ctx, { ...person, password });
    credentials.push({ email: person.email, password, roles: person.roles, organization: null });
  }
  for (const spec of ORGANIZATIONS) {
    const organization = await services.organizations.create(ctx, { name: spec.name, code: spec.code });
    for (const [name, description] of spec.services) {
      await services.organizations.createService(ctx, organization.id, { name, description });
    }
    const password = randomPassword();
    // Each client's contact is its client manager too: they review questionnaires and read results.
    const roles: Role[] = ['requester', 'client_manager'];
    await services.users.create(ctx, { ...spec.requester, roles, organizationId: organization.id, password });
    credentials.push({ email: spec.requester.email, password, roles, organization: spec.name });
    // Colleagues raise tickets too, but have no password until an admin sets one.
    for (const colleague of spec.colleagues) {
      await services.users.create(ctx, { ...colleague, roles: ['requester'], organizationId: organization.id });
    }
  }
  return credentials;
}

const CATEGORIES: [string, string[]][] = [
  ['Accesos y cuentas', ['Alta de usuario', 'Contraseña', 'Permisos']],
  ['Aplicaciones', ['Error', 'Lentitud', 'Informes']],
  ['Infraestructura', ['Red', 'Impresoras', 'Correo']],
];

/**
 * The whole demo workspace: people and organizations, a category tree, and a few hundred tickets
 * over the last four months, made by services running on a clock moved to each moment.
 */
export async function seedDemoWorkspace(database: Database, config: Pick<Config, 'sessionTtlHours' | 'dataDir'>) {
  const now = new Date();
  const clock = fixedClock(new Date(now.getTime() - 125 * 86_400_000));
  // No mail settings: the demo's history must not send hundreds of notices to made-up people.
  const services = buildServices(database, clock, { sessionTtlHours: config.sessionTtlHours, dataDir: config.dataDir });
  const credentials = await createDemoWorkspace(services);
  for (const [name, children] of CATEGORIES) {
    const parent = await services.categories.create(systemContext, { name });
    for (const child of children) await services.categories.create(systemContext, { name: child, parentId: parent.id });
  }
  const desk = await createDemoDesk(services);
  await createDemoTickets(services, clock, now, desk);
  // Each module's own part, on the people, desk and tickets made above.
  await demoOfModules(services, { clock, now });
  return credentials;
}

export function formatCredentials(credentials: DemoCredential[], url: string): string {
  const width = Math.max(...credentials.map((c) => c.email.length));
  const lines = credentials.map(
    (c) =>
      `  ${c.email.padEnd(width)}  ${c.password}  ${c.roles.join(', ')}${c.organization ? ` (${c.organization})` : ''}`,
  );
  return [
    '',
    `Mesa created a demo workspace. Sign in at ${url} with one of these accounts.`,
    'The passwords are random and shown only now; keep them or reset them with the mesa CLI.',
    '',
    ...lines,
    '',
  ].join('\n');
}
