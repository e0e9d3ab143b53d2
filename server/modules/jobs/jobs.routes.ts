import { Type } from 'typebox';
import { ItemsOf, ListOf, ListQuery } from '../../../domain/contracts/common.js';
import { JobParams, JobRun, JobSummary } from '../../../domain/contracts/jobs.js';
import type { App } from '../../platform/http.js';
import type { JobDefinition } from '../../platform/jobs.js';
import type { JobsService } from './jobs.service.js';

export function registerJobRoutes(
  app: App,
  { jobs, jobDefinitions }: { jobs: JobsService; jobDefinitions: readonly JobDefinition[] },
) {
  const tags = ['jobs'];
  app.get(
    '/jobs',
    { config: { permission: 'jobs.read' }, schema: { tags, response: { 200: ItemsOf(JobSummary) } } },
    async () => ({ items: await jobs.list(jobDefinitions) }),
  );
  app.get(
    '/jobs/:name/runs',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        params: JobParams,
        querystring: Type.Object(ListQuery, { additionalProperties: false }),
        response: { 200: ListOf(JobRun) },
      },
    },
    (request) => jobs.runs(jobDefinitions, request.params.name, request.query),
  );
}
