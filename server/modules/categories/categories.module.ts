import { defineModule } from '../../platform/module.js';
import { registerCategoryRoutes } from './categories.routes.js';

export const categoriesModule = defineModule({ name: 'categories', routes: registerCategoryRoutes });
