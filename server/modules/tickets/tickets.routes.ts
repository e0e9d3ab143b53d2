import { Type } from 'typebox';
import { Id, IdParams, ListOf, ListQuery } from '../../../domain/contracts/common.js';
import {
  BulkUpdateBody,
  BulkUpdateResult,
  CreateLinkBody,
  CreateTicketBody,
  Message,
  MessageBody,
  QueueCounts,
  ServiceSuggestion,
  ServiceSuggestionQuery,
  Ticket,
  TicketLink,
  TicketListQuery,
  TicketSummary,
  TimelineEntry,
  UpdateTicketBody,
} from '../../../domain/contracts/tickets.js';
import type { App } from '../../platform/http.js';
import type { ConversationService } from './conversation.service.js';
import type { TicketLinksService } from './ticket-links.service.js';
import type { TicketReadsService } from './ticket-reads.service.js';
import type { TicketsService } from './tickets.service.js';

interface Deps {
  tickets: TicketsService;
  links: TicketLinksService;
  ticketReads: TicketReadsService;
  conversation: ConversationService;
}

export function registerTicketRoutes(app: App, { tickets, ticketReads, conversation, links }: Deps) {
  const tags = ['tickets'];

  app.post(
    '/tickets',
    { config: { permission: 'tickets.create' }, schema: { tags, body: CreateTicketBody, response: { 201: Ticket } } },
    async (request, reply) => reply.code(201).send(await tickets.create(request.ctx, request.body)),
  );

  app.get(
    '/tickets',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, querystring: TicketListQuery, response: { 200: ListOf(TicketSummary) } },
    },
    (request) => ticketReads.list(request.ctx, request.query),
  );

  app.get(
    '/tickets/counts',
    { config: { permission: 'tickets.work' }, schema: { tags, response: { 200: QueueCounts } } },
    (request) => ticketReads.counts(request.ctx),
  );

  app.post(
    '/tickets/bulk',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, body: BulkUpdateBody, response: { 200: BulkUpdateResult } },
    },
    (request) => tickets.bulkUpdate(request.ctx, request.body),
  );

  app.get(
    '/tickets/service-suggestion',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, querystring: ServiceSuggestionQuery, response: { 200: ServiceSuggestion } },
    },
    (request) => ticketReads.serviceSuggestion(request.ctx, request.query.requesterId),
  );

  app.get(
    '/tickets/:id',
    { config: { permission: 'tickets.read' }, schema: { tags, params: IdParams, response: { 200: Ticket } } },
    (request) => ticketReads.get(request.ctx, request.params.id),
  );

  app.patch(
    '/tickets/:id',
    {
      config: { permission: 'tickets.update' },
      schema: { tags, params: IdParams, body: UpdateTicketBody, response: { 200: Ticket } },
    },
    (request) => tickets.update(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/tickets/:id/timeline',
    {
      config: { permission: 'tickets.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({ cursor: ListQuery.cursor }, { additionalProperties: false }),
        response: { 200: ListOf(TimelineEntry) },
      },
    },
    (request) => ticketReads.timeline(request.ctx, request.params.id, request.query.cursor),
  );

  app.post(
    '/tickets/:id/replies',
    {
      config: { permission: 'tickets.update' },
      schema: { tags, params: IdParams, body: MessageBody, response: { 201: Message } },
    },
    async (request, reply) =>
      reply.code(201).send(await conversation.post(request.ctx, request.params.id, 'reply', request.body)),
  );

  app.post(
    '/tickets/:id/links',
    {
      config: { permission: 'tickets.work' },
      schema: {
        tags,
        params: IdParams,
        body: CreateLinkBody,
        response: { 201: Type.Object({ items: Type.Array(TicketLink) }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ items: await links.link(request.ctx, request.params.id, request.body) }),
  );

  app.delete(
    '/tickets/:id/links/:linkId',
    {
      config: { permission: 'tickets.work' },
      schema: {
        tags,
        params: Type.Object({ id: Id, linkId: Id }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(TicketLink) }) },
      },
    },
    async (request) => ({ items: await links.unlink(request.ctx, request.params.id, request.params.linkId) }),
  );

  app.post(
    '/tickets/:id/notes',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, body: MessageBody, response: { 201: Message } },
    },
    async (request, reply) =>
      reply.code(201).send(await conversation.post(request.ctx, request.params.id, 'note', request.body)),
  );
}
