/** Mensajes de Administración → Cuarentena. */
export const quarantineEs = {
  quarantine: {
    title: 'Cuarentena',
    description:
      'Archivos que el antivirus rechazó por infectados, subidos a un ticket o llegados por correo. No son adjuntos de ningún ticket.',
    noDownloadTitle: 'No se pueden descargar',
    noDownload:
      'Un archivo en cuarentena está infectado: Mesa no lo entrega a nadie, tampoco a un administrador. Para analizarlo, hágalo en el servidor (carpeta quarantine/ del almacén de archivos); aquí solo se puede eliminar.',
    tableLabel: 'Archivos en cuarentena',
    empty: 'No hay archivos en cuarentena',
    emptyHint: 'Cuando el antivirus rechace un archivo aparecerá aquí.',
    columns: { file: 'Archivo', signature: 'Firma', cameWith: 'Llegó con', date: 'Fecha' },
    sizeBy: '{{size}} · enviado por {{name}}',
    ticket: 'Ticket {{number}}: {{subject}}',
    mail: 'Correo de {{from}}: «{{subject}}»',
    noTicket: 'Subida sin ticket',
    delete: 'Eliminar',
    deleteOne: 'Eliminar {{name}} de la cuarentena',
    deleteTitle: 'Eliminar el archivo en cuarentena',
    deleteMessage:
      '¿Eliminar {{name}}? Se borran sus bytes del servidor; el ticket al que se envió sigue diciendo que fue rechazado.',
  },
};
