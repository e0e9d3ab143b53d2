/** Mensajes del correo de los remitentes (buzones: remitentes desconocidos) y de los rebotes. */
export const mailRulesEs = {
  mailRules: {
    unknownSenders: {
      label: 'Remitentes desconocidos',
      column: 'Remitentes desconocidos',
      description:
        'Quien escribe sin cuenta desde un dominio que ninguna organización tiene asignado (los subdominios de un dominio asignado ya son de su organización).',
      wait: 'Esperan',
      waitHint:
        'El mensaje queda en Recibidos como fallido, con el motivo, hasta que se asigne su dominio y se reprocese.',
      join: 'Pasan a una organización',
      joinHint: 'Se crea su cuenta de solicitante en la organización que elijas y el mensaje se vuelve ticket.',
      organization: 'Organización para remitentes desconocidos',
      organizationPlaceholder: 'Elige la organización',
      organizationRequired: 'Elige la organización, o deja que esperen.',
      waitsInWords: 'Esperan hasta que se asigne su dominio',
      joinInWords: 'Pasan a ser solicitantes de {{organization}}',
    },
    bounce: {
      timeline: 'El correo a {{address}} no se pudo entregar',
      timelineDetail: 'Aviso «{{notice}}». {{reason}}',
      badge: 'Correo rebota',
      badgeLabel: 'El correo a {{address}} rebota desde {{since}}: {{reason}}',
      clear: 'Marcar que recibe correo',
      clearFailed: 'No se pudo quitar la marca',
      unknownReason: 'sin motivo informado',
    },
  },
};
