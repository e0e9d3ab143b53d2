import { defineModule } from '../../platform/module.js';
import { registerNotificationRoutes } from './notifications.routes.js';

export const notificationsModule = defineModule({ name: 'notifications', routes: registerNotificationRoutes });
