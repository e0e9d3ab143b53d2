import { Type } from 'typebox';
import { IdParams, ListOf } from '../../../domain/contracts/common.js';
import {
  CreateOrganizationBody,
  CreateServiceBody,
  Organization,
  OrganizationListQuery,
  Service,
  UpdateOrganizationBody,
  UpdateServiceBody,
} from '../../../domain/contracts/organizations.js';
import type { App } from '../../platform/http.js';
import type { OrganizationsService } from './organizations.service.js';

export function registerOrganizationRoutes(app: App, { organizations }: { organizations: OrganizationsService }) {
  const tags = ['organizations'];

  app.get(
    '/organizations',
    {
      config: { permission: 'organizations.read' },
      schema: { tags, querystring: OrganizationListQuery, response: { 200: ListOf(Organization) } },
    },
    (request) => organizations.list(request.ctx, request.query),
  );

  app.post(
    '/organizations',
    {
      config: { permission: 'organizations.manage' },
      schema: { tags, body: CreateOrganizationBody, response: { 201: Organization } },
    },
    async (request, reply) => reply.code(201).send(await organizations.create(request.ctx, request.body)),
  );

  app.get(
    '/organizations/:id',
    {
      config: { permission: 'organizations.read' },
      schema: { tags, params: IdParams, response: { 200: Organization } },
    },
    (request) => organizations.get(request.ctx, request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      config: { permission: 'organizations.manage' },
      schema: { tags, params: IdParams, body: UpdateOrganizationBody, response: { 200: Organization } },
    },
    (request) => organizations.update(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/organizations/:id/services',
    {
      config: { permission: 'organizations.read' },
      schema: { tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(Service) }) } },
    },
    async (request) => ({ items: await organizations.listServices(request.ctx, request.params.id) }),
  );

  app.post(
    '/organizations/:id/services',
    {
      config: { permission: 'organizations.manage' },
      schema: { tags, params: IdParams, body: CreateServiceBody, response: { 201: Service } },
    },
    async (request, reply) =>
      reply.code(201).send(await organizations.createService(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/services/:id',
    {
      config: { permission: 'organizations.manage' },
      schema: { tags, params: IdParams, body: UpdateServiceBody, response: { 200: Service } },
    },
    (request) => organizations.updateService(request.ctx, request.params.id, request.body),
  );
}
