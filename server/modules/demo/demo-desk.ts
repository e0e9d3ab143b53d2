import { systemContext } from '../../platform/request-context.js';
import type { Services } from '../../services.js';
import { toPrincipal } from '../auth/auth.service.js';

const PROCEDURES = [
  {
    audience: 'L1' as const,
    title: 'Desbloquear cuenta de usuario',
    summary: 'El usuario no puede iniciar sesión porque su cuenta quedó bloqueada.',
    steps: [
      'Verificar la identidad del solicitante',
      'Desbloquear la cuenta en el directorio',
      'Pedir que inicie sesión mientras sigue en línea',
    ],
  },
  {
    audience: 'L1' as const,
    title: 'Impresora no imprime o imprime en blanco',
    summary: 'Recetas o guías que salen en blanco o no salen.',
    steps: ['Revisar la cola de impresión', 'Reiniciar la impresora', 'Imprimir una página de prueba'],
  },
  {
    audience: 'L2' as const,
    specialty: 'Aplicaciones',
    title: 'Error 500 al abrir la ficha clínica',
    summary: 'El servidor de aplicaciones responde con error al abrir fichas.',
    steps: [
      'Revisar el registro del servidor de aplicaciones',
      'Reiniciar el pool de conexiones',
      'Verificar con una ficha de prueba',
    ],
  },
  {
    audience: 'L1' as const,
    title: 'Scanner cannot log in to the WMS',
    summary: 'Handheld scanners reject logins after an update.',
    steps: ['Check the scanner date and time', 'Clear the WMS app cache', 'Log in again with the operator badge'],
  },
  {
    audience: 'requesters' as const,
    title: 'Cómo restablecer tu contraseña',
    summary: 'Puedes elegir una contraseña nueva tú mismo desde la página de inicio de sesión.',
    steps: [
      'En la página de inicio de sesión, elige "¿Olvidaste tu contraseña?"',
      'Escribe el correo de tu cuenta',
      'Abre el enlace que llega a tu correo (sirve una vez, durante una hora) y elige la contraseña nueva',
    ],
  },
];

const TARGETS = [
  { priority: 1, firstResponseMinutes: 15, resolutionMinutes: 240 },
  { priority: 2, firstResponseMinutes: 30, resolutionMinutes: 480 },
  { priority: 3, firstResponseMinutes: 120, resolutionMinutes: 1440 },
  { priority: 4, firstResponseMinutes: 240, resolutionMinutes: 2880 },
];

// Around the clock the logistics company agreed tighter times.
const TARGETS_24X7 = [
  { priority: 1, firstResponseMinutes: 15, resolutionMinutes: 120 },
  { priority: 2, firstResponseMinutes: 30, resolutionMinutes: 240 },
  { priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 },
  { priority: 4, firstResponseMinutes: 120, resolutionMinutes: 960 },
];

/** Problem reports: two to twenty business days in office hours (of ten hours), one to seven days around the clock. */
const PROBLEM_TARGETS = [
  { priority: 1, resolutionMinutes: 1200 },
  { priority: 2, resolutionMinutes: 3000 },
  { priority: 3, resolutionMinutes: 6000 },
  { priority: 4, resolutionMinutes: 12000 },
];
const PROBLEM_TARGETS_24X7 = [
  { priority: 1, resolutionMinutes: 1440 },
  { priority: 2, resolutionMinutes: 2880 },
  { priority: 3, resolutionMinutes: 5760 },
  { priority: 4, resolutionMinutes: 10080 },
];

