import { Type } from 'typebox';
import { IdParams, ItemsOf } from '../../../domain/contracts/common.js';
import {
  AcceptCandidateBody,
  CandidateSettings,
  IncidentResolution,
  IncidentResolutionProgress,
  ProblemCandidate,
  ResolveIncidentsBody,
} from '../../../domain/contracts/problem-jobs.js';
import { Problem } from '../../../domain/contracts/problems.js';
import type { App } from '../../platform/http.js';
import type { ProblemCandidatesService } from './problem-candidates.service.js';
import type { ProblemResolutionService } from './problem-resolution.service.js';
import type { ProblemsService } from './problems.service.js';

interface Deps {
  problems: ProblemsService;
  problemCandidates: ProblemCandidatesService;
  problemResolution: ProblemResolutionService;
}

/**
 * Problem candidates and resolving a problem's incidents; hidden (404) from whoever may not read
 * problems, as every problem route. Reading takes problems.read; deciding and resolving problems.manage.
 */
export function registerProblemJobRoutes(app: App, { problems, problemCandidates, problemResolution }: Deps) {
  const tags = ['problems'];
  const read = { permission: 'problems.read', hiddenWithout: 'problems.read' } as const;
  const manage = { permission: 'problems.manage', hiddenWithout: 'problems.read' } as const;

  app.get(
    '/problems/candidates',
    { config: read, schema: { tags, response: { 200: ItemsOf(ProblemCandidate) } } },
    async (request) => ({ items: await problemCandidates.pending(request.ctx) }),
  );
  app.get(
    '/problems/candidates/settings',
    { config: read, schema: { tags, response: { 200: CandidateSettings } } },
    () => problemCandidates.candidateSettings(),
  );
  app.put(
    '/problems/candidates/settings',
    { config: manage, schema: { tags, body: CandidateSettings, response: { 200: CandidateSettings } } },
    (request) => problemCandidates.updateCandidateSettings(request.ctx, request.body),
  );
  app.post(
    '/problems/candidates/:id/accept',
    { config: manage, schema: { tags, params: IdParams, body: AcceptCandidateBody, response: { 201: Problem } } },
    async (request, reply) => {
      const { problemId } = await problemCandidates.accept(request.ctx, request.params.id, request.body);
      return reply.code(201).send(await problems.get(request.ctx, problemId));
    },
  );
  app.post(
    '/problems/candidates/:id/dismiss',
    { config: manage, schema: { tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await problemCandidates.dismiss(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/problems/:id/resolve-incidents',
    { config: read, schema: { tags, params: IdParams, response: { 200: IncidentResolutionProgress } } },
    (request) => problemResolution.progress(request.ctx, request.params.id),
  );
  app.post(
    '/problems/:id/resolve-incidents',
    {
      config: manage,
      schema: { tags, params: IdParams, body: ResolveIncidentsBody, response: { 202: IncidentResolution } },
    },
    async (request, reply) =>
      reply.code(202).send(await problemResolution.request(request.ctx, request.params.id, request.body ?? {})),
  );
}
