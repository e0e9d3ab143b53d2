import { defineModule } from '../../platform/module.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';

export const knowledgeModule = defineModule({ name: 'knowledge', routes: registerKnowledgeRoutes });
