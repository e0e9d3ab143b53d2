import { ListOf, Ok } from '../../../domain/contracts/common.js';
import {
  MarkNotificationsReadBody,
  Notification,
  NotificationQuery,
  UnreadCount,
} from '../../../domain/contracts/supervision.js';
import type { App } from '../../platform/http.js';
import type { NotificationsService } from './notifications.service.js';

export function registerNotificationRoutes(app: App, { notifications }: { notifications: NotificationsService }) {
  const tags = ['notifications'];
  app.get(
    '/me/notifications',
    {
      config: { permission: 'authenticated' },
      schema: { tags, querystring: NotificationQuery, response: { 200: ListOf(Notification) } },
    },
    (request) => notifications.list(request.ctx, request.query),
  );
  app.get(
    '/me/notifications/unread-count',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: UnreadCount } } },
    (request) => notifications.unreadCount(request.ctx),
  );
  app.post(
    '/me/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: { tags, body: MarkNotificationsReadBody, response: { 200: Ok } },
    },
    async (request) => {
      await notifications.markRead(request.ctx, request.body.ids);
      return { status: 'ok' as const };
    },
  );
}
