/**
 * What incidents of a service desk are about, for the recurring-incident tests and benchmark: per
 * service and category, several different failures, each told several ways in Spanish and in
 * English. Topics of one category share the category's words on purpose (mail that will not send,
 * mail that will not arrive, mail stuck in the outbox), so the clustering is tested on telling
 * apart what a category's incidents have in common from what one failure's incidents have.
 * Slots: {app} {place} {person} {time} {n} {device}.
 */
export interface Topic {
  id: string;
  service: string;
  category: string;
  es: { subjects: string[]; statements: string[] };
  en: { subjects: string[]; statements: string[] };
}

export const TOPICS: Topic[] = [
  // Mail: sending and receiving.
  {
    id: 'mail-inbound-missing',
    service: 'mail',
    category: 'delivery',
    es: {
      subjects: ['No me llegan correos de afuera', 'No recibo mensajes externos', 'Correos de proveedores no llegan'],
      statements: [
        'Los clientes dicen que me escribieron {time} pero en la bandeja de entrada no aparece nada de dominios externos.',
        'Desde {time} no entra ningún mensaje de fuera de la empresa; los internos sí llegan bien.',
        'Un proveedor reenvió tres veces la cotización y no la he recibido, tampoco está en spam.',
      ],
    },
    en: {
      subjects: [
        'Not receiving outside email',
        'External messages never arrive',
        'Inbound mail from customers missing',
      ],
      statements: [
        'Customers say they wrote to me {time} but nothing from outside domains shows up in my inbox.',
        'Since {time} no message from outside the company comes in; internal ones arrive fine.',
        'A supplier resent the quote three times and it never reached me, it is not in junk either.',
      ],
    },
  },
  {
    id: 'mail-outbox-stuck',
    service: 'mail',
    category: 'delivery',
    es: {
      subjects: [
        'Mensajes quedan en la bandeja de salida',
        '{app} no saca los correos de salida',
        'Correo atascado en salida',
      ],
      statements: [
        'Los mensajes se quedan en la bandeja de salida de {app} y no se van, el contador sigue en {n}.',
        '{app} muestra "trabajando sin conexión" y todo lo que redacto se queda en salida.',
        'Tengo varios borradores atascados en salida desde {time}, en el celular sí funciona.',
      ],
    },
    en: {
      subjects: ['Messages stuck in the Outbox', '{app} keeps mail in the outbox', 'Outbox not emptying'],
      statements: [
        'Messages sit in the {app} outbox and never leave, the counter stays at {n}.',
        '{app} says "working offline" and everything I write stays in the outbox.',
        'Several drafts have been stuck in the outbox {time}; on my phone it works.',
      ],
    },
  },
  {
    id: 'mail-attachment-size',
    service: 'mail',
    category: 'delivery',
    es: {
      subjects: [
        'Adjunto demasiado grande',
        'No puedo mandar un archivo pesado',
        'Planilla adjunta no sale por tamaño',
      ],
      statements: [
        'Intento adjuntar un PDF de {n} MB y {app} dice que supera el tamaño máximo permitido.',
        'El archivo del balance pesa mucho y el sistema lo rechaza por el límite de tamaño de adjuntos.',
        'Necesito mandar los planos al cliente pero el adjunto excede el máximo del servidor.',
      ],
    },
    en: {
      subjects: ['Attachment too large', 'Cannot send a big file', 'Spreadsheet attachment over size limit'],
      statements: [
        'I try to attach a {n} MB PDF and {app} says it exceeds the maximum size allowed.',
        'The budget file is heavy and the system refuses it because of the attachment size limit.',
        'I must send the drawings to the client but the attachment is over the server maximum.',
      ],
    },
  },
  {
    id: 'mail-spam-flagged',
    service: 'mail',
    category: 'delivery',
    es: {
      subjects: [
        'Correos legítimos caen en spam',
        'Filtro antispam marca mensajes buenos',
        'Mensajes en correo no deseado',
      ],
      statements: [
        'Las facturas de {person} se van directo a correo no deseado aunque las marque como seguras.',
        'El filtro antispam está enviando a cuarentena mensajes de la gerencia.',
        'Todos los avisos del banco terminan en la carpeta de spam desde {time}.',
      ],
    },
    en: {
      subjects: ['Legit mail goes to junk', 'Spam filter flags good messages', 'Messages landing in junk folder'],
      statements: [
        "{person}'s invoices go straight to junk even after marking them as safe.",
        'The spam filter is quarantining messages from management.',
        'Every notice from the bank ends up in the junk folder {time}.',
      ],
    },
  },
  // Mail: the mailbox.
  {
    id: 'mailbox-full',
    service: 'mail',
    category: 'mailbox',
    es: {
      subjects: ['Buzón lleno', 'Aviso de cuota de buzón superada', 'Sin espacio en el correo'],
      statements: [
        'Me aparece que el buzón está al {n} % y ya no puedo recibir nada.',
        '{app} avisa que se superó la cuota del buzón y pide archivar elementos.',
        'El correo dice que no queda espacio, ya borré la papelera y sigue igual.',
      ],
    },
    en: {
      subjects: ['Mailbox full', 'Mailbox quota exceeded warning', 'No space left in mailbox'],
      statements: [
        'It says my mailbox is at {n} % and I cannot receive anything anymore.',
        '{app} warns that the mailbox quota was exceeded and asks me to archive items.',
        'Mail says there is no room left, I emptied deleted items and nothing changed.',
      ],
    },
  },
  {
    id: 'mailbox-shared-access',
    service: 'mail',
    category: 'mailbox',
    es: {
      subjects: [
        'Sin acceso al buzón compartido',
        'No veo la casilla compartida de {place}',
        'Permisos de buzón compartido',
      ],
      statements: [
        'El buzón compartido de {place} desapareció de mi {app} {time}.',
        'Necesito permisos de lectura sobre la casilla compartida que usa {person}.',
        'Al abrir el buzón compartido dice que no tengo permisos suficientes.',
      ],
    },
    en: {
      subjects: ['No access to shared mailbox', 'Cannot see the {place} shared inbox', 'Shared mailbox permissions'],
      statements: [
        'The {place} shared mailbox vanished from my {app} {time}.',
        'I need read permission on the shared inbox {person} uses.',
        'Opening the shared mailbox says I do not have sufficient permissions.',
      ],
    },
  },
  {
    id: 'mailbox-signature',
    service: 'mail',
    category: 'mailbox',
    es: {
      subjects: ['La firma no aparece', 'Firma corporativa desconfigurada', 'Logo de la firma roto'],
      statements: [
        'La firma corporativa ya no se agrega a mis mensajes nuevos en {app}.',
        'El logo de la firma sale como un cuadro rojo con una cruz.',
        'Después de la actualización perdí la firma con los datos de {place}.',
      ],
    },
    en: {
      subjects: ['Signature missing', 'Corporate signature broken', 'Signature logo not showing'],
      statements: [
        'The corporate signature is no longer added to new messages in {app}.',
        'The signature logo shows as a red box with a cross.',
        'After the update I lost the signature with the {place} details.',
      ],
    },
  },
  // ERP.
  {
    id: 'erp-invoice-stamp',
    service: 'erp',
    category: 'invoicing',
    es: {
      subjects: ['Factura no se timbra', 'Error al emitir factura electrónica', 'Rechazo del SII en factura'],
      statements: [
        'Al emitir la factura {n} el ERP devuelve rechazo del servicio de impuestos por folio inválido.',
        'Las facturas electrónicas quedan en estado pendiente de envío desde {time}.',
        'No podemos facturar a {person}, el sistema dice que el certificado digital venció.',
      ],
    },
    en: {
      subjects: ['Invoice not stamped', 'Error issuing electronic invoice', 'Tax office rejects invoice'],
      statements: [
        'Issuing invoice {n} the ERP returns a tax service rejection for an invalid folio.',
        'Electronic invoices stay pending submission {time}.',
        'We cannot invoice {person}, the system says the digital certificate expired.',
      ],
    },
  },
  {
    id: 'erp-report-slow',
    service: 'erp',
    category: 'reports',
    es: {
      subjects: ['Informe de ventas muy lento', 'Reporte mensual no termina', 'Se cae el informe de inventario'],
      statements: [
        'El informe de ventas del mes tarda más de {n} minutos y luego da tiempo de espera agotado.',
        'Cuando exporto el reporte de inventario a Excel la pantalla se queda en blanco.',
        'El cierre contable necesita el reporte de cuentas por cobrar y no termina de cargar.',
      ],
    },
    en: {
      subjects: ['Sales report very slow', 'Monthly report never finishes', 'Inventory report crashes'],
      statements: [
        "The month's sales report takes over {n} minutes and then times out.",
        'When I export the inventory report to Excel the screen goes blank.',
        'Month-end close needs the receivables report and it never finishes loading.',
      ],
    },
  },
  {
    id: 'erp-locked-user',
    service: 'erp',
    category: 'access',
    es: {
      subjects: ['Usuario bloqueado en el ERP', 'No puedo entrar a {app}', 'Clave del ERP caducada'],
      statements: [
        'Me equivoqué de clave y ahora {app} dice que el usuario está bloqueado.',
        'Al iniciar sesión en el ERP pide cambiar la contraseña y luego no la acepta.',
        '{person} no puede ingresar al módulo de compras, dice acceso denegado.',
      ],
    },
    en: {
      subjects: ['ERP user locked', 'Cannot log in to {app}', 'ERP password expired'],
      statements: [
        'I mistyped my password and now {app} says the user is locked.',
        'Signing in to the ERP asks me to change the password and then rejects the new one.',
        '{person} cannot open the purchasing module, it says access denied.',
      ],
    },
  },
  {
    id: 'erp-stock-mismatch',
    service: 'erp',
    category: 'reports',
    es: {
      subjects: ['Stock no cuadra', 'Diferencias de inventario en bodega {place}', 'Saldo de bodega incorrecto'],
      statements: [
        'El stock que muestra el sistema para la bodega {place} no coincide con el conteo físico.',
        'Hay {n} unidades de diferencia entre la guía de despacho y el saldo del ERP.',
        'Después del traspaso entre bodegas el saldo quedó negativo.',
      ],
    },
    en: {
      subjects: ['Stock does not match', 'Inventory differences at {place} warehouse', 'Wrong warehouse balance'],
      statements: [
        'The stock the system shows for the {place} warehouse does not match the physical count.',
        'There are {n} units of difference between the delivery note and the ERP balance.',
        'After the transfer between warehouses the balance went negative.',
      ],
    },
  },
  // Network.
  {
    id: 'vpn-connect',
    service: 'network',
    category: 'remote',
    es: {
      subjects: ['VPN no conecta', 'No logro conectarme a la VPN', '{app} se queda conectando'],
      statements: [
        '{app} se queda en "conectando" al {n} % y después se cae.',
        'Trabajando desde la casa la VPN rechaza mis credenciales.',
        'La conexión remota se corta cada pocos minutos {time}.',
      ],
    },
    en: {
      subjects: ['VPN will not connect', 'Cannot get on the VPN', '{app} stuck connecting'],
      statements: [
        '{app} sits at "connecting" at {n} % and then drops.',
        'Working from home the VPN rejects my credentials.',
        'The remote connection drops every few minutes {time}.',
      ],
    },
  },
  {
    id: 'wifi-weak',
    service: 'network',
    category: 'wireless',
    es: {
      subjects: ['Wifi intermitente en {place}', 'Señal inalámbrica débil', 'Se corta la red inalámbrica'],
      statements: [
        'En {place} la señal wifi se pierde a cada rato y las videollamadas se congelan.',
        'El notebook se conecta a la red inalámbrica pero sin acceso a internet.',
        'La sala de reuniones de {place} no tiene cobertura inalámbrica.',
      ],
    },
    en: {
      subjects: ['Intermittent wifi at {place}', 'Weak wireless signal', 'Wireless keeps dropping'],
      statements: [
        'At {place} the wifi signal keeps dropping and video calls freeze.',
        'The laptop joins the wireless network but has no internet access.',
        'The {place} meeting room has no wireless coverage.',
      ],
    },
  },
  {
    id: 'ip-phone',
    service: 'network',
    category: 'wireless',
    es: {
      subjects: ['Anexo sin tono', 'Teléfono IP no registra', 'No suena el anexo {n}'],
      statements: [
        'El teléfono IP del escritorio de {person} muestra "no registrado" y no da tono.',
        'Las llamadas entrantes al anexo {n} no suenan, se van directo a buzón de voz.',
        'El anexo de {place} se reinicia solo cada media hora.',
      ],
    },
    en: {
      subjects: ['Extension has no dial tone', 'IP phone not registering', 'Extension {n} does not ring'],
      statements: [
        '{person}\'s desk IP phone shows "unregistered" and gives no dial tone.',
        'Incoming calls to extension {n} never ring, they go straight to voicemail.',
        'The {place} extension reboots by itself every half hour.',
      ],
    },
  },
  // Workplace.
  {
    id: 'printer-jam',
    service: 'workplace',
    category: 'printing',
    es: {
      subjects: ['Impresora atascada en {place}', 'La impresora no imprime', 'Impresión sale en blanco'],
      statements: [
        'La impresora de {place} marca atasco de papel pero no hay nada adentro.',
        'Mando a imprimir y el trabajo se queda en cola sin salir.',
        'Las hojas salen en blanco o con rayas, ya cambiamos el tóner.',
      ],
    },
    en: {
      subjects: ['Printer jammed at {place}', 'Printer not printing', 'Prints come out blank'],
      statements: [
        'The {place} printer reports a paper jam but there is nothing inside.',
        'I send a print job and it stays in the queue without coming out.',
        'Pages come out blank or streaked, we already replaced the toner.',
      ],
    },
  },
  {
    id: 'laptop-boot',
    service: 'workplace',
    category: 'hardware',
    es: {
      subjects: ['Notebook no enciende', 'Pantalla azul al iniciar', 'Equipo muy lento al arrancar'],
      statements: [
        'Mi {device} no enciende, solo parpadea la luz de carga.',
        'El equipo muestra pantalla azul con el código {n} al iniciar Windows.',
        'El computador tarda más de {n} minutos en arrancar desde la actualización.',
      ],
    },
    en: {
      subjects: ['Laptop will not power on', 'Blue screen at startup', 'Computer very slow to boot'],
      statements: [
        'My {device} will not turn on, only the charging light blinks.',
        'The machine shows a blue screen with code {n} when Windows starts.',
        'The computer takes over {n} minutes to boot since the update.',
      ],
    },
  },
  {
    id: 'software-install',
    service: 'workplace',
    category: 'software',
    es: {
      subjects: ['Instalar {app}', 'Licencia de {app} vencida', 'Programa no abre después de actualizar'],
      statements: [
        '{app} dice que la licencia expiró y no deja guardar archivos.',
        'Después de la actualización de anoche {app} se cierra al abrirlo.',
        'Necesito que instalen {app} en el equipo de {person} para el proyecto nuevo.',
      ],
    },
    en: {
      subjects: ['Install {app}', '{app} license expired', 'Program will not open after update'],
      statements: [
        '{app} says the license expired and will not let me save files.',
        "After last night's update {app} closes as soon as it opens.",
        "Please install {app} on {person}'s computer for the new project.",
      ],
    },
  },
];

