import type { TicketType } from '../../domain/tickets/ticket-types.js';
import type { Language } from './vocabulary.js';

/**
 * The cases the generated desk handles, per language and type, each in a family of categories
 * (and the L2 specialty that takes the family's escalations). `{system}`, `{place}`, `{n}` and
 * `{person}` are filled per ticket, so few templates make many different tickets.
 */
export interface CaseTemplate {
  type: TicketType;
  subject: string;
  description: string;
  /** The category family the case belongs to (an index into CATEGORY_TREE). */
  family: number;
}

/** Parent categories and their children; shared by every organization, like the demo's tree. */
export const CATEGORY_TREE: readonly [string, readonly string[]][] = [
  ['Accesos y cuentas', ['Alta de usuario', 'Contraseña', 'Permisos']],
  ['Aplicaciones', ['Error', 'Lentitud', 'Informes']],
  ['Infraestructura', ['Red', 'Impresoras', 'Servidores']],
  ['Correo y colaboración', ['Buzón', 'Calendario', 'Listas']],
  ['Puesto de trabajo', ['Equipo', 'Software', 'Periféricos']],
];

/** L2 specialties, each taking one family of cases when L1 cannot resolve them. */
export const SPECIALTIES: readonly { name: string; family: number }[] = [
  { name: 'Identidad y accesos', family: 0 },
  // Named apart from the demo workspace's groups, so both can live in one database.
  { name: 'Aplicaciones de negocio', family: 1 },
  { name: 'Redes e infraestructura', family: 2 },
  { name: 'Colaboración y puesto de trabajo', family: 3 },
];

const ES: CaseTemplate[] = [
  {
    type: 'incident',
    family: 1,
    subject: '{system} no responde desde la mañana',
    description:
      'Desde las {n}:00 {system} muestra un error al iniciar sesión. Afecta a todo el equipo de {place}. Ya cerramos y abrimos el navegador sin resultado.',
  },
  {
    type: 'incident',
    family: 1,
    subject: 'Error 500 al guardar en {system}',
    description:
      'Al guardar un registro en {system} aparece "Error 500". Pasa en {place} con varios usuarios; adjunto la hora exacta: {n}:15.',
  },
  {
    type: 'incident',
    family: 1,
    subject: '{system} está muy lento en {place}',
    description:
      'Cada pantalla de {system} tarda más de un minuto en cargar. Los usuarios de {place} no pueden atender público.',
  },
  {
    type: 'incident',
    family: 2,
    subject: 'La impresora de {place} imprime en blanco',
    description:
      'La impresora del piso {n} en {place} saca las hojas en blanco. Ya cambiamos el tóner y el problema sigue.',
  },
  {
    type: 'incident',
    family: 2,
    subject: 'Sin conexión a la red en {place}',
    description:
      'Los equipos de {place} no tienen conexión a la red desde las {n}:30. El teléfono IP también está sin tono.',
  },
  {
    type: 'incident',
    family: 2,
    subject: 'El wifi de {place} se corta cada pocos minutos',
    description:
      'La red inalámbrica de {place} se desconecta cada cinco minutos. Afecta a las reuniones por videoconferencia.',
  },
  {
    type: 'incident',
    family: 0,
    subject: 'Cuenta bloqueada de {person}',
    description: '{person} no puede iniciar sesión: el sistema dice que la cuenta está bloqueada tras varios intentos.',
  },
  {
    type: 'incident',
    family: 3,
    subject: 'No llegan los correos externos a {place}',
    description: 'Desde ayer los correos de proveedores no llegan a los buzones de {place}. Los internos sí llegan.',
  },
  {
    type: 'incident',
    family: 4,
    subject: 'El equipo de {person} no enciende',
    description: 'El computador de {person} en {place} no enciende; la luz de energía parpadea en naranja.',
  },
  {
    type: 'incident',
    family: 1,
    subject: 'Informe mensual de {system} sale vacío',
    description: 'El informe mensual de {system} se genera sin filas aunque hay movimientos registrados en {place}.',
  },
  {
    type: 'request',
    family: 0,
    subject: 'Crear cuenta para {person}',
    description:
      '{person} se incorpora el lunes a {place}. Necesita cuenta de red, correo y acceso a {system} con perfil de consulta.',
  },
  {
    type: 'request',
    family: 0,
    subject: 'Permisos de escritura en {system} para {person}',
    description: '{person} cambió de cargo en {place} y necesita permisos de escritura en {system}.',
  },
  {
    type: 'request',
    family: 2,
    subject: 'Habilitar acceso remoto (VPN) para {person}',
    description: '{person} trabajará desde su casa {n} días a la semana y necesita acceso por VPN a {system}.',
  },
  {
    type: 'request',
    family: 3,
    subject: 'Aumentar espacio del buzón de {place}',
    description: 'El buzón compartido de {place} está al {n}0 % de su capacidad. Pedimos ampliarlo.',
  },
  {
    type: 'request',
    family: 4,
    subject: 'Instalar software de firma digital en el equipo de {person}',
    description: '{person} necesita el software de firma digital instalado para firmar documentos de {place}.',
  },
  {
    type: 'request',
    family: 3,
    subject: 'Crear lista de distribución para {place}',
    description: 'Necesitamos una lista de distribución con las {n} personas del equipo de {place}.',
  },
  {
    type: 'query',
    family: 1,
    subject: '¿Cómo exporto el informe de {system} a Excel?',
    description: 'Necesito el informe de {system} en Excel para la reunión de {place}. ¿Dónde está la opción?',
  },
  {
    type: 'query',
    family: 0,
    subject: '¿Cómo cambio mi contraseña de {system}?',
    description: 'Me pide cambiar la contraseña de {system} cada {n}0 días. ¿Puedo hacerlo yo mismo desde el portal?',
  },
  {
    type: 'query',
    family: 3,
    subject: '¿Se puede recuperar un correo eliminado?',
    description: 'Eliminé por error un correo importante de {place} hace {n} días. ¿Se puede recuperar?',
  },
];

