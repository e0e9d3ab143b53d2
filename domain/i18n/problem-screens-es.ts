/**
 * Mensajes de las pantallas de gestión de problemas que trabajan con las tareas del módulo: la
 * bandeja de candidatos, la búsqueda de errores conocidos y la resolución de los incidentes.
 */
export const problemScreensEs = {
  problemScreens: {
    candidates: {
      title: 'Candidatos a problema',
      open: 'Candidatos',
      description:
        'Incidentes parecidos que se repiten en un mismo cliente, servicio y categoría. Acepta uno para registrar el problema con sus incidentes, o descártalo.',
      listLabel: 'Candidatos pendientes',
      cardLabel: 'Candidato: {{terms}}',
      organization: 'Cliente',
      service: 'Servicio',
      category: 'Categoría',
      none: '—',
      window: 'Ventana',
      windowRange: 'del {{from}} al {{to}} (últimos {{days}} días)',
      incidentCount_one: '{{count}} incidente',
      incidentCount_other: '{{count}} incidentes',
      sharedTerms: 'Palabras en común',
      incidents: 'Incidentes',
      incidentsLabel: 'Incidentes del candidato {{terms}}',
      number: 'Número',
      subject: 'Asunto',
      raised: 'Creado',
      accept: 'Aceptar',
      dismiss: 'Descartar',
      acceptTitle: 'Registrar el problema del candidato',
      acceptHint: 'Los {{count}} incidentes quedarán vinculados al nuevo problema.',
      acceptSubmit: 'Registrar problema',
      dismissTitle: 'Descartar el candidato',
      dismissMessage:
        'No se volverá a proponer este grupo de incidentes. Volverá solo si crece: si llegan más incidentes parecidos.',
      dismissConfirm: 'Descartar',
      empty: 'No hay candidatos pendientes',
      emptyDescription:
        'Cada hora, la tarea busca en los incidentes de los últimos {{days}} días que no están vinculados a un problema, y propone un candidato cuando {{count}} o más del mismo cliente, servicio y categoría se parecen (similitud {{similarity}} o más).',
      settings: {
        title: 'Cómo se buscan',
        windowDays: 'Días hacia atrás',
        minIncidents: 'Incidentes parecidos necesarios',
        similarity: 'Similitud mínima (0–1)',
        save: 'Guardar ajustes',
        saved: 'Ajustes guardados. Se aplican en la próxima búsqueda.',
      },
    },
    knownErrors: {
      title: 'Errores conocidos',
      description: 'Busca en los problemas con solución temporal documentada: asunto, análisis y soluciones.',
      search: 'Buscar errores conocidos',
      searchHint: 'Por ejemplo: «error 500 al emitir facturas». Se buscan todas las palabras.',
      latest: 'Los más recientes',
      empty: 'Aún no hay errores conocidos',
      emptyDescription: 'Un problema pasa a ser error conocido cuando se documenta su solución temporal.',
      noResults: 'Ningún error conocido coincide con «{{q}}»',
      noResultsDescription: 'Prueba con menos palabras, o con otras.',
      resultsLabel: 'Resultados',
      open: 'Abrir {{number}}',
    },
    resolve: {
      button_one: 'Resolver su incidente abierto',
      button_other: 'Resolver sus {{count}} incidentes abiertos',
      title: 'Resolver los incidentes del problema',
      hint_one:
        'El incidente abierto se resuelve con este mensaje al solicitante, en su idioma. Si vuelve a fallar, puede responder y se reabre.',
      hint_other:
        'Los {{count}} incidentes abiertos se resuelven por lotes, cada uno con este mensaje al solicitante, en su idioma. Si vuelve a fallar, puede responder y se reabre.',
      messageEs: 'Mensaje en español',
      messageEn: 'Mensaje en inglés',
      submit: 'Resolver incidentes',
      region: 'Resolución de los incidentes',
      running: 'Resolviendo los incidentes…',
      progress: '{{done}} de {{total}} incidentes',
      done: 'Incidentes resueltos: {{resolved}} de {{total}}.',
      skipped_one: '{{count}} ya estaba cerrado o resuelto.',
      skipped_other: '{{count}} ya estaban cerrados o resueltos.',
    },
  },
};
