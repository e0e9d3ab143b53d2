import { defineModule } from '../../platform/module.js';
import { registerUserRoutes } from './users.routes.js';

export const usersModule = defineModule({ name: 'users', routes: registerUserRoutes });
