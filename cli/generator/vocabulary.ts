/**
 * What the generated desk talks about, in Spanish and English: enough words and combinations that
 * full-text search, reports of frequent cases and the queues look like a real desk's, not a
 * thousand copies of one ticket.
 */
export type Language = 'es' | 'en';

export const SYSTEMS: Record<Language, string[]> = {
  es: [
    'el ERP',
    'la historia clínica',
    'el portal de pacientes',
    'el sistema de remuneraciones',
    'la intranet',
    'el CRM',
    'el sistema de bodega',
    'la mesa de partes',
    'el sistema contable',
    'el correo',
  ],
  en: [
    'the ERP',
    'the WMS',
    'the customer portal',
    'the payroll system',
    'the intranet',
    'the CRM',
    'the fleet tracker',
    'the billing system',
    'the ledger',
    'mail',
  ],
};

export const PLACES: Record<Language, string[]> = {
  es: [
    'Admisión',
    'Urgencias',
    'Contabilidad',
    'Recursos Humanos',
    'Bodega central',
    'Sucursal Centro',
    'Sucursal Norte',
    'Gerencia',
    'Laboratorio',
    'Farmacia',
    'Atención al cliente',
    'Finanzas',
  ],
  en: [
    'Accounts',
    'the warehouse',
    'Dispatch',
    'Human Resources',
    'the front desk',
    'the North depot',
    'Finance',
    'Customer care',
    'the lab',
    'Sales',
  ],
};

export const FIRST_NAMES: Record<Language, string[]> = {
  es: [
    'Lucía',
    'Jorge',
    'Valentina',
    'Matías',
    'Camila',
    'Sebastián',
    'Fernanda',
    'Tomás',
    'Josefa',
    'Diego',
    'Antonia',
    'Benjamín',
    'Isidora',
    'Vicente',
    'Martina',
    'Joaquín',
    'Catalina',
    'Agustín',
    'Florencia',
    'Nicolás',
  ],
  en: [
    'Oliver',
    'Priya',
    'Emma',
    'Noah',
    'Amelia',
    'Liam',
    'Sofia',
    'James',
    'Grace',
    'Lucas',
    'Chloe',
    'Ethan',
    'Maya',
    'Henry',
    'Zoe',
    'Samuel',
  ],
};

export const LAST_NAMES: Record<Language, string[]> = {
  es: [
    'Fernández',
    'Paredes',
    'Ríos',
    'González',
    'Muñoz',
    'Rojas',
    'Díaz',
    'Pérez',
    'Soto',
    'Contreras',
    'Silva',
    'Martínez',
    'Sepúlveda',
    'Morales',
    'Rodríguez',
    'López',
    'Fuentes',
    'Hernández',
    'Torres',
    'Araya',
  ],
  en: [
    'Grant',
    'Natarajan',
    'Smith',
    'Brown',
    'Wilson',
    'Taylor',
    'Davies',
    'Evans',
    'Thomas',
    'Johnson',
    'Roberts',
    'Walker',
    'Wright',
    'Patel',
    'Hughes',
    'Clarke',
  ],
};

export const STAFF_REPLIES: Record<Language, string[]> = {
  es: [
    'Gracias por avisar; ya lo estamos revisando.',
    'Recibimos su caso y un especialista lo está analizando.',
    '¿Nos puede indicar desde qué equipo ocurre y a qué hora exacta?',
    'Aplicamos un cambio en la configuración; por favor pruebe nuevamente.',
    'Reiniciamos el servicio. ¿Puede confirmar si ya funciona?',
    'Seguimos trabajando en el caso; le avisaremos apenas tengamos novedades.',
  ],
  en: [
    'Thanks for letting us know; we are looking into it.',
    'We received your case and a specialist is analysing it.',
    'Could you tell us which computer it happens on and at what time?',
    'We applied a configuration change; please try again.',
    'We restarted the service. Can you confirm it works now?',
    'We are still working on it and will update you as soon as we know more.',
  ],
};

export const REQUESTER_REPLIES: Record<Language, string[]> = {
  es: [
    'Ocurre en todos los equipos del área, desde las nueve de la mañana.',
    'Probé de nuevo y sigue igual.',
    'Ya funciona, muchas gracias.',
    'Adjunto la captura de pantalla del error.',
    '¿Hay alguna novedad? Es urgente para el cierre de mes.',
  ],
  en: [
    'It happens on every computer in the area, since nine this morning.',
    'I tried again and nothing changed.',
    'It works now, thank you very much.',
    'Here is the screenshot of the error.',
    'Any news? It is urgent for the month-end close.',
  ],
};

export const NOTES: Record<Language, string[]> = {
  es: [
    'Revisado el registro del servidor de aplicaciones: muchas conexiones agotadas en el pool.',
    'El proveedor confirma una falla en su enlace; abrieron su propio ticket.',
    'Mismo síntoma que la semana pasada; revisar si corresponde abrir un problema.',
    'Se reprodujo con un usuario de prueba; no afecta a administradores.',
    'Sin errores en la red; el switch del piso responde bien.',
  ],
  en: [
    'Application server log shows the connection pool exhausted.',
    'The provider confirms an outage on their link and opened their own ticket.',
    'Same symptom as last week; consider opening a problem record.',
    'Reproduced with a test user; administrators are not affected.',
    'No network errors; the floor switch answers fine.',
  ],
};

export const RESOLUTION_NOTES: Record<Language, string[]> = {
  es: [
    'Solucionado y verificado con el solicitante.',
    'Se reinició el servicio y se confirmó el funcionamiento.',
    'Se aplicó el procedimiento documentado; el usuario confirma.',
    'Se entregó la información solicitada.',
    'Se habilitó el acceso pedido.',
  ],
  en: [
    'Fixed and verified with the requester.',
    'The service was restarted and checked.',
    'The documented procedure was applied; the user confirms.',
    'The requested information was provided.',
    'The requested access was granted.',
  ],
};

export const ESCALATION_SUMMARIES: Record<Language, string[]> = {
  es: [
    'Se reprodujo el problema y se aplicó el procedimiento de N1 sin éxito.',
    'Requiere cambios de configuración que N1 no puede hacer.',
    'Afecta a varios usuarios; se necesita revisar el servidor.',
  ],
  en: [
    'Reproduced; the L1 procedure did not fix it.',
    'Needs configuration changes L1 cannot make.',
    'Several users affected; the server needs checking.',
  ],
};

export const TAGS = [
  'vip',
  'recurrente',
  'masivo',
  'proveedor',
  'cierre-de-mes',
  'onboarding',
  'seguridad',
  'hardware',
];

/** An ASCII slug for emails and domains: "Clínica Andina" → "clinica-andina". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
