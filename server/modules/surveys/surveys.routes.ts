import { IdParams, Ok } from '../../../domain/contracts/common.js';
import {
  AnswerByLinkBody,
  AnswerSurveyBody,
  FollowUpBody,
  PublicSurvey,
  PutTicketSurveySettingsBody,
  SatisfactionFigures,
  SatisfactionQuery,
  SurveyLinkBody,
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

/** Survey links opened and answered from one address per hour: an office behind one address, not a script. */
const REQUESTS_PER_ADDRESS = 120;
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
  // POST both, so the secret rides in the body and never in a logged URL.
  app.post(
    '/surveys/by-link',
    { config: { permission: 'public' }, schema: { tags, body: SurveyLinkBody, response: { 200: PublicSurvey } } },
    async (request) => {
      await admitAddress(request.ip);
      return ticketSurveys.publicSurvey(request.body.token);
    },
  );
  app.post(
    '/surveys/by-link/answers',
    { config: { permission: 'public' }, schema: { tags, body: AnswerByLinkBody, response: { 200: Ok } } },
    async (request) => {
      await admitAddress(request.ip);
      await ticketSurveys.answerByToken(request.body.token, { answers: request.body.answers });
      return { status: 'ok' as const };
    },
  );

  /** Guessing tokens is hopeless at 256 bits; the limit keeps a script from hammering the endpoint anyway. */
  function admitAddress(ip: string) {
    return requestLimiter.admit(
      `survey:address:${ip}`,
      REQUESTS_PER_ADDRESS,
      HOUR,
      'Too many survey requests from this address; try again later',
    );
  }
}