/** Each client's agreement: the clinic in Santiago office hours, the logistics company around the clock. */
async function createDemoAgreements(services: Services) {
  const office = await services.agreements.createCalendar(systemContext, {
    name: 'Santiago, lunes a viernes 08:30–18:30',
    timeZone: 'America/Santiago',
    weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '08:30', end: '18:30' }]])),
    holidays: [
      { month: 1, day: 1, name: 'Año Nuevo' },
      { month: 5, day: 1, name: 'Día del Trabajo' },
      { month: 9, day: 18, name: 'Fiestas Patrias' },
      { month: 9, day: 19, name: 'Glorias del Ejército' },
      { month: 12, day: 25, name: 'Navidad' },
    ],
  });
  const always = await services.agreements.createCalendar(systemContext, {
    name: '24×7 Madrid',
    timeZone: 'Europe/Madrid',
    weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  });
  const organizations = (await services.organizations.list(systemContext, { limit: 50 })).items;
  const staff = (await services.users.list({ limit: 50 })).items;
  const manager = staff.find((u) => u.roles.includes('admin'))?.id;
  for (const organization of organizations) {
    const roundTheClock = organization.code === 'NORTHWIND';
    await services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: roundTheClock ? 'Operations support 24×7' : 'Acuerdo de servicio 2026',
      calendarId: roundTheClock ? always.id : office.id,
      targets: roundTheClock ? TARGETS_24X7 : TARGETS,
      problemTargets: roundTheClock ? PROBLEM_TARGETS_24X7 : PROBLEM_TARGETS,
      levelMinutes: { L1: 60 },
      escalations: [
        { target: 'first_response', percent: 100, notify: ['assignee', 'group_lead'] },
        { target: 'resolution', percent: 75, notify: ['assignee', 'group_lead'] },
        { target: 'resolution', percent: 100, notify: ['supervisors'], escalate: true },
        // The service manager hears of a case still open four business hours past its breach.
        ...(manager
          ? [{ target: 'resolution' as const, percent: 100, afterMinutes: 240, notify: [], userIds: [manager] }]
          : []),
      ],
    });
  }
}

/** The desk's levels for the demo: an L1 service desk, two L2 specialties, routing and procedures. */
export async function createDemoDesk(services: Services) {
  await createDemoAgreements(services);
  const staff = (await services.users.list({ limit: 50 })).items;
  const byRole = (role: string) => staff.filter((u) => u.roles.includes(role as never)).map((u) => u.id);
  const [agent] = byRole('agent');
  const [specialist] = byRole('specialist');
  const [supervisor] = byRole('supervisor');
  const colleague = await services.users.create(systemContext, {
    name: 'Marta Quiroga',
    email: 'marta.quiroga@mesa.demo',
    roles: ['specialist'],
  });
  await services.groups.create(systemContext, {
    name: 'Mesa de servicio N1',
    level: 'L1',
    isDefault: true,
    assignment: 'round_robin',
    memberIds: byRole('agent'),
    ...(supervisor ? { leadId: supervisor } : {}),
  });
  const applications = await services.groups.create(systemContext, {
    name: 'N2 Aplicaciones',
    level: 'L2',
    specialty: 'Aplicaciones',
    assignment: 'load',
    memberIds: [specialist, colleague.id].filter((id): id is string => !!id),
  });
  const infrastructure = await services.groups.create(systemContext, {
    name: 'N2 Infraestructura',
    level: 'L2',
    specialty: 'Infraestructura',
    memberIds: [colleague.id],
  });
  const infraCategory = (await services.categories.list(systemContext, {})).find((c) => c.name === 'Infraestructura');
  if (infraCategory) {
    await services.groups.createRule(systemContext, {
      name: 'Infraestructura directo a N2',
      position: 10,
      categoryId: infraCategory.id,
      groupId: infrastructure.id,
    });
  }
  const author = staff.find((u) => u.id === agent) ?? staff[0];
  const reviewer = staff.find((u) => u.id === supervisor) ?? staff[0];
  if (!author || !reviewer) return { l2: [applications, infrastructure], procedures: [] };
  const asAuthor = { principal: toPrincipal(author, 'session'), requestId: null, ip: null };
  const asReviewer = { principal: toPrincipal(reviewer, 'session'), requestId: null, ip: null };
  const procedures = [];
  for (const article of PROCEDURES) {
    const draft = await services.procedures.create(asAuthor, article);
    const submitted = await services.procedures.act(asAuthor, draft.id, { version: draft.version, action: 'submit' });
    procedures.push(
      await services.procedures.act(asReviewer, draft.id, { version: submitted.version, action: 'publish' }),
    );
  }
  return { l2: [applications, infrastructure], procedures };
}
