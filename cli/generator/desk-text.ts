import type { Language } from './vocabulary.js';

/** The names of the generated desk's clients and their services, and its procedures. */
export const ORGANIZATION_NAMES: Record<Language, string[]> = {
  es: [
    'Clínica Andina',
    'Municipalidad de Valle Alto',
    'Constructora Cordillera',
    'Universidad del Pacífico',
    'Banco Austral',
    'Farmacias del Sur',
    'Transportes Litoral',
    'Hospital San Rafael',
    'Viña Los Robles',
    'Minera Atacama',
    'Seguros La Portada',
    'Colegio Santa Inés',
  ],
  en: [
    'Northwind Logistics',
    'Contoso Health',
    'Fabrikam Retail',
    'Tailspin Airlines',
    'Litware Insurance',
    'Adatum Energy',
    'Proseware Foods',
    'Wingtip Hotels',
  ],
};

export const SERVICE_NAMES: Record<Language, [string, string][]> = {
  es: [
    ['Correo corporativo', 'Correo y calendario del personal'],
    ['ERP', 'Finanzas, compras y bodega'],
    ['Portal web', 'Sitio público y portal de clientes'],
    ['Red y comunicaciones', 'LAN, wifi, VPN y telefonía IP'],
    ['Puestos de trabajo', 'Equipos, impresoras y software de escritorio'],
    ['Historia clínica electrónica', 'Registros clínicos'],
    ['Remuneraciones', 'Sueldos y asistencia'],
  ],
  en: [
    ['Corporate mail', 'Staff mail and calendars'],
    ['ERP', 'Finance, purchasing and stock'],
    ['Customer portal', 'Public site and customer portal'],
    ['Network', 'LAN, wifi, VPN and IP phones'],
    ['Workplace', 'Laptops, printers and desktop software'],
    ['Warehouse management', 'WMS for the distribution centres'],
  ],
};

/** Procedures per audience: [title, summary, steps]. L2 ones name the specialty they belong to. */
export const PROCEDURES: {
  audience: 'L1' | 'L2' | 'requesters';
  family: number;
  title: string;
  summary: string;
  steps: string[];
}[] = [
  {
    audience: 'L1',
    family: 0,
    title: 'Desbloquear cuenta de usuario',
    summary: 'La cuenta quedó bloqueada tras varios intentos.',
    steps: [
      'Verificar la identidad del solicitante',
      'Desbloquear la cuenta en el directorio',
      'Pedir que inicie sesión mientras sigue en línea',
    ],
  },
  {
    audience: 'L1',
    family: 0,
    title: 'Restablecer contraseña',
    summary: 'El usuario olvidó su contraseña.',
    steps: ['Verificar la identidad', 'Generar una contraseña temporal', 'Pedir el cambio al primer inicio de sesión'],
  },
  {
    audience: 'L1',
    family: 2,
    title: 'Impresora no imprime o imprime en blanco',
    summary: 'Hojas en blanco o trabajos que no salen.',
    steps: ['Revisar la cola de impresión', 'Reiniciar la impresora', 'Imprimir una página de prueba'],
  },
  {
    audience: 'L1',
    family: 2,
    title: 'Equipo sin conexión a la red',
    summary: 'Un puesto no tiene red.',
    steps: ['Revisar el cable y el punto de red', 'Renovar la dirección IP', 'Probar con otro puerto del switch'],
  },
  {
    audience: 'L1',
    family: 1,
    title: 'Aplicación lenta para un usuario',
    summary: 'Lentitud en un solo puesto.',
    steps: ['Cerrar sesión y volver a entrar', 'Limpiar la caché del navegador', 'Comparar con otro puesto'],
  },
  {
    audience: 'L1',
    family: 3,
    title: 'Recuperar correo eliminado',
    summary: 'Un correo borrado por error.',
    steps: ['Revisar la papelera', 'Recuperar desde elementos eliminados', 'Confirmar con el usuario'],
  },
  {
    audience: 'L1',
    family: 4,
    title: 'Equipo no enciende',
    summary: 'El computador no arranca.',
    steps: ['Revisar el cargador y la batería', 'Hacer un reinicio forzado', 'Coordinar el cambio de equipo'],
  },
  {
    audience: 'L1',
    family: 4,
    title: 'Reset the laptop to factory settings',
    summary: 'A laptop misbehaves after an update.',
    steps: ['Back up the user files', 'Reinstall the standard image', 'Restore the user files'],
  },
  {
    audience: 'L1',
    family: 0,
    title: 'Unlock a user account',
    summary: 'The account locked after several attempts.',
    steps: ['Verify the caller', 'Unlock the account in the directory', 'Ask them to sign in while on the call'],
  },
  {
    audience: 'L2',
    family: 1,
    title: 'Error 500 al guardar registros',
    summary: 'El servidor de aplicaciones responde con error.',
    steps: [
      'Revisar el registro del servidor',
      'Reiniciar el pool de conexiones',
      'Verificar con un registro de prueba',
    ],
  },
  {
    audience: 'L2',
    family: 1,
    title: 'Informe mensual sin datos',
    summary: 'El proceso nocturno no cargó los movimientos.',
    steps: ['Revisar el proceso de carga', 'Volver a ejecutar la carga del día', 'Regenerar el informe'],
  },
  {
    audience: 'L2',
    family: 2,
    title: 'Caída de enlace de una sucursal',
    summary: 'Una sucursal completa sin red.',
    steps: [
      'Revisar el estado del enlace con el proveedor',
      'Conmutar al enlace de respaldo',
      'Abrir caso con el proveedor',
    ],
  },
  {
    audience: 'L2',
    family: 0,
    title: 'Sincronización del directorio',
    summary: 'Cambios de permisos que no se aplican.',
    steps: ['Forzar la sincronización', 'Revisar los grupos del usuario', 'Confirmar el acceso'],
  },
  {
    audience: 'L2',
    family: 3,
    title: 'Correos externos rechazados',
    summary: 'El filtro de correo rechaza remitentes válidos.',
    steps: ['Revisar el registro del filtro', 'Agregar la excepción', 'Pedir un reenvío de prueba'],
  },
  {
    audience: 'requesters',
    family: 0,
    title: 'Cómo restablecer tu contraseña',
    summary: 'Puedes cambiar tu contraseña desde el portal de autoservicio.',
    steps: ['Entra al portal de autoservicio', 'Elige "Olvidé mi contraseña"', 'Sigue el enlace que llega a tu correo'],
  },
  {
    audience: 'requesters',
    family: 1,
    title: 'Cómo exportar un informe a Excel',
    summary: 'Los informes se descargan desde el menú de cada pantalla.',
    steps: ['Abre el informe', 'Elige "Exportar"', 'Selecciona el formato Excel'],
  },
  {
    audience: 'requesters',
    family: 3,
    title: 'How to recover a deleted email',
    summary: 'Deleted mail stays recoverable for thirty days.',
    steps: ['Open "Deleted items"', 'Right-click the message', 'Choose "Recover"'],
  },
];
