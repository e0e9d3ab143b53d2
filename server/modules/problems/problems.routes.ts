import { Type } from 'typebox';
import { IdParams, ItemsOf, ListOf, ListQuery } from '../../../domain/contracts/common.js';
import {
  AppliedWorkaround,
  ApplyWorkaroundBody,
  AttachToProblemBody,
  CreateProblemBody,
  KnownError,
  KnownErrorQuery,
  LinkIncidentsBody,
  Problem,
  ProblemEvent,
  ProblemIncidents,
  ProblemIncidentsQuery,
  ProblemListQuery,
  ProblemNoteBody,
  ProblemSummary,
  ProblemTicketParams,
  UpdateProblemBody,
} from '../../../domain/contracts/problems.js';
import { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import type { App } from '../../platform/http.js';
import type { KnownErrorsService } from './known-errors.service.js';
import type { ProblemIncidentsService } from './problem-incidents.service.js';
import type { ProblemsService } from './problems.service.js';

interface Deps {
  problems: ProblemsService;
  problemIncidents: ProblemIncidentsService;
  knownErrors: KnownErrorsService;
}

/**
 * Problems are the desk's: every route is hidden (404) from whoever may not read problems, so a
 * requester cannot even tell a problem id exists. Reading takes problems.read; linking, notes and
 * applying a workaround problems.work; recording and moving a problem problems.manage.
 */
export function registerProblemRoutes(app: App, { problems, problemIncidents, knownErrors }: Deps) {
  const tags = ['problems'];
  const read = { permission: 'problems.read', hiddenWithout: 'problems.read' } as const;
  const work = { permission: 'problems.work', hiddenWithout: 'problems.read' } as const;
  const manage = { permission: 'problems.manage', hiddenWithout: 'problems.read' } as const;

  app.get(
    '/problems',
    { config: read, schema: { tags, querystring: ProblemListQuery, response: { 200: ListOf(ProblemSummary) } } },
    (request) => problems.list(request.ctx, request.query),
  );
  app.post(
    '/problems',
    { config: manage, schema: { tags, body: CreateProblemBody, response: { 201: Problem } } },
    async (request, reply) => reply.code(201).send(await problems.create(request.ctx, request.body)),
  );
  app.get(
    '/problems/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Problem } } },
    (request) => problems.get(request.ctx, request.params.id),
  );
  app.patch(
    '/problems/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateProblemBody, response: { 200: Problem } } },
    (request) => problems.update(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/problems/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({ cursor: ListQuery.cursor }, { additionalProperties: false }),
        response: { 200: ListOf(ProblemEvent) },
      },
    },
    (request) => problems.timeline(request.ctx, request.params.id, request.query.cursor),
  );
  app.get(
    '/problems/:id/sla',
    { config: read, schema: { tags, params: IdParams, response: { 200: ProblemSlaExplanation } } },
    (request) => problems.explainSla(request.ctx, request.params.id),
  );
  app.post(
    '/problems/:id/notes',
    { config: work, schema: { tags, params: IdParams, body: ProblemNoteBody, response: { 201: ProblemEvent } } },
    async (request, reply) =>
      reply.code(201).send(await problems.addNote(request.ctx, request.params.id, request.body.bodyHtml)),
  );
  app.post(
    '/problems/:id/attachments',
    { config: work, schema: { tags, params: IdParams, body: AttachToProblemBody, response: { 200: Problem } } },
    (request) => problems.attach(request.ctx, request.params.id, request.body.attachmentIds),
  );
  app.get(
    '/problems/:id/incidents',
    {
      config: read,
      schema: { tags, params: IdParams, querystring: ProblemIncidentsQuery, response: { 200: ProblemIncidents } },
    },
    (request) => problemIncidents.incidents(request.ctx, request.params.id, request.query.per),
  );
  app.post(
    '/problems/:id/incidents',
    {
      config: work,
      schema: { tags, params: IdParams, body: LinkIncidentsBody, response: { 200: ProblemIncidents } },
    },
    (request) => problemIncidents.link(request.ctx, request.params.id, request.body.ticketIds),
  );
  app.delete(
    '/problems/:id/incidents/:ticketId',
    { config: work, schema: { tags, params: ProblemTicketParams, response: { 200: ProblemIncidents } } },
    (request) => problemIncidents.unlink(request.ctx, request.params.id, request.params.ticketId),
  );
  app.post(
    '/problems/:id/apply-workaround',
    {
      config: work,
      schema: {
        tags,
        params: IdParams,
        body: ApplyWorkaroundBody,
        response: { 200: AppliedWorkaround, 201: AppliedWorkaround },
      },
    },
    async (request, reply) => {
      const applied = await problemIncidents.applyWorkaround(request.ctx, request.params.id, request.body);
      return reply.code(applied.alreadyApplied ? 200 : 201).send(applied);
    },
  );
  app.get(
    '/known-errors',
    { config: read, schema: { tags, querystring: KnownErrorQuery, response: { 200: ItemsOf(KnownError) } } },
    async (request) => ({ items: await knownErrors.search(request.ctx, request.query) }),
  );
}