const EN: CaseTemplate[] = [
  {
    type: 'incident',
    family: 1,
    subject: '{system} is down since this morning',
    description:
      'Since {n}:00 {system} shows an error at login. The whole {place} team is affected; restarting the browser did not help.',
  },
  {
    type: 'incident',
    family: 1,
    subject: 'Error 500 when saving in {system}',
    description: 'Saving a record in {system} fails with "Error 500". It happens to several users in {place}.',
  },
  {
    type: 'incident',
    family: 1,
    subject: '{system} is very slow in {place}',
    description: 'Every screen of {system} takes over a minute to load. The {place} team cannot serve customers.',
  },
  {
    type: 'incident',
    family: 2,
    subject: 'Printer in {place} prints blank pages',
    description: 'The printer on floor {n} in {place} prints blank pages. We replaced the toner already.',
  },
  {
    type: 'incident',
    family: 2,
    subject: 'No network connection in {place}',
    description: 'Computers in {place} lost the network at {n}:30. The IP phones have no dial tone either.',
  },
  {
    type: 'incident',
    family: 0,
    subject: 'Account locked for {person}',
    description: '{person} cannot sign in: the system says the account is locked after several attempts.',
  },
  {
    type: 'incident',
    family: 3,
    subject: 'External mail not arriving in {place}',
    description: 'Since yesterday mail from suppliers does not reach the {place} mailboxes. Internal mail works.',
  },
  {
    type: 'incident',
    family: 4,
    subject: "{person}'s laptop does not boot",
    description: "{person}'s laptop in {place} does not boot; the power light blinks orange.",
  },
  {
    type: 'request',
    family: 0,
    subject: 'New account for {person}',
    description: '{person} joins {place} on Monday and needs a network account, mail and read access to {system}.',
  },
  {
    type: 'request',
    family: 2,
    subject: 'VPN access for {person}',
    description: '{person} will work from home {n} days a week and needs VPN access to {system}.',
  },
  {
    type: 'request',
    family: 3,
    subject: 'Increase the {place} shared mailbox quota',
    description: 'The {place} shared mailbox is at {n}0 % of its quota. Please increase it.',
  },
  {
    type: 'request',
    family: 4,
    subject: 'Install the signing software for {person}',
    description: '{person} needs the digital signing software installed to sign {place} documents.',
  },
  {
    type: 'query',
    family: 1,
    subject: 'How do I export the {system} report to Excel?',
    description: 'I need the {system} report in Excel for the {place} meeting. Where is the option?',
  },
  {
    type: 'query',
    family: 0,
    subject: 'How do I change my {system} password?',
    description: '{system} asks me to change my password every {n}0 days. Can I do it myself in the portal?',
  },
];

export const CASES: Record<Language, Record<TicketType, CaseTemplate[]>> = {
  es: byType(ES),
  en: byType(EN),
};

function byType(cases: CaseTemplate[]): Record<TicketType, CaseTemplate[]> {
  return {
    incident: cases.filter((c) => c.type === 'incident'),
    request: cases.filter((c) => c.type === 'request'),
    query: cases.filter((c) => c.type === 'query'),
  };
}

/** Fills a template's slots. */
export function fill(template: string, slots: { system: string; place: string; n: number; person: string }): string {
  return template
    .replaceAll('{system}', slots.system)
    .replaceAll('{place}', slots.place)
    .replaceAll('{n}', String(slots.n))
    .replaceAll('{person}', slots.person);
}

/** A capital first letter, for subjects that start with a slot. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
