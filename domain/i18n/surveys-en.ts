import type { surveysEs } from './surveys-es.js';

/** English messages for satisfaction surveys (resolution mail, portal, ticket page). Typed by the Spanish ones. */
export const surveysEn: typeof surveysEs = {
  surveys: {
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
