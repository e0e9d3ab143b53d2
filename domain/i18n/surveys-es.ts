/** Mensajes de las encuestas de satisfacción (correo de resolución, portal, ficha del ticket). */
export const surveysEs = {
  surveys: {
    form: {
      send: 'Enviar respuestas',
      answerThis: 'Responda esta pregunta',
      ratingScale: '1 = muy malo, 5 = excelente',
      npsScale: '0 = nada probable, 10 = muy probable',
      notApplicable: 'No aplica',
    },
    page: {
      title: 'Encuesta de satisfacción',
      about: 'Sobre el ticket {{number}}: {{subject}}',
      intro: 'Su opinión nos ayuda a mejorar. Son unas pocas preguntas.',
      thanks: '¡Gracias! Recibimos sus respuestas.',
      answered: 'Esta encuesta ya fue respondida. ¡Gracias!',
      expired: 'Esta encuesta cerró y ya no se puede responder.',
      notFound: 'El enlace no es válido o fue reemplazado por uno más reciente.',
    },
    ticket: {
      title: 'Su opinión sobre este caso',
      answeredTitle: 'Su respuesta',
      yourRating: 'Calificó la atención con {{rating}} de 5',
      thanks: 'Gracias por responder.',
      expired: 'La encuesta de este caso cerró.',
    },
    staff: {
      title: 'Satisfacción',
      pending: 'Encuesta enviada, sin respuesta aún.',
      closes: 'Cierra',
      expired: 'La encuesta cerró sin respuesta.',
      rating: '{{rating}} de 5',
      noComment: 'Sin comentario.',
      low: 'Calificación baja',
      followUp: 'Registrar seguimiento',
      followUpLabel: 'Qué se acordó con el solicitante',
      followUpSaved: 'Seguimiento registrado en la historia del ticket.',
    },
    mail: {
      lead: '¿Cómo lo hicimos? Responder toma menos de un minuto.',
      answer: 'Responder la encuesta',
    },
    timeline: {
      answered: 'El solicitante respondió la encuesta: {{rating}} de 5',
      answeredNoRating: 'El solicitante respondió la encuesta',
      followUp: 'Seguimiento de la encuesta con el solicitante',
    },
    notification: {
      low_satisfaction: 'Calificación baja ({{rating}} de 5) en {{number}}',
    },
  },
};
