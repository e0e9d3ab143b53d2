import type { Question, QuestionnaireDocument, SurveyDimension } from './questionnaire.js';

/**
 * The questionnaires a desk starts from. The satisfaction survey after a ticket is two questions;
 * the campaign questionnaire covers the usual service-quality dimensions in fourteen items
 * (reliability, responsiveness, assurance, empathy, channels, effort, overall satisfaction, the
 * likelihood to recommend, one open question), for the desk and each client to reshape together.
 */

const rating = (id: string, dimension: SurveyDimension, es: string, en: string): Question => ({
  id,
  kind: 'rating',
  dimension,
  required: true,
  notApplicable: true,
  text: { es, en },
});

export const DEFAULT_TICKET_SURVEY: QuestionnaireDocument = {
  sections: [
    {
      id: 'satisfaction',
      title: { es: 'Su opinión sobre este caso', en: 'Your opinion of this case' },
      questions: [
        {
          id: 'rating',
          kind: 'rating',
          dimension: 'overall',
          required: true,
          text: {
            es: '¿Qué tan satisfecho está con la atención de este caso?',
            en: 'How satisfied are you with how this case was handled?',
          },
          help: { es: '1 = nada satisfecho, 5 = muy satisfecho', en: '1 = not at all satisfied, 5 = very satisfied' },
        },
        {
          id: 'comment',
          kind: 'text',
          required: false,
          text: { es: '¿Quiere contarnos algo más?', en: 'Anything else you would like to tell us?' },
        },
      ],
    },
  ],
};

export const DEFAULT_CAMPAIGN_QUESTIONNAIRE: QuestionnaireDocument = {
  sections: [
    {
      id: 'service',
      title: { es: 'La atención que recibe', en: 'The service you receive' },
      questions: [
        rating(
          'resolved_right',
          'reliability',
          'Cuando reporta un caso, queda resuelto correctamente la primera vez.',
          'When you report a case, it is resolved correctly the first time.',
        ),
        rating(
          'promises_kept',
          'reliability',
          'La mesa cumple los plazos que le comunica.',
          'The desk meets the times it tells you.',
        ),
        rating(
          'quick_answer',
          'responsiveness',
          'Recibe una primera respuesta con rapidez.',
          'You get a first answer quickly.',
        ),
        rating(
          'kept_informed',
          'responsiveness',
          'Le mantienen informado del avance de sus casos.',
          'You are kept informed of how your cases progress.',
        ),
        rating(
          'knowledge',
          'assurance',
          'Las personas que le atienden conocen la plataforma y saben resolver.',
          'The people who help you know the platform and how to solve things.',
        ),
        rating(
          'trust',
          'assurance',
          'Confía en que su información se trata con cuidado.',
          'You trust that your information is handled with care.',
        ),
        rating(
          'understood',
          'empathy',
          'Entienden lo que su trabajo necesita y el efecto que el problema tiene en él.',
          'They understand what your work needs and how the problem affects it.',
        ),
        rating('courtesy', 'empathy', 'El trato es amable y respetuoso.', 'You are treated kindly and with respect.'),
      ],
    },
    {
      id: 'contact',
      title: { es: 'Cómo nos contacta', en: 'How you reach us' },
      questions: [
        {
          id: 'channels',
          kind: 'matrix',
          dimension: 'channels',
          required: false,
          notApplicable: true,
          text: {
            es: '¿Qué tan conforme está con cada canal de atención?',
            en: 'How satisfied are you with each way of reaching us?',
          },
          options: [
            { id: 'phone', label: { es: 'Teléfono', en: 'Phone' } },
            { id: 'email', label: { es: 'Correo', en: 'E-mail' } },
            { id: 'portal', label: { es: 'Portal', en: 'Portal' } },
          ],
        },
        rating(
          'easy',
          'effort',
          'Fue fácil conseguir la ayuda que necesitaba.',
          'It was easy to get the help you needed.',
        ),
      ],
    },
    {
      id: 'overall',
      title: { es: 'En general', en: 'Overall' },
      questions: [
        {
          id: 'overall',
          kind: 'rating',
          dimension: 'overall',
          required: true,
          text: {
            es: 'En general, ¿qué tan satisfecho está con la mesa de servicio?',
            en: 'Overall, how satisfied are you with the service desk?',
          },
        },
        {
          id: 'recommend',
          kind: 'nps',
          required: true,
          text: {
            es: '¿Qué tan probable es que recomiende la mesa de servicio a un colega? (0 a 10)',
            en: 'How likely are you to recommend the service desk to a colleague? (0 to 10)',
          },
        },
        {
          id: 'low_reason',
          kind: 'single',
          required: false,
          showIf: { questionId: 'overall', anyOf: ['1', '2'] },
          text: { es: '¿Qué es lo que más le molestó?', en: 'What bothered you most?' },
          options: [
            { id: 'time', label: { es: 'El tiempo de solución', en: 'The time to resolve' } },
            { id: 'quality', label: { es: 'La calidad de la solución', en: 'The quality of the solution' } },
            { id: 'communication', label: { es: 'La comunicación', en: 'The communication' } },
            { id: 'other', label: { es: 'Otra cosa', en: 'Something else' } },
          ],
        },
        {
          id: 'improve',
          kind: 'text',
          required: false,
          text: {
            es: '¿Qué es lo que más deberíamos mejorar?',
            en: 'What should we improve most?',
          },
        },
      ],
    },
  ],
};
