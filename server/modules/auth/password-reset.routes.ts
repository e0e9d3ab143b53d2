import { setTimeout as sleep } from 'node:timers/promises';
import { Ok } from '../../../domain/contracts/common.js';
import {
  ForgotPasswordAnswer,
  ForgotPasswordBody,
  ResetPasswordBody,
} from '../../../domain/contracts/password-reset.js';
import { checkSameOrigin } from '../../platform/access-control.js';
import type { App } from '../../platform/http.js';
import { type PasswordResetService, RESET_LIMITS } from './password-reset.service.js';

const tags = ['auth'];

export function registerPasswordResetRoutes(app: App, { passwordResets }: { passwordResets: PasswordResetService }) {
  app.post(
    '/auth/forgot-password',
    {
      config: { permission: 'public' },
      schema: { tags, body: ForgotPasswordBody, response: { 202: ForgotPasswordAnswer } },
    },
    async (request, reply) => {
      checkSameOrigin(request);
      const started = performance.now();
      await passwordResets.request(request.body.email, request.body.locale, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      });
      // Wall time on purpose: the floor is about what a caller measures, not the desk's clock.
      const left = RESET_LIMITS.answerFloorMs - (performance.now() - started);
      if (left > 0) await sleep(left);
      return reply.code(202).send({ status: 'sent_if_known' as const });
    },
  );

  app.post(
    '/auth/reset-password',
    { config: { permission: 'public' }, schema: { tags, body: ResetPasswordBody, response: { 200: Ok } } },
    async (request) => {
      checkSameOrigin(request);
      await passwordResets.reset(request.body.token, request.body.password, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      });
      return { status: 'ok' as const };
    },
  );
}
