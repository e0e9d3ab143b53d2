/** Mensajes de las encuestas de satisfacción (correo de resolución, portal, ficha del ticket). */
export const surveysEs = {
  surveys: {
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
