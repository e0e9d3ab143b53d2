/**
 * The mail Mesa sends, in Spanish (the reference; mail-en.ts is typed by it). `{{name}}` is
 * replaced by the value; values are escaped in the HTML version.
 */
export const mailEs = {
  ticket_received: {
    subject: '[{{number}}] Recibimos tu solicitud: {{subject}}',
    body: [
      'Hola {{requester}}:',
      'Registramos tu caso con el número {{number}}. Te escribiremos por este mismo medio; para agregar información responde a este correo sin cambiar el asunto.',
    ],
  },
  agent_reply: {
    subject: 'Re: [{{number}}] {{subject}}',
    body: ['{{agent}} respondió a tu caso {{number}}:'],
  },
  waiting_on_you: {
    subject: '[{{number}}] Necesitamos tu respuesta: {{subject}}',
    body: [
      'Hola {{requester}}:',
      'Para seguir con tu caso {{number}} necesitamos información tuya. Responde a este correo y lo retomamos.',
    ],
  },
  resolved: {
    subject: '[{{number}}] Resuelto: {{subject}}',
    body: [
      'Hola {{requester}}:',
      'Dimos por resuelto tu caso {{number}}: {{resolution}}',
      'Si está bien, no tienes que hacer nada: se cerrará solo. Si el problema sigue, responde a este correo y lo reabrimos.',
    ],
  },
  closed: {
    subject: '[{{number}}] Cerrado: {{subject}}',
    body: [
      'Hola {{requester}}:',
      'Cerramos tu caso {{number}}. Si necesitas algo más, escríbenos y abriremos uno nuevo.',
    ],
  },
  known_issue: {
    subject: '[{{number}}] Problema conocido: {{subject}}',
    body: [
      'Hola {{requester}}:',
      'Lo que nos contaste en tu caso {{number}} es un problema conocido y estamos trabajando en él. Te escribiremos por este medio cuando quede resuelto.',
    ],
  },
  staff_alert: {
    subject: '[{{number}}] {{what}}',
    body: ['{{what}}.', 'Caso {{number}}: {{subject}}'],
  },
  footer: 'Mesa de Servicio · No quites [{{number}}] del asunto al responder.',
  openTicket: 'Ver el caso',
  /** Before the public workaround of a known issue, when there is one. */
  workaroundLead: 'Mientras tanto, puedes seguir trabajando así:',
};

export type MailTemplates = typeof mailEs;
export type MailEvent = Exclude<keyof MailTemplates, 'footer' | 'openTicket' | 'workaroundLead'>;
