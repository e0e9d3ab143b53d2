import type { surveysEs } from './surveys-es.js';

/** English messages for satisfaction surveys (resolution mail, portal, ticket page). Typed by the Spanish ones. */
export const surveysEn: typeof surveysEs = {
  surveys: {
    form: {
      send: 'Send answers',
      answerThis: 'Please answer this question',
      ratingScale: '1 = very poor, 5 = excellent',
      npsScale: '0 = not at all likely, 10 = extremely likely',
      notApplicable: 'Not applicable',
    },
    page: {
      title: 'Satisfaction survey',
      about: 'About ticket {{number}}: {{subject}}',
      intro: 'Your opinion helps us improve. It is only a few questions.',
      thanks: 'Thank you! We received your answers.',
      answered: 'This survey was already answered. Thank you!',
      expired: 'This survey has closed and can no longer be answered.',
      notFound: 'The link is not valid, or a newer one replaced it.',
    },
    ticket: {
      title: 'Your opinion of this case',
      answeredTitle: 'Your answer',
      yourRating: 'You rated the service {{rating}} of 5',
      thanks: 'Thank you for answering.',
      expired: 'The survey for this case has closed.',
    },
    staff: {
      title: 'Satisfaction',
      pending: 'Survey sent, no answer yet.',
      closes: 'Closes',
      expired: 'The survey closed without an answer.',
      rating: '{{rating}} of 5',
      noComment: 'No comment.',
      low: 'Low rating',
      followUp: 'Record a follow-up',
      followUpLabel: 'What was agreed with the requester',
      followUpSaved: 'Follow-up recorded on the ticket’s history.',
    },
    mail: {
      lead: 'How did we do? Answering takes less than a minute.',
      answer: 'Answer the survey',
    },
    timeline: {
      answered: 'The requester answered the survey: {{rating}} of 5',
      answeredNoRating: 'The requester answered the survey',
      followUp: 'Survey follow-up with the requester',
    },
    notification: {
      low_satisfaction: 'Low rating ({{rating}} of 5) on {{number}}',
    },
  },
};
