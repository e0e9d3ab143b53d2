import { Type } from 'typebox';
import { IdParams } from '../../../domain/contracts/common.js';
import { MailDelivery } from '../../../domain/contracts/mail.js';
import type { App } from '../../platform/http.js';
import type { MailAdminService } from './mail-admin.service.js';

/** Whether mail to a person bounces: staff read it beside the requester; an admin clears it. */
export function registerMailDeliveryRoutes(app: App, deps: { mailAdmin: MailAdminService }) {
  const tags = ['mail'];
  const { mailAdmin } = deps;
  app.get(
    '/users/:id/mail-delivery',
    { config: { permission: 'users.read' }, schema: { tags, params: IdParams, response: { 200: MailDelivery } } },
    (request) => mailAdmin.mailDelivery(request.params.id),
  );
  app.delete(
    '/users/:id/mail-delivery/bounce',
    { config: { permission: 'mail.manage' }, schema: { tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await mailAdmin.clearBounce(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
