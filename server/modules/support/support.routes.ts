import { Type } from 'typebox';
import { Id, IdParams, ItemsOf } from '../../../domain/contracts/common.js';
import {
  CreateGroupBody,
  CreateRoutingRuleBody,
  EscalateBody,
  Escalation,
  Group,
  PresenceBody,
  RouteExplanation,
  RouteExplanationQuery,
  RoutingRule,
  UpdateGroupBody,
  UpdateRoutingRuleBody,
} from '../../../domain/contracts/support.js';
import { Ticket } from '../../../domain/contracts/tickets.js';
import { User } from '../../../domain/contracts/users.js';
import type { App } from '../../platform/http.js';
import type { UsersService } from '../users/users.service.js';
import type { EscalationsService } from './escalations.service.js';
import type { GroupsService } from './groups.service.js';

interface Deps {
  groups: GroupsService;
  escalations: EscalationsService;
  users: UsersService;
}

export function registerSupportRoutes(app: App, { groups, escalations, users }: Deps) {
  const tags = ['support levels'];

  app.get(
    '/groups',
    { config: { permission: 'tickets.work' }, schema: { tags, response: { 200: ItemsOf(Group) } } },
    async () => ({ items: await groups.list() }),
  );
  app.post(
    '/groups',
    { config: { permission: 'groups.manage' }, schema: { tags, body: CreateGroupBody, response: { 201: Group } } },
    async (request, reply) => reply.code(201).send(await groups.create(request.ctx, request.body)),
  );
  app.get(
    '/groups/:id',
    { config: { permission: 'tickets.work' }, schema: { tags, params: IdParams, response: { 200: Group } } },
    (request) => groups.get(request.params.id),
  );
  app.patch(
    '/groups/:id',
    {
      config: { permission: 'groups.manage' },
      schema: { tags, params: IdParams, body: UpdateGroupBody, response: { 200: Group } },
    },
    (request) => groups.update(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/routing-rules',
    { config: { permission: 'groups.manage' }, schema: { tags, response: { 200: ItemsOf(RoutingRule) } } },
    async () => ({ items: await groups.listRules() }),
  );
  app.post(
    '/routing-rules',
    {
      config: { permission: 'groups.manage' },
      schema: { tags, body: CreateRoutingRuleBody, response: { 201: RoutingRule } },
    },
    async (request, reply) => reply.code(201).send(await groups.createRule(request.ctx, request.body)),
  );
  app.patch(
    '/routing-rules/:id',
    {
      config: { permission: 'groups.manage' },
      schema: { tags, params: IdParams, body: UpdateRoutingRuleBody, response: { 200: RoutingRule } },
    },
    (request) => groups.updateRule(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/routing-rules/explain',
    {
      config: { permission: 'groups.manage' },
      schema: { tags, querystring: RouteExplanationQuery, response: { 200: RouteExplanation } },
    },
    (request) => groups.explainRoute(request.query),
  );

  app.post(
    '/tickets/:id/escalations',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, body: EscalateBody, response: { 201: Ticket } },
    },
    async (request, reply) =>
      reply.code(201).send(await escalations.escalate(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/tickets/:id/escalations',
    {
      config: { permission: 'tickets.work' },
      schema: {
        tags,
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        response: { 200: ItemsOf(Escalation) },
      },
    },
    async (request) => ({ items: await escalations.list(request.ctx, request.params.id) }),
  );

  app.put(
    '/me/presence',
    { config: { permission: 'tickets.work' }, schema: { tags, body: PresenceBody, response: { 200: User } } },
    (request) => users.setPresence(request.ctx, request.body.presence),
  );
}
