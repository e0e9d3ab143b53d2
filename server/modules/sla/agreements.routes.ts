import { Type } from 'typebox';
import { Id, IdParams, ItemsOf } from '../../../domain/contracts/common.js';
import {
  Agreement,
  Calendar,
  CreateAgreementBody,
  CreateCalendarBody,
  ImportHolidaysBody,
  SlaExplanation,
  UpdateAgreementBody,
  UpdateCalendarBody,
} from '../../../domain/contracts/sla.js';
import type { App } from '../../platform/http.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { AgreementsService } from './agreements.service.js';

export function registerAgreementRoutes(
  app: App,
  { agreements, ticketReads }: { agreements: AgreementsService; ticketReads: TicketReadsService },
) {
  const tags = ['service levels'];

  app.get(
    '/calendars',
    { config: { permission: 'tickets.work' }, schema: { tags, response: { 200: ItemsOf(Calendar) } } },
    async () => ({ items: await agreements.listCalendars() }),
  );
  app.post(
    '/calendars',
    {
      config: { permission: 'agreements.manage' },
      schema: { tags, body: CreateCalendarBody, response: { 201: Calendar } },
    },
    async (request, reply) => reply.code(201).send(await agreements.createCalendar(request.ctx, request.body)),
  );
  app.get(
    '/calendars/:id',
    { config: { permission: 'tickets.work' }, schema: { tags, params: IdParams, response: { 200: Calendar } } },
    (request) => agreements.getCalendar(request.params.id),
  );
  app.patch(
    '/calendars/:id',
    {
      config: { permission: 'agreements.manage' },
      schema: { tags, params: IdParams, body: UpdateCalendarBody, response: { 200: Calendar } },
    },
    (request) => agreements.updateCalendar(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/calendars/:id/holidays/import',
    {
      config: { permission: 'agreements.manage' },
      schema: { tags, params: IdParams, body: ImportHolidaysBody, response: { 200: Calendar } },
    },
    (request) => agreements.importHolidays(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/tickets/:id/sla',
    { config: { permission: 'tickets.work' }, schema: { tags, params: IdParams, response: { 200: SlaExplanation } } },
    (request) => ticketReads.explainSla(request.ctx, request.params.id),
  );

  app.get(
    '/agreements',
    {
      config: { permission: 'tickets.work' },
      schema: {
        tags,
        querystring: Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: ItemsOf(Agreement) },
      },
    },
    async (request) => ({ items: await agreements.listAgreements(request.query.organizationId) }),
  );
  app.post(
    '/agreements',
    {
      config: { permission: 'agreements.manage' },
      schema: { tags, body: CreateAgreementBody, response: { 201: Agreement } },
    },
    async (request, reply) => reply.code(201).send(await agreements.createAgreement(request.ctx, request.body)),
  );
  app.get(
    '/agreements/:id',
    { config: { permission: 'tickets.work' }, schema: { tags, params: IdParams, response: { 200: Agreement } } },
    (request) => agreements.getAgreement(request.params.id),
  );
  app.patch(
    '/agreements/:id',
    {
      config: { permission: 'agreements.manage' },
      schema: { tags, params: IdParams, body: UpdateAgreementBody, response: { 200: Agreement } },
    },
    (request) => agreements.updateAgreement(request.ctx, request.params.id, request.body),
  );
}
