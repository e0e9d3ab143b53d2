import type { Kysely } from 'kysely';
import { Ok, ProblemDetails } from '../../../domain/contracts/common.js';
import { pingDatabase } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';

export function registerHealthRoutes(app: App, { db }: { db: Kysely<DB> }) {
  app.get(
    '/health',
    { config: { permission: 'public' }, schema: { tags: ['health'], response: { 200: Ok, 503: ProblemDetails } } },
    async (request) => {
      try {
        await pingDatabase(db);
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        throw new AppError('unavailable', 'The database does not answer');
      }
      return { status: 'ok' as const };
    },
  );
}
