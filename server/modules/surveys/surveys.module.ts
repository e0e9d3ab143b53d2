import { surveysEn } from '../../../domain/i18n/surveys-en.js';
import { surveysEs } from '../../../domain/i18n/surveys-es.js';
import type { MailConfig } from '../../config.js';
import { defineModule } from '../../platform/module.js';
import type { TicketMailAdditions } from '../mail/ticket-mail-additions.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import { registerCampaignResultsRoutes } from './campaign-results.routes.js';
import { campaignJobs } from './campaigns.jobs.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerQuestionnaireRoutes } from './questionnaires.routes.js';
import { answerDemoSurveys } from './surveys.demo.js';
import { registerSurveyRoutes } from './surveys.routes.js';

type Deps = Parameters<typeof registerSurveyRoutes>[1] &
  Parameters<typeof registerCampaignRoutes>[1] &
  Parameters<typeof registerCampaignResultsRoutes>[1] &
  Parameters<typeof campaignJobs>[0] &
  Parameters<typeof registerQuestionnaireRoutes>[1] &
  Parameters<typeof answerDemoSurveys>[0] & {
    history: TicketHistory;
    ticketMailAdditions: TicketMailAdditions;
    mailConfig: MailConfig;
  };

const MAIL_TEXTS = { es: surveysEs.surveys.mail, en: surveysEn.surveys.mail };

export const surveysModule = defineModule<Deps>({
  name: 'surveys',
  routes: (app, deps) => {
    registerSurveyRoutes(app, deps);
    registerQuestionnaireRoutes(app, deps);
    registerCampaignRoutes(app, deps);
    registerCampaignResultsRoutes(app, deps);
  },
  jobs: campaignJobs,
  demo: answerDemoSurveys,
  // A resolved ticket gets its survey in the resolving transaction, and the resolution mail its
  // link when there is a public address to point to; without one the portal still asks.
  observe: ({ history, ticketSurveys, ticketMailAdditions, mailConfig }) => {
    history.observe(async (trx, _ctx, ticketId, event) => {
      if (event.kind !== 'status_changed') return;
      if (event.changes?.find((change) => change.field === 'status')?.to !== 'resolved') return;
      await ticketSurveys.ensureSurvey(trx, ticketId);
    });
    const publicUrl = mailConfig.publicUrl;
    if (!publicUrl) return;
    ticketMailAdditions.add(async (trx, ticketId, event, locale) => {
      if (event !== 'resolved') return null;
      const token = await ticketSurveys.issueToken(trx, ticketId);
      if (!token) return null;
      const texts = MAIL_TEXTS[locale];
      return { lead: texts.lead, label: texts.answer, url: `${publicUrl}/survey#token=${token}` };
    });
  },
});
