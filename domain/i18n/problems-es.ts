/** Mensajes de la gestión de problemas: problemas, errores conocidos y lo que ve el solicitante de un incidente vinculado. */
export const problemsEs = {
  problems: {
    title: 'Problemas',
    number: 'Problema {{number}}',
    statuses: {
      new: 'Nuevo',
      investigating: 'En investigación',
      known_error: 'Error conocido',
      resolved: 'Resuelto',
      closed: 'Cerrado',
      cancelled: 'Cancelado',
    },
    fields: {
      subject: 'Asunto',
      description: 'Descripción',
      organizations: 'Organizaciones afectadas',
      services: 'Servicios afectados',
      impact: 'Impacto',
      urgency: 'Urgencia',
      priority: 'Prioridad',
      group: 'Grupo responsable',
      owner: 'Responsable',
      symptom: 'Síntoma',
      cause: 'Causa raíz',
      businessImpact: 'Impacto en el negocio',
      workaroundDesk: 'Solución temporal (para la mesa)',
      workaroundPublic: 'Solución temporal (para el solicitante)',
      permanentFix: 'Solución definitiva',
      fixReferences: 'Referencias de la solución',
    },
    fixReferenceKinds: { change: 'Cambio', vendor_case: 'Caso con el proveedor' },
    incidents: {
      title: 'Incidentes vinculados',
      count: '{{count}} incidentes',
      byOrganization: 'Por organización',
      overTime: 'Incidentes en el tiempo',
      link: 'Vincular incidentes',
      unlink: 'Desvincular',
    },
    knownErrors: {
      title: 'Errores conocidos',
      search: 'Buscar errores conocidos',
      empty: 'Ningún error conocido coincide',
      applications: 'Aplicada {{count}} veces',
      applyAsReply: 'Aplicar como respuesta',
      applyAsNote: 'Aplicar como nota interna',
    },
    timeline: {
      created: 'registró el problema',
      updated: 'actualizó el problema',
      status_changed: 'cambió el estado a {{status}}',
      note: 'escribió una nota',
      incidents_linked: 'vinculó {{numbers}}',
      incident_unlinked: 'desvinculó {{numbers}}',
      workaround_applied: 'aplicó la solución temporal en {{number}}',
    },
    ticketTimeline: {
      linked: 'vinculó el ticket al problema {{number}}',
      unlinked: 'desvinculó el ticket del problema {{number}}',
    },
    knownIssue: {
      title: 'Problema conocido',
      message: 'Es un problema conocido y estamos trabajando en él. Le avisaremos cuando esté resuelto.',
      workaround: 'Mientras tanto, puede hacer lo siguiente:',
    },
    /** Resolving a problem's incidents (problem-resolution.service.ts): what each requester is told. */
    resolveIncidents: {
      message:
        '<p>Hemos solucionado la causa de esta incidencia, que afectaba también a otros usuarios. Si vuelve a ocurrir, responda a este mensaje y la reabriremos.</p>',
      notes: 'Resuelta al solucionarse el problema que la causaba',
    },
  },
};
