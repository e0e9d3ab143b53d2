import { IdParams, Ok } from '../../../domain/contracts/common.js';
import {
  AnswerSurveyBody,
  FollowUpBody,
  PublicSurvey,
  PutTicketSurveySettingsBody,
  SatisfactionFigures,
  SatisfactionQuery,
  SurveyTokenParams,
  TicketSatisfaction,
  TicketSurveySettings,
} from '../../../domain/contracts/surveys.js';
import type { App } from '../../platform/http.js';
import type { RequestLimiter } from '../auth/request-limiter.js';
import type { SatisfactionFiguresService } from './satisfaction-figures.service.js';
import type { TicketSurveysService } from './ticket-surveys.service.js';

interface Deps {
  ticketSurveys: TicketSurveysService;
  satisfactionFigures: SatisfactionFiguresService;
  requestLimiter: RequestLimiter;
}

/** Answers by link from one address per hour: a household or an office, not a script. */
const ANSWERS_PER_ADDRESS = 30;
const HOUR = 3_600_000;

export function registerSurveyRoutes(app: App, { ticketSurveys, satisfactionFigures, requestLimiter }: Deps) {
  const tags = ['surveys'];

  app.get(
    '/agreements/:id/ticket-survey',
    {
      config: { permission: 'surveys.read' },
      schema: { tags, params: IdParams, response: { 200: TicketSurveySettings } },
    },
    (request) => ticketSurveys.settings(request.params.id),
  );
  app.put(
    '/agreements/:id/ticket-survey',
    {
      config: { permission: 'surveys.manage' },
      schema: { tags, params: IdParams, body: PutTicketSurveySettingsBody, response: { 200: TicketSurveySettings } },
    },
    (request) => ticketSurveys.putSettings(request.ctx, request.params.id, request.body),
  );

  // The ticket's own survey: its requester reads and answers it; the desk reads it and follows up.
  app.get(
    '/tickets/:id/satisfaction',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, params: IdParams, response: { 200: TicketSatisfaction } },
    },
    (request) => ticketSurveys.satisfactionOf(request.ctx, request.params.id),
  );
  app.post(
    '/tickets/:id/satisfaction',
    {
      config: { permission: 'tickets.update' },
      schema: { tags, params: IdParams, body: AnswerSurveyBody, response: { 200: TicketSatisfaction } },
    },
    (request) => ticketSurveys.answerOnPortal(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/satisfaction/follow-ups',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, body: FollowUpBody, response: { 201: Ok } },
    },
    async (request, reply) => {
      await ticketSurveys.followUp(request.ctx, request.params.id, request.body.note);
      return reply.code(201).send({ status: 'ok' as const });
    },
  );

  app.get(
    '/satisfaction',
    {
      config: { permission: 'surveys.read' },
      schema: { tags, querystring: SatisfactionQuery, response: { 200: SatisfactionFigures } },
    },
    (request) => satisfactionFigures.figures(request.query),
  );

  // The mailed link, without signing in: the token is the only key, so it is all the page learns.
  app.get(
    '/surveys/answer/:token',
    { config: { permission: 'public' }, schema: { tags, params: SurveyTokenParams, response: { 200: PublicSurvey } } },
    (request) => ticketSurveys.publicSurvey(request.params.token),
  );
  app.post(
    '/surveys/answer/:token',
    {
      config: { permission: 'public' },
      schema: { tags, params: SurveyTokenParams, body: AnswerSurveyBody, response: { 200: Ok } },
    },
    async (request) => {
      await requestLimiter.admit(
        `survey:address:${request.ip}`,
        ANSWERS_PER_ADDRESS,
        HOUR,
        'Too many survey answers from this address; try again later',
      );
      await ticketSurveys.answerByToken(request.params.token, request.body);
      return { status: 'ok' as const };
    },
  );
}
