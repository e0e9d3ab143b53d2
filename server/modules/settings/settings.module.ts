import { defineModule } from '../../platform/module.js';
import { registerSettingsRoutes } from './settings.routes.js';

export const settingsModule = defineModule({ name: 'settings', routes: registerSettingsRoutes });
