import { IdParams, ItemsOf, ListOf } from '../../../domain/contracts/common.js';
import {
  BoardProblem,
  BoardTicket,
  Commitment,
  Compliance,
  ComplianceQuery,
  CreateCommitmentBody,
  ProblemSupervisionQuery,
  ProblemSupervisionSummary,
  ProblemSupervisionSummaryQuery,
  SupervisionQuery,
  SupervisionSummary,
  SupervisionSummaryQuery,
} from '../../../domain/contracts/supervision.js';
import type { App } from '../../platform/http.js';
import type { CommitmentsService } from './commitments.service.js';
import type { SupervisionService } from './supervision.service.js';

export function registerSupervisionRoutes(
  app: App,
  { supervision, commitments }: { supervision: SupervisionService; commitments: CommitmentsService },
) {
  const tags = ['supervision'];
  app.get(
    '/supervision/tickets',
    {
      config: { permission: 'supervision.read' },
      schema: { tags, querystring: SupervisionQuery, response: { 200: ListOf(BoardTicket) } },
    },
    (request) => supervision.board(request.ctx, request.query),
  );
  // Problem reports are the desk's: whoever may not read problems gets a 404, as on every problem route.
  app.get(
    '/supervision/problems',
    {
      config: { permission: 'supervision.read', hiddenWithout: 'problems.read' },
      schema: { tags, querystring: ProblemSupervisionQuery, response: { 200: ListOf(BoardProblem) } },
    },
    (request) => supervision.problems(request.query),
  );
  app.get(
    '/supervision/problems/summary',
    {
      config: { permission: 'supervision.read', hiddenWithout: 'problems.read' },
      schema: { tags, querystring: ProblemSupervisionSummaryQuery, response: { 200: ProblemSupervisionSummary } },
    },
    (request) => supervision.problemSummary(request.query),
  );
  app.get(
    '/supervision/summary',
    {
      config: { permission: 'supervision.read' },
      schema: { tags, querystring: SupervisionSummaryQuery, response: { 200: SupervisionSummary } },
    },
    (request) => supervision.summary(request.query),
  );
  app.get(
    '/supervision/compliance',
    {
      config: { permission: 'supervision.read' },
      schema: { tags, querystring: ComplianceQuery, response: { 200: Compliance } },
    },
    (request) => supervision.compliance(request.query),
  );
  app.get(
    '/tickets/:id/commitments',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, response: { 200: ItemsOf(Commitment) } },
    },
    async (request) => ({ items: await commitments.list(request.ctx, request.params.id) }),
  );
  app.post(
    '/tickets/:id/commitments',
    {
      config: { permission: 'supervision.act' },
      schema: { tags, params: IdParams, body: CreateCommitmentBody, response: { 201: Commitment } },
    },
    async (request, reply) =>
      reply.code(201).send(await commitments.create(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/problems/:id/commitments',
    {
      config: { permission: 'problems.read', hiddenWithout: 'problems.read' },
      schema: { tags, params: IdParams, response: { 200: ItemsOf(Commitment) } },
    },
    async (request) => ({ items: await commitments.listOfProblem(request.params.id) }),
  );
  app.post(
    '/problems/:id/commitments',
    {
      config: { permission: 'supervision.act', hiddenWithout: 'problems.read' },
      schema: { tags, params: IdParams, body: CreateCommitmentBody, response: { 201: Commitment } },
    },
    async (request, reply) =>
      reply.code(201).send(await commitments.createForProblem(request.ctx, request.params.id, request.body)),
  );
}
