import { IdParams } from '../../../domain/contracts/common.js';
import {
  CommentBody,
  CompareQuery,
  CreateQuestionnaireBody,
  NewVersionBody,
  PatchVersionBody,
  Questionnaire,
  QuestionnaireComment,
  QuestionnaireCommentList,
  QuestionnaireList,
  QuestionnaireListQuery,
  QuestionnaireVersion,
  QuestionnaireVersionParams,
  VersionComparison,
} from '../../../domain/contracts/questionnaires.js';
import type { App } from '../../platform/http.js';
import type { QuestionnairesService } from './questionnaires.service.js';

interface Deps {
  questionnaires: QuestionnairesService;
}

/**
 * Questionnaires designed with the client. Reading and commenting are open to any signed-in
 * person and narrowed by the service (the desk, or the organization's client managers; anyone
 * else gets 404); what only the desk does, or only a client manager, is hidden from the rest.
 */
export function registerQuestionnaireRoutes(app: App, { questionnaires }: Deps) {
  const tags = ['questionnaires'];
  const desk = { permission: 'surveys.manage', hiddenWithout: 'surveys.manage' } as const;
  const review = { permission: 'questionnaires.review', hiddenWithout: 'questionnaires.review' } as const;
  const anyone = { permission: 'authenticated' } as const;

  app.get(
    '/questionnaires',
    { config: anyone, schema: { tags, querystring: QuestionnaireListQuery, response: { 200: QuestionnaireList } } },
    async (request) => ({ items: await questionnaires.list(request.ctx, request.query.organizationId) }),
  );
  app.post(
    '/questionnaires',
    { config: desk, schema: { tags, body: CreateQuestionnaireBody, response: { 201: Questionnaire } } },
    async (request, reply) => reply.code(201).send(await questionnaires.create(request.ctx, request.body)),
  );
  app.get(
    '/questionnaires/:id',
    { config: anyone, schema: { tags, params: IdParams, response: { 200: Questionnaire } } },
    (request) => questionnaires.get(request.ctx, request.params.id),
  );
  app.get(
    '/questionnaires/:id/compare',
    {
      config: anyone,
      schema: { tags, params: IdParams, querystring: CompareQuery, response: { 200: VersionComparison } },
    },
    (request) => questionnaires.compare(request.ctx, request.params.id, request.query.from, request.query.to),
  );
  app.post(
    '/questionnaires/:id/versions',
    { config: desk, schema: { tags, params: IdParams, body: NewVersionBody, response: { 201: QuestionnaireVersion } } },
    async (request, reply) =>
      reply.code(201).send(await questionnaires.newVersion(request.ctx, request.params.id, request.body.fromNumber)),
  );
  app.get(
    '/questionnaires/:id/versions/:number',
    { config: anyone, schema: { tags, params: QuestionnaireVersionParams, response: { 200: QuestionnaireVersion } } },
    (request) => questionnaires.version(request.ctx, request.params.id, request.params.number),
  );
  app.patch(
    '/questionnaires/:id/versions/:number',
    {
      config: desk,
      schema: {
        tags,
        params: QuestionnaireVersionParams,
        body: PatchVersionBody,
        response: { 200: QuestionnaireVersion },
      },
    },
    (request) => questionnaires.patch(request.ctx, request.params.id, request.params.number, request.body),
  );
  app.post(
    '/questionnaires/:id/versions/:number/share',
    { config: desk, schema: { tags, params: QuestionnaireVersionParams, response: { 200: QuestionnaireVersion } } },
    (request) => questionnaires.share(request.ctx, request.params.id, request.params.number),
  );
  app.post(
    '/questionnaires/:id/versions/:number/approve',
    { config: review, schema: { tags, params: QuestionnaireVersionParams, response: { 200: QuestionnaireVersion } } },
    (request) => questionnaires.approve(request.ctx, request.params.id, request.params.number),
  );
  app.get(
    '/questionnaires/:id/versions/:number/comments',
    {
      config: anyone,
      schema: { tags, params: QuestionnaireVersionParams, response: { 200: QuestionnaireCommentList } },
    },
    async (request) => ({
      items: await questionnaires.comments(request.ctx, request.params.id, request.params.number),
    }),
  );
  app.post(
    '/questionnaires/:id/versions/:number/comments',
    {
      config: anyone,
      schema: { tags, params: QuestionnaireVersionParams, body: CommentBody, response: { 201: QuestionnaireComment } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await questionnaires.comment(request.ctx, request.params.id, request.params.number, request.body.body)),
  );
}
