import { IdParams, ListOf, Ok } from '../../../domain/contracts/common.js';
import {
  CreateUserBody,
  SetPasswordBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from '../../../domain/contracts/users.js';
import type { App } from '../../platform/http.js';
import type { UsersService } from './users.service.js';

export function registerUserRoutes(app: App, { users }: { users: UsersService }) {
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: { tags, querystring: UserListQuery, response: { 200: ListOf(User) } },
    },
    (request) => users.list(request.query),
  );

  app.post(
    '/users',
    { config: { permission: 'users.manage' }, schema: { tags, body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => reply.code(201).send(await users.create(request.ctx, request.body)),
  );

  app.get(
    '/users/:id',
    { config: { permission: 'users.read' }, schema: { tags, params: IdParams, response: { 200: User } } },
    (request) => users.get(request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User } },
    },
    (request) => users.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: IdParams, body: SetPasswordBody, response: { 200: Ok } },
    },
    async (request) => {
      await users.setPassword(request.ctx, request.params.id, request.body.password, null);
      return { status: 'ok' as const };
    },
  );
}
