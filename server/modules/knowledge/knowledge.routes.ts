import { IdParams, ItemsOf, ListOf, Ok } from '../../../domain/contracts/common.js';
import {
  ApplyProcedureBody,
  CannedResponse,
  CreateCannedResponseBody,
  CreateProcedureBody,
  Procedure,
  ProcedureActionBody,
  ProcedureListQuery,
  ProcedureVersion,
  Suggestion,
  SuggestionQuery,
  UpdateProcedureBody,
} from '../../../domain/contracts/procedures.js';
import type { App } from '../../platform/http.js';
import type { CannedResponsesService } from './canned-responses.service.js';
import type { ProcedureApplicationsService } from './procedure-applications.service.js';
import type { ProceduresService } from './procedures.service.js';

interface Deps {
  procedures: ProceduresService;
  procedureApplications: ProcedureApplicationsService;
  cannedResponses: CannedResponsesService;
}

export function registerKnowledgeRoutes(app: App, { procedures, procedureApplications, cannedResponses }: Deps) {
  const tags = ['procedures'];

  app.get(
    '/procedures',
    {
      config: { permission: 'procedures.read' },
      schema: { tags, querystring: ProcedureListQuery, response: { 200: ListOf(Procedure) } },
    },
    (request) => procedures.list(request.ctx, request.query),
  );
  app.get(
    '/procedures/suggestions',
    {
      config: { permission: 'procedures.read' },
      schema: { tags, querystring: SuggestionQuery, response: { 200: ItemsOf(Suggestion) } },
    },
    async (request) => ({ items: await procedures.suggest(request.ctx, request.query) }),
  );
  app.post(
    '/procedures',
    {
      config: { permission: 'procedures.write' },
      schema: { tags, body: CreateProcedureBody, response: { 201: Procedure } },
    },
    async (request, reply) => reply.code(201).send(await procedures.create(request.ctx, request.body)),
  );
  app.get(
    '/procedures/:id',
    { config: { permission: 'procedures.read' }, schema: { tags, params: IdParams, response: { 200: Procedure } } },
    (request) => procedures.get(request.ctx, request.params.id),
  );
  app.patch(
    '/procedures/:id',
    {
      config: { permission: 'procedures.write' },
      schema: { tags, params: IdParams, body: UpdateProcedureBody, response: { 200: Procedure } },
    },
    (request) => procedures.update(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/procedures/:id/actions',
    {
      config: { permission: 'procedures.write' },
      schema: { tags, params: IdParams, body: ProcedureActionBody, response: { 200: Procedure } },
    },
    (request) => procedures.act(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/procedures/:id/versions',
    {
      config: { permission: 'procedures.write' },
      schema: { tags, params: IdParams, response: { 200: ItemsOf(ProcedureVersion) } },
    },
    async (request) => ({ items: await procedures.versions(request.ctx, request.params.id) }),
  );
  app.post(
    '/tickets/:id/procedures',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, body: ApplyProcedureBody, response: { 201: Procedure } },
    },
    async (request, reply) =>
      reply.code(201).send(await procedureApplications.apply(request.ctx, request.params.id, request.body.procedureId)),
  );

  app.get(
    '/canned-responses',
    {
      config: { permission: 'tickets.work' },
      schema: { tags: ['canned responses'], response: { 200: ItemsOf(CannedResponse) } },
    },
    async (request) => ({ items: await cannedResponses.list(request.ctx) }),
  );
  app.post(
    '/canned-responses',
    {
      config: { permission: 'tickets.work' },
      schema: { tags: ['canned responses'], body: CreateCannedResponseBody, response: { 201: CannedResponse } },
    },
    async (request, reply) => reply.code(201).send(await cannedResponses.create(request.ctx, request.body)),
  );
  app.delete(
    '/canned-responses/:id',
    {
      config: { permission: 'tickets.work' },
      schema: { tags: ['canned responses'], params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await cannedResponses.remove(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );
}
