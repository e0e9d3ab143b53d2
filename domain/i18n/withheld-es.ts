/** Mensajes de los archivos retenidos de un correo (ficha del ticket, solo personal de la mesa). */
export const withheldEs = {
  withheld: {
    title: 'Archivos no adjuntados',
    hint: 'Llegaron en el correo, pero la mesa no los guardó como adjuntos. Siguen en el mensaje original: descárguelos solo si sabe lo que son.',
    staffOnly: 'Solo personal',
    /** The line under the message the requester wrote, in their language. */
    notAttached: 'No se adjuntó',
    cameWithDescription: 'con el correo que abrió el ticket',
    cameWithReply: 'con una respuesta del',
    download: 'Descargar del original',
    downloadOne: 'Descargar del original: {{name}}',
    reasons: {
      executable: 'Es un programa o tiene nombre de programa',
      svg: 'Imagen SVG: puede llevar scripts',
      unknown_type: 'Tipo de archivo no reconocido',
      too_large: 'Supera el tamaño máximo',
      archive: 'Archivo comprimido rechazado (demasiado grande, anidado o dañado)',
      infected: 'El antivirus lo detectó como infectado (en cuarentena)',
      refused: 'Rechazado',
    },
  },
};