export const SLOTS = {
  app: {
    mail: ['Outlook', 'el webmail', 'Thunderbird', 'el correo del celular'],
    erp: ['SAP', 'el ERP', 'Softland', 'el módulo de finanzas'],
    network: ['FortiClient', 'GlobalProtect', 'la VPN', 'AnyConnect'],
    workplace: ['AutoCAD', 'Excel', 'Adobe Acrobat', 'Teams'],
  } as Record<string, string[]>,
  place: ['piso 3', 'sucursal Centro', 'bodega norte', 'recepción', 'contabilidad', 'Maipú', 'Level 2', 'the lab'],
  person: ['María González', 'Pedro Soto', 'Ana Rojas', 'John Miller', 'Carla Díaz', 'Luis Pérez', 'Sarah Brown'],
  device: ['notebook Lenovo', 'HP EliteBook', 'computador de escritorio', 'Dell Latitude', 'MacBook'],
  time: {
    es: ['desde esta mañana', 'desde ayer en la tarde', 'hace dos días', 'desde el lunes', 'desde las 9:30'],
    en: ['since this morning', 'since yesterday afternoon', 'for two days', 'since Monday', 'since 9:30'],
  },
};

/** What people add around the failure itself: greetings, context, what they tried, closings. */
export const FRAMES = {
  es: {
    greetings: ['Hola,', 'Buenos días.', 'Estimados, buenas tardes:', 'Hola equipo de soporte,', ''],
    context: [
      'Estoy en {place}.',
      'Mi anexo es el {n}.',
      'Es urgente porque hoy cerramos el mes.',
      'Le pasa también a {person}.',
      'Ocurre solo en mi equipo.',
      '',
    ],
    tried: [
      'Ya reinicié el equipo y sigue igual.',
      'Probé cerrando sesión y volviendo a entrar.',
      'Adjunto captura de pantalla.',
      'No he cambiado nada de la configuración.',
      '',
    ],
    closings: [
      'Gracias.',
      'Quedo atento, saludos.',
      'Saludos cordiales,\n{person}',
      'Muchas gracias por la ayuda.',
      '',
    ],
  },
  en: {
    greetings: ['Hi,', 'Hello team,', 'Good morning,', 'Dear support,', ''],
    context: [
      'I am at {place}.',
      'My extension is {n}.',
      'It is urgent, we close the month today.',
      'It also happens to {person}.',
      'Only my machine is affected.',
      '',
    ],
    tried: [
      'I already restarted and nothing changed.',
      'I tried signing out and back in.',
      'Screenshot attached.',
      'I have not changed any settings.',
      '',
    ],
    closings: ['Thanks.', 'Regards,\n{person}', 'Thank you for your help.', 'Best,', ''],
  },
};

/** A reply's quoted history, as mail clients write it (the clustering must ignore it). */
export const QUOTED = {
  es: [
    '\n\nEl lun, 30 nov 2026 a las 10:12, Mesa de Servicio <soporte@mesa.example> escribió:\n> Hemos recibido su solicitud INC-0{n}.\n> Un agente la atenderá pronto.',
    '\n\n-----Mensaje original-----\nDe: Mesa de Servicio\nEnviado: lunes, 30 de noviembre de 2026 9:01\nAsunto: RE: caso #{n}\nSu caso fue registrado con el número INC-00{n}.',
  ],
  en: [
    '\n\nOn Mon, Nov 30, 2026 at 10:12 AM Service Desk <support@mesa.example> wrote:\n> We have received your request INC-0{n}.\n> An agent will be with you shortly.',
    '\n\n-----Original Message-----\nFrom: Service Desk\nSent: Monday, November 30, 2026 9:01 AM\nSubject: RE: case #{n}\nYour case was logged as INC-00{n}.',
  ],
};
