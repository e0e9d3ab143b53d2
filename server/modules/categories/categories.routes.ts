import { Type } from 'typebox';
import { IdParams } from '../../../domain/contracts/common.js';
import {
  Category,
  CategoryListQuery,
  CreateCategoryBody,
  UpdateCategoryBody,
} from '../../../domain/contracts/tickets.js';
import type { App } from '../../platform/http.js';
import type { CategoriesService } from './categories.service.js';

export function registerCategoryRoutes(app: App, { categories }: { categories: CategoriesService }) {
  const tags = ['categories'];
  app.get(
    '/categories',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, querystring: CategoryListQuery, response: { 200: Type.Object({ items: Type.Array(Category) }) } },
    },
    async (request) => ({ items: await categories.list(request.ctx, request.query) }),
  );
  app.post(
    '/categories',
    {
      config: { permission: 'categories.manage' },
      schema: { tags, body: CreateCategoryBody, response: { 201: Category } },
    },
    async (request, reply) => reply.code(201).send(await categories.create(request.ctx, request.body)),
  );
  app.patch(
    '/categories/:id',
    {
      config: { permission: 'categories.manage' },
      schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: Category } },
    },
    (request) => categories.update(request.ctx, request.params.id, request.body),
  );
}
