import type { ClusterableIncident } from '../../domain/problems/incident-clusters.js';
import { categoryIdOf, serviceIdOf } from './incident-noise.js';

/**
 * A recurring failure planted in the noise: six people of one organization who cannot send mail
 * outside the company because the server answers 550 (relaying denied), written six different
 * ways (Spanish and English, with greetings, signatures and a quoted reply), over five days.
 */
const SENDING_550: { subject: string; description: string }[] = [
  {
    subject: 'No puedo enviar correos, rebotan con error 550',
    description:
      'Hola, desde esta mañana cada correo que envío a clientes externos vuelve con el error 550 5.7.1 Relaying denied. Los internos salen bien.',
  },
  {
    subject: 'Error 550 al enviar a dominios externos',
    description:
      'Buenas tardes. Al mandar un mensaje a un proveedor me llega un rebote: 550 relay not permitted. Probé desde el webmail y pasa lo mismo.',
  },
  {
    subject: 'Emails bounce back with a 550 error',
    description:
      'Hi, whenever I send email to an outside address I get a bounce saying 550 5.7.1 relaying denied. It started yesterday.\n\nRegards,\nJohn Miller',
  },
  {
    subject: 'Rebote de correo: 550 relay denegado',
    description:
      'Me devuelven todos los mensajes que envío fuera de la empresa con el código 550, relay denegado. Adjunto el rebote.\nSaludos, Pedro Soto',
  },
  {
    subject: 'Correos salientes rechazados (550)',
    description:
      'No se pueden enviar correos hacia afuera, el servidor responde 550 Relaying denied. Afecta a todo contabilidad, INC-004512 parece lo mismo.',
  },
  {
    subject: 'No salen los mails a clientes - error 550',
    description:
      'Intento enviar la cotización a un cliente y el correo rebota con 550 5.7.1 relay. A mis compañeros les pasa igual.\n\nEl lun, 30 nov 2026 a las 10:12, Mesa de Servicio <soporte@mesa.example> escribió:\n> Hemos recibido su solicitud INC-004498.\n> Un agente la atenderá pronto.',
  },
];

/** The planted incidents for `organizationId`, one every 20 hours ending `endsAt`: four days and four hours. */
export function sendingFailures(organizationId: string, endsAt: Date, idPrefix = 'planted'): ClusterableIncident[] {
  return SENDING_550.map((text, i) => ({
    id: `${idPrefix}-${i}`,
    organizationId,
    serviceId: serviceIdOf(organizationId, 'mail'),
    categoryId: categoryIdOf(organizationId, 'mail', 'delivery'),
    createdAt: new Date(endsAt.getTime() - (SENDING_550.length - 1 - i) * 20 * 3_600_000).toISOString(),
    ...text,
  }));
}
